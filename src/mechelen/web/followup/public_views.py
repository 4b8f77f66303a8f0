"""Public follow-up files: evidence documents of public commitments and the open-data export.

Anyone gets the public content; the organisation's internal roles get the internal content too.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from mechelen.web.assessments.results import page_language
from mechelen.web.followup import policy
from mechelen.web.followup.evidence_views import document_response
from mechelen.web.followup.export import FILES, ExportScope
from mechelen.web.followup.models import CommitmentEvidence
from mechelen.web.tenancy.access import access_of
from mechelen.web.tenancy.lookup import organisation_named


def evidence_file(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """A document of a public commitment's evidence (404 for any other)."""
    organisation = organisation_named(slug)
    item = get_object_or_404(
        CommitmentEvidence, pk=pk, commitment__organisation=organisation, commitment__public=True
    )
    return document_response(item)


def export(request: HttpRequest, slug: str, name: str) -> HttpResponse:
    organisation = organisation_named(slug)
    writer = FILES.get(name)
    if writer is None:
        raise Http404
    access = access_of(request)
    scope = ExportScope(
        organisation,
        page_language(),
        internal=policy.sees_internal(access, organisation),
        assessment=policy.can_see_change(access, organisation),
    )
    written = writer(scope)
    if written is None:
        raise Http404
    data, content_type = written
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{slug}-{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    if scope.internal:
        response["Cache-Control"] = "private, no-store"
    return response
