"""Login throttling by account and by address (django-axes' database handler, extended).

django-axes locks a user name from one client address after ``AXES_FAILURE_LIMIT``
failures. That alone lets one address try a few passwords on each of many accounts, so this
handler also counts every failure from the address, whatever user names it tried, and locks
the address for all of them once it reaches ``LOGIN_FAILURES_PER_ADDRESS`` within the
cool-off time. A successful login clears only that user name's failures from that address
(axes' own reset), never the address's count: logging into an account of one's own does not
buy more guesses on others. The address is the client's, read through the trusted proxies
(:mod:`mechelen.web.client_address`).
"""

from __future__ import annotations

from typing import Any

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest


def failures_from_address(request: HttpRequest) -> int:
    """Failed logins from the request's client address within the cool-off time."""
    found = AccessAttempt.objects.filter(
        ip_address=request.axes_ip_address,  # type: ignore[attr-defined]
        attempt_time__gte=get_cool_off_threshold(request),
    ).aggregate(total=Sum("failures_since_start"))
    return int(found["total"] or 0)


class AccountAndAddressHandler(AxesDatabaseHandler):  # type: ignore[misc]
    """Locks a user name from an address, and an address for every user name."""

    def get_failures(self, request: Any, credentials: dict[str, Any] | None = None) -> int:
        per_account = int(super().get_failures(request, credentials))
        per_address = failures_from_address(request)
        if per_address >= settings.LOGIN_FAILURES_PER_ADDRESS:
            # at or above the address's limit, which is above the account's: locked
            return max(per_account, per_address)
        return per_account
