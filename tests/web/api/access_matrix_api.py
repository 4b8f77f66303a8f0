"""The allowed/denied matrix of every JSON API operation, as ``access_matrix.py`` is for pages.

Every operation of the OpenAPI schema (``"METHOD /api/path"``) must be listed here (a test
fails otherwise), so a new endpoint cannot ship without saying who may call it. ``PUBLIC``
operations answer everyone, visitors included; for the others only the listed roles of the
city the path names get an answer: the same roles of another city, a network analyst, a
person with no role and a visitor are refused (HTTP 401 or 403; 404 where the object is
hidden from them, ``visible``).

Where an answer's content depends on the caller, ``secret`` gives a text that only the
``sees`` roles of the city may find in it (a private commitment, an unpublished figure).
``files`` sends the body as a multipart form (an upload) instead of JSON.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from mechelen.web.assessments.models import AssessmentRound, RoundStatus
from tests.web.access_matrix import (
    ADMIN,
    EDITORS,
    INTERNAL,
    PROVIDER,
    PUBLIC,
    RESPONDENT,
    RESULTS,
    STEWARD,
    assessment_round,
    city_slug,
    no_kwargs,
    private_commitment,
)
from tests.web.api import matrix_builders as build
from tests.web.assessments import factories as assessments
from tests.web.followup import factories as followup
from tests.web.statistics import factories as stats

Params = Callable[[Any, Any], dict[str, Any]]
Body = Callable[[Any, Any], dict[str, Any]]
Files = Callable[[Any, Any], dict[str, Any]]
Secret = Callable[[Any, Any], str]


def new_own_commitment(world: Any, city: Any) -> dict[str, Any]:
    return {"own_title": "Matrix plan", "owner": "o", "target": "t", "due_date": "2030-01-01"}


def commitment_change(world: Any, city: Any) -> dict[str, Any]:
    return {"target": "Changed through the API"}


def private_commitment_title(world: Any, city: Any) -> str:
    return str(city.private_commitment.own_title)


def closed_assessment_round(world: Any, city: Any) -> dict[str, Any]:
    params = assessment_round(world, city)
    AssessmentRound.objects.filter(pk=params["pk"]).update(status=RoundStatus.CLOSED)
    return params


def some_answers(world: Any, city: Any) -> dict[str, Any]:
    return {"answers": [{"question": "food/urgency", "score": 2}]}


def slug_with_draft_release(world: Any, city: Any) -> dict[str, Any]:
    stats.release_in(city.organisation)
    return city_slug(world, city)


def draft_release_title(world: Any, city: Any) -> str:
    return f"People of {city.organisation.name} (draft)"


def slug_with_figure(world: Any, city: Any) -> dict[str, Any]:
    stats.figure_of(city, "Matrix figure")
    return city_slug(world, city)


def figure_name(world: Any, city: Any) -> str:
    return "Matrix figure"


def new_figure(world: Any, city: Any) -> dict[str, Any]:
    return {"sector": "education", "period": "2024", "name": "Course places", "value": "12"}


def rejection(world: Any, city: Any) -> dict[str, Any]:
    return {"reason": "Add the age bands."}


@dataclass(frozen=True)
class ApiRule:
    params: Params
    allowed: frozenset[Any]
    body: Body | None = None
    secret: Secret | None = None
    sees: frozenset[Any] = frozenset()
    files: Files | None = None
    #: for an operation on an object some callers may not see: the city's roles that see it.
    #: Refused callers outside them get 404, as for an object that does not exist; those
    #: who see it but may not do this get 403.
    visible: frozenset[Any] | None = None


OPERATIONS: dict[str, ApiRule] = {
    "GET /api/organisations/": ApiRule(no_kwargs, PUBLIC),
    "GET /api/organisations/{slug}": ApiRule(city_slug, PUBLIC),
    "GET /api/organisations/{slug}/commitments": ApiRule(
        city_slug, PUBLIC, secret=private_commitment_title, sees=INTERNAL
    ),
    "POST /api/organisations/{slug}/commitments": ApiRule(
        city_slug, EDITORS, body=new_own_commitment
    ),
    "PATCH /api/organisations/{slug}/commitments/{pk}": ApiRule(
        private_commitment, EDITORS, body=commitment_change
    ),
    "GET /api/networks/": ApiRule(no_kwargs, PUBLIC),
    "GET /api/organisations/{slug}/assessments": ApiRule(city_slug, RESULTS | RESPONDENT),
    "GET /api/organisations/{slug}/assessments/{pk}/results": ApiRule(
        closed_assessment_round, RESULTS
    ),
    "GET /api/organisations/{slug}/assessments/{pk}/my-answers": ApiRule(
        assessment_round, RESPONDENT
    ),
    "PUT /api/organisations/{slug}/assessments/{pk}/my-answers": ApiRule(
        assessment_round, RESPONDENT, body=some_answers
    ),
    # statistics (policy in mechelen/web/statistics/policy.py)
    "GET /api/organisations/{slug}/releases": ApiRule(
        slug_with_draft_release, PUBLIC, secret=draft_release_title, sees=INTERNAL
    ),
    "GET /api/organisations/{slug}/releases/{pk}": ApiRule(stats.published_kwargs, PUBLIC),
    "POST /api/organisations/{slug}/releases/{pk}/submit": ApiRule(stats.draft_kwargs, STEWARD),
    "POST /api/organisations/{slug}/releases/{pk}/approve": ApiRule(stats.submitted_kwargs, ADMIN),
    "POST /api/organisations/{slug}/releases/{pk}/reject": ApiRule(
        stats.submitted_kwargs, ADMIN, body=rejection
    ),
    "GET /api/organisations/{slug}/service-figures": ApiRule(
        slug_with_figure,
        PROVIDER | ADMIN | STEWARD,
        secret=figure_name,
        sees=PROVIDER | ADMIN | STEWARD,
    ),
    "POST /api/organisations/{slug}/service-figures": ApiRule(city_slug, PROVIDER, body=new_figure),
    # follow-up (policy in mechelen/web/followup/policy.py)
    "GET /api/organisations/{slug}/indicators": ApiRule(
        followup.slug_with_private_indicator,
        PUBLIC,
        secret=followup.private_indicator_label,
        sees=INTERNAL,
    ),
    "POST /api/organisations/{slug}/indicators/{indicator}/values": ApiRule(
        followup.indicator_value_params, EDITORS, body=followup.new_value
    ),
    "GET /api/organisations/{slug}/commitments/{pk}/evidence": ApiRule(
        build.private_commitment_with_evidence,
        INTERNAL,
        secret=build.evidence_secret,
        sees=INTERNAL,
        visible=INTERNAL,
    ),
    "POST /api/organisations/{slug}/commitments/{pk}/evidence": ApiRule(
        private_commitment, EDITORS, body=build.new_evidence_link, visible=INTERNAL
    ),
    "DELETE /api/organisations/{slug}/evidence/{pk}": ApiRule(
        followup.private_evidence_kwargs, EDITORS
    ),
    # profile, members and audit log (policy in mechelen/web/tenancy/policy.py)
    "PATCH /api/organisations/{slug}": ApiRule(city_slug, ADMIN, body=build.profile_change),
    "GET /api/organisations/{slug}/members": ApiRule(
        city_slug, ADMIN, secret=build.member_name, sees=ADMIN
    ),
    "POST /api/organisations/{slug}/members": ApiRule(city_slug, ADMIN, body=build.new_member),
    "PATCH /api/organisations/{slug}/members/{pk}": ApiRule(
        build.spare_member, ADMIN, body=build.role_change
    ),
    "DELETE /api/organisations/{slug}/members/{pk}": ApiRule(build.spare_member, ADMIN),
    "GET /api/organisations/{slug}/invitations": ApiRule(
        build.slug_with_invitation, ADMIN, secret=build.invited_name, sees=ADMIN
    ),
    "DELETE /api/organisations/{slug}/invitations/{pk}": ApiRule(build.slug_with_invitation, ADMIN),
    "GET /api/organisations/{slug}/audit-log": ApiRule(
        build.slug_with_audit_entry, ADMIN, secret=build.audit_secret, sees=ADMIN
    ),
    # running assessment rounds (policy in mechelen/web/assessments/policy.py)
    "POST /api/organisations/{slug}/assessments": ApiRule(city_slug, EDITORS, body=build.new_round),
    "POST /api/organisations/{slug}/assessments/{pk}/close": ApiRule(assessment_round, EDITORS),
    "GET /api/organisations/{slug}/assessments/{pk}/invitations": ApiRule(
        assessments.round_with_answers_kwargs,
        EDITORS,
        secret=lambda world, city: assessments.SUBMITTED_NAME,
        sees=EDITORS,
    ),
    "POST /api/organisations/{slug}/assessments/{pk}/invitations": ApiRule(
        assessment_round, EDITORS, body=build.new_invitation
    ),
    "GET /api/organisations/{slug}/assessments/{pk}/coverage": ApiRule(
        assessments.round_with_answers_kwargs, EDITORS
    ),
    "GET /api/organisations/{slug}/assessments/{pk}/answers.xlsx": ApiRule(
        assessments.round_with_answers_kwargs, EDITORS
    ),
    # preparing statistics and its jobs (policy in mechelen/web/statistics/policy.py)
    "GET /api/organisations/{slug}/uploads": ApiRule(
        build.slug_with_upload, STEWARD, secret=build.upload_name, sees=STEWARD
    ),
    "POST /api/organisations/{slug}/uploads": ApiRule(city_slug, STEWARD, files=build.data_file),
    "POST /api/organisations/{slug}/uploads/{pk}/ingest": ApiRule(
        stats.upload_kwargs, STEWARD, body=build.ingest_mapping
    ),
    "GET /api/organisations/{slug}/datasets": ApiRule(
        build.slug_with_dataset, INTERNAL, secret=build.dataset_name, sees=INTERNAL
    ),
    "GET /api/organisations/{slug}/datasets/{pk}": ApiRule(
        stats.dataset_kwargs, INTERNAL, secret=build.mapping_column, sees=INTERNAL
    ),
    "GET /api/organisations/{slug}/jobs": ApiRule(build.slug_with_job, STEWARD),
    "GET /api/organisations/{slug}/jobs/{pk}": ApiRule(stats.job_kwargs, STEWARD),
}
