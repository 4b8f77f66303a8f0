"""Demo follow-up for Mechelen: indicators with baselines, targets, series and one status set
by hand; evidence on two commitments; a second closed assessment round, so the change shows.

The 2015 value of the non-citizen share is computed from Mechelen's published Statbel 2015
release; every later value, the evidence and the second round's answers are fictional (the
organisation is marked fictional and every page shows the banner).
"""

from __future__ import annotations

import datetime
import io
from dataclasses import replace

from django.utils import timezone

from mechelen.web.assessments import actions as assessment_actions
from mechelen.web.assessments.models import AssessmentRound
from mechelen.web.demo.assessment import CLOSED_ROUND, as_responses, fictional_respondents
from mechelen.web.demo.steps import DemoContext, demo_step
from mechelen.web.followup.evidence.actions import add_evidence
from mechelen.web.followup.figures.actions import fill_automatically
from mechelen.web.followup.indicators import actions
from mechelen.web.followup.indicators.specs import spec_of
from mechelen.web.followup.models import AutomaticSource, CityIndicator, CommitmentEvidence
from mechelen.web.statistics import policy as statistics_policy

SECOND_ROUND = "Joint assessment 2026, second round (fictional answers)"
FICTIONAL = "fictional demo value"

#: indicator -> settings, values (year, value) entered by hand as fictional and public
INDICATORS: dict[str, tuple[dict[str, object], list[tuple[int, float]]]] = {
    "non-citizen-share": (
        {"automatic_source": AutomaticSource.PUBLISHED_RELEASE, "baseline_year": 2015},
        [(2020, 10.6), (2024, 11.9)],
    ),
    "language-course-participation": (
        {
            "baseline_year": 2018,
            "baseline_value": 120.0,
            "target_value": 240.0,
            "target_year": 2030,
        },
        [(2020, 131.0), (2022, 150.0)],
    ),
    "service-access-gap": (
        {"baseline_year": 2019, "baseline_value": 12.0, "target_value": 0.0, "target_year": 2027},
        [(2021, 10.0), (2023, 7.0)],
    ),
    "commitments-achieved-share": (
        {
            "automatic_source": AutomaticSource.COMMITMENTS,
            "baseline_year": 2018,
            "baseline_value": 0.0,
            "target_value": 80.0,
            "target_year": 2030,
        },
        [(2022, 10.0)],
    ),
    "assessed-sectors-at-level-3": (
        {
            "automatic_source": AutomaticSource.ASSESSMENT,
            "target_value": 60.0,
            "target_year": 2030,
        },
        [],
    ),
}

#: a one-page PDF, enough to show a downloadable document
DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def _second_round(context: DemoContext) -> None:
    """Close a second round whose fictional answers are a level higher in three sectors."""
    organisation = context.organisations["mechelen"]
    first = AssessmentRound.objects.filter(organisation=organisation, title=CLOSED_ROUND).first()
    if first is not None and first.closed_at and first.closed_at.year == timezone.now().year:
        first.closed_at = first.closed_at.replace(year=first.closed_at.year - 1)
        first.save(update_fields=["closed_at"])
    if AssessmentRound.objects.filter(organisation=organisation, title=SECOND_ROUND).exists():
        return
    improved = ("education", "identity-documents", "rights-information")
    filled = [
        replace(
            respondent,
            answers={
                question: (
                    min(4, score + 1)
                    if score is not None and question.split("/", 1)[0] in improved
                    else score,
                    evidence,
                )
                for question, (score, evidence) in respondent.answers.items()
            },
        )
        for respondent in fictional_respondents()
    ]
    second = assessment_actions.open_round(None, organisation, {"title": SECOND_ROUND})
    assessment_actions.import_responses(None, second, as_responses(filled), "en", ["demo"])
    assessment_actions.close_round(None, second)


def _indicators(context: DemoContext) -> None:
    organisation = context.organisations["mechelen"]
    coordinator = context.users["mechelen-coordinator"]
    release = statistics_policy.public_releases(organisation).first()
    for indicator_id, (settings, values) in INDICATORS.items():
        item = CityIndicator.objects.filter(organisation=organisation, indicator_id=indicator_id)
        if item.exists():
            continue
        created = actions.choose_indicator(coordinator, organisation, indicator_id)
        actions.update_indicator(coordinator, created, {**settings, "public": True})
        spec = spec_of(created)
        assert spec is not None
        if created.automatic_source == AutomaticSource.PUBLISHED_RELEASE:
            if release is not None:
                fill_automatically(coordinator, created, spec, release, 2015)
                base = created.observations.filter(year=2015, breakdown="").first()
                if base is not None:
                    actions.update_indicator(coordinator, created, {"baseline_value": base.value})
        elif created.automatic_source:
            fill_automatically(coordinator, created, spec)
        for year, value in values:
            actions.record_observation(
                coordinator,
                created,
                {"year": year, "value": value, "source_note": FICTIONAL, "public": True},
            )
        if indicator_id == "assessed-sectors-at-level-3":
            first = created.observations.order_by("year").first()
            if first is not None:
                actions.update_indicator(
                    coordinator,
                    created,
                    {"baseline_year": first.year, "baseline_value": first.value},
                )
        if indicator_id == "service-access-gap":
            actions.set_override(
                coordinator,
                created,
                "on-track",
                "The 2023 figure predates the new outreach desks opened in 2024 (fictional).",
            )


def _evidence(context: DemoContext) -> None:
    organisation = context.organisations["mechelen"]
    coordinator = context.users["mechelen-coordinator"]
    if CommitmentEvidence.objects.filter(commitment__organisation=organisation).exists():
        return
    statistics = organisation.commitments.filter(paragraph=17).first()
    courses = organisation.commitments.filter(paragraph=31).first()
    if statistics is not None:
        add_evidence(
            coordinator,
            statistics,
            {
                "date": datetime.date(2025, 3, 1),
                "title": "Residents by citizenship, 2015 release (published)",
                "url": "https://example.org/mechelen/statistics-2015",
            },
        )
    if courses is not None:
        add_evidence(
            coordinator,
            courses,
            {"date": datetime.date(2025, 9, 15), "title": "Course report 2024-2025 (fictional)"},
            document=io.BytesIO(DEMO_PDF),
            document_name="course-report-2025.pdf",
            kind="pdf",
        )


@demo_step(50, "follow-up: indicators, evidence, a second assessment round")
def load_followup(context: DemoContext) -> None:
    _second_round(context)
    _indicators(context)
    _evidence(context)
    context.notes.append(
        "Follow-up: Mechelen follows five indicators (one status set by hand), has evidence on "
        "two commitments and a second closed assessment round (all later values fictional)."
    )
