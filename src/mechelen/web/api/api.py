"""The JSON API (django-ninja): same objects and permissions as the pages.

OpenAPI schema at ``/api/openapi.json``, interactive documentation at ``/api/docs``.
Authentication: the site's session (with its CSRF token for writes) or a personal API token
sent as ``Authorization: Bearer <token>``. Anonymous callers read published data only.
"""

from __future__ import annotations

from ninja import NinjaAPI

from mechelen.web.api.auth import optional_auth
from mechelen.web.api.commitments import router as commitments_router
from mechelen.web.api.organisations import networks as networks_router
from mechelen.web.api.organisations import router as organisations_router

api = NinjaAPI(
    title="Mechelen API",
    version="1",
    description="Cities, commitments, assessments and published statistics of the Mechelen Declaration follow-up.",
    auth=optional_auth,
    urls_namespace="api",
)
api.add_router("/organisations", organisations_router)
api.add_router("/organisations", commitments_router)
api.add_router("/networks", networks_router)
api.add_router("/organisations", "mechelen.web.api.assessments.router")
api.add_router("/organisations", "mechelen.web.api.statistics.router")
api.add_router("/organisations", "mechelen.web.api.followup.router")
api.add_router("/organisations", "mechelen.web.api.members.router")
api.add_router("/organisations", "mechelen.web.api.assessment_rounds.router")
api.add_router("/organisations", "mechelen.web.api.datasets.router")
api.add_router("/organisations", "mechelen.web.api.jobs.router")
api.add_router("/organisations", "mechelen.web.api.evidence.router")
