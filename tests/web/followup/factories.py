"""Follow-up test data, and kwargs builders of the access matrices (world, city) -> kwargs."""

from __future__ import annotations

import datetime
import io
from typing import Any

from django.utils import timezone

from mechelen.web.assessments.models import AssessmentRound, RoundStatus
from mechelen.web.commitments.models import Commitment
from mechelen.web.followup.evidence.actions import add_evidence
from mechelen.web.followup.indicators.actions import record_observation
from mechelen.web.followup.models import CityIndicator, CommitmentEvidence

#: a minimal PDF: enough for the content check
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
PRIVATE_INDICATOR = "stateless-residents"
PRIVATE_LABEL = "Stateless residents"


def indicator_of(city: Any, indicator_id: str = "language-course-participation") -> CityIndicator:
    item, _ = CityIndicator.objects.get_or_create(
        organisation=city.organisation,
        indicator_id=indicator_id,
        defaults={
            "baseline_year": 2018,
            "baseline_value": 120.0,
            "target_value": 240.0,
            "target_year": 2030,
        },
    )
    return item


def document_evidence(commitment: Commitment, title: str = "Report") -> CommitmentEvidence:
    return add_evidence(
        None,
        commitment,
        {"date": datetime.date(2025, 1, 1), "title": title},
        document=io.BytesIO(PDF),
        document_name="report.pdf",
        kind="pdf",
    )


def slug_and(city: Any, pk: int, **more: Any) -> dict[str, Any]:
    return {"slug": city.organisation.slug, "pk": pk, **more}


def indicator_kwargs(world: Any, city: Any) -> dict[str, Any]:
    return slug_and(city, indicator_of(city).pk)


def value_kwargs(world: Any, city: Any) -> dict[str, Any]:
    item = indicator_of(city)
    value = record_observation(None, item, {"year": 2020, "value": 131.0})
    return slug_and(city, item.pk, value=value.pk)


def private_commitment_kwargs(world: Any, city: Any) -> dict[str, Any]:
    return slug_and(city, city.private_commitment.pk)


def private_evidence_kwargs(world: Any, city: Any) -> dict[str, Any]:
    return slug_and(city, document_evidence(city.private_commitment).pk)


def public_evidence_kwargs(world: Any, city: Any) -> dict[str, Any]:
    return slug_and(city, document_evidence(city.public_commitment).pk)


def later_round_kwargs(world: Any, city: Any) -> dict[str, Any]:
    """Two closed rounds: the first is the baseline, the later one is compared with it."""
    first = AssessmentRound.objects.create(
        organisation=city.organisation,
        title="Baseline round",
        framework_id="mechelen-2017",
        status=RoundStatus.CLOSED,
    )
    AssessmentRound.objects.filter(pk=first.pk).update(
        closed_at=timezone.now() - datetime.timedelta(days=400)
    )
    later = AssessmentRound.objects.create(
        organisation=city.organisation,
        title="Later round",
        framework_id="mechelen-2017",
        status=RoundStatus.CLOSED,
        closed_at=timezone.now(),
    )
    return slug_and(city, later.pk)


def export_kwargs(world: Any, city: Any) -> dict[str, Any]:
    return {"slug": city.organisation.slug, "name": "follow-up.json"}


def network_export_kwargs(world: Any, city: Any) -> dict[str, Any]:
    return {"slug": world.network.slug, "name": "network.json"}


# API matrix


def slug_with_private_indicator(world: Any, city: Any) -> dict[str, Any]:
    indicator_of(city)
    indicator_of(city, PRIVATE_INDICATOR)
    return {"slug": city.organisation.slug}


def private_indicator_label(world: Any, city: Any) -> str:
    return PRIVATE_LABEL


def indicator_value_params(world: Any, city: Any) -> dict[str, Any]:
    return {"slug": city.organisation.slug, "indicator": indicator_of(city).indicator_id}


def new_value(world: Any, city: Any) -> dict[str, Any]:
    return {"year": 2024, "value": 150.0, "source_note": "matrix"}
