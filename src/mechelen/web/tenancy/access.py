"""What a person may reach: their roles per organisation and per network, read once per request.

Each app's ``policy.py`` says which roles may do what with its objects; views ask the policy
through an :class:`Access` and call :func:`require` (HTTP 403 when refused).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from mechelen.web.tenancy.models import Membership, Network, Organisation
from mechelen.web.tenancy.roles import PLATFORM_ADMINISTRATORS, Role


@dataclass(frozen=True)
class Access:
    """A person's roles, by organisation id and by network id (empty for a visitor)."""

    user_id: int | None = None
    organisation_roles: Mapping[int, frozenset[Role]] = field(default_factory=dict)
    network_roles: Mapping[int, frozenset[Role]] = field(default_factory=dict)
    #: a platform administrator approves or rejects self-registered organisations
    platform_admin: bool = False

    @property
    def authenticated(self) -> bool:
        return self.user_id is not None

    def roles_in(self, organisation: Organisation | int) -> frozenset[Role]:
        key = organisation if isinstance(organisation, int) else organisation.pk
        return self.organisation_roles.get(key, frozenset())

    def holds(self, organisation: Organisation | int, roles: Iterable[Role]) -> bool:
        """Whether the person holds one of ``roles`` in ``organisation``."""
        return not self.roles_in(organisation).isdisjoint(roles)

    def analyses(self, network: Network | int) -> bool:
        key = network if isinstance(network, int) else network.pk
        return Role.NETWORK_ANALYST in self.network_roles.get(key, frozenset())

    def works_in(self, organisation: Organisation | int) -> bool:
        """Whether the person holds any role in ``organisation``."""
        return bool(self.roles_in(organisation))

    def organisations_with(self, roles: Iterable[Role]) -> list[int]:
        wanted = frozenset(roles)
        return sorted(o for o, held in self.organisation_roles.items() if held & wanted)


VISITOR = Access()


def access_for_user(user: Any) -> Access:
    """The roles of ``user`` (a visitor's access when not logged in or inactive)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return VISITOR
    by_organisation: dict[int, set[Role]] = defaultdict(set)
    by_network: dict[int, set[Role]] = defaultdict(set)
    for organisation_id, network_id, role in Membership.objects.filter(user=user).values_list(
        "organisation_id", "network_id", "role"
    ):
        if organisation_id is not None:
            by_organisation[organisation_id].add(Role(role))
        else:
            by_network[network_id].add(Role(role))
    return Access(
        user_id=user.pk,
        organisation_roles={k: frozenset(v) for k, v in by_organisation.items()},
        network_roles={k: frozenset(v) for k, v in by_network.items()},
        platform_admin=is_platform_admin(user),
    )


def is_platform_admin(user: Any) -> bool:
    """A superuser, or a member of the platform administrators' group (``platform_admin``)."""
    return bool(user.is_superuser) or user.groups.filter(name=PLATFORM_ADMINISTRATORS).exists()


def access_of(request: HttpRequest) -> Access:
    """The requesting person's access, computed once per request."""
    cached: Access | None = getattr(request, "_mechelen_access", None)
    if cached is None:
        cached = access_for_user(getattr(request, "user", None))
        request._mechelen_access = cached  # type: ignore[attr-defined]
    return cached


def require(allowed: bool) -> None:
    """Refuse the request (HTTP 403) unless the policy allowed it."""
    if not allowed:
        raise PermissionDenied
