"""Template context: the organisations the person works in, for the navigation bar."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from mechelen.web.tenancy.access import access_of
from mechelen.web.tenancy.models import Organisation


def organisations(request: HttpRequest) -> dict[str, Any]:
    access = access_of(request)
    if not access.organisation_roles:
        return {"my_organisations": []}
    return {
        "my_organisations": list(
            Organisation.objects.filter(pk__in=access.organisation_roles).only("slug", "name")
        )
    }
