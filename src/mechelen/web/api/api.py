"""The JSON API (django-ninja): same objects and permissions as the pages.

OpenAPI schema at ``/api/openapi.json``, interactive documentation at ``/api/docs``.
Authentication: the site's session (with its CSRF token for writes) or a personal API token
sent as ``Authorization: Bearer <token>``. Anonymous callers read published data only. The documentation page is Swagger UI from
django-ninja's own static files (no CDN; it works offline).
"""

from __future__ import annotations

from typing import Any

from ninja import NinjaAPI, Swagger

from mechelen.web.api.auth import BearerToken
from mechelen.web.api.routers.commitments import router as commitments_router
from mechelen.web.api.routers.organisations import networks as networks_router
from mechelen.web.api.routers.organisations import router as organisations_router

API_PREFIX = "mechelen_web_api_"
ROUTERS_PREFIX = f"{API_PREFIX}routers_"


class SiteSwagger(Swagger):
    """Swagger UI from the site's static files, without inline script."""

    template = "api/swagger.html"


class MechelenAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation: Any) -> str:
        """``mechelen_web_api_<router>_<function>``, the ids clients were generated with
        before the routers moved into ``api/routers`` (django-ninja names an operation
        after its module)."""
        return str(super().get_openapi_operation_id(operation)).replace(
            ROUTERS_PREFIX, API_PREFIX, 1
        )

    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        """The bearer scheme is optional: each operation also answers without it (a
        visitor, or the site's session), written as the empty requirement ``{}``."""
        schema = super().get_openapi_schema(*args, **kwargs)
        for item in schema["paths"].values():
            for operation in item.values():
                if isinstance(operation, dict) and operation.get("security"):
                    operation["security"] = [*operation["security"], {}]
        return schema


api = MechelenAPI(
    title="Cities and Migration Platform API",
    version="1",
    description="Cities, commitments, assessments and published statistics of the Mechelen Declaration follow-up.",
    auth=BearerToken(),
    docs=SiteSwagger(),
    urls_namespace="api",
)
api.add_router("/organisations", organisations_router)
api.add_router("/organisations", commitments_router)
api.add_router("/networks", networks_router)
api.add_router("/organisations", "mechelen.web.api.routers.assessments.router")
api.add_router("/organisations", "mechelen.web.api.routers.statistics.router")
api.add_router("/organisations", "mechelen.web.api.routers.followup.router")
api.add_router("/organisations", "mechelen.web.api.routers.members.router")
api.add_router("/organisations", "mechelen.web.api.routers.assessment_rounds.router")
api.add_router("/organisations", "mechelen.web.api.routers.datasets.router")
api.add_router("/organisations", "mechelen.web.api.routers.jobs.router")
api.add_router("/organisations", "mechelen.web.api.routers.evidence.router")
