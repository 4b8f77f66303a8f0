"""A follow-up report built from core dataclasses only: the tests of core and engine share it."""

from __future__ import annotations

import random
from datetime import date

from mechelen.core.assessment.questionnaire import build_questionnaire
from mechelen.core.assessment.responses import Answer, Respondent, Responses
from mechelen.core.framework.model import Framework
from mechelen.core.indicators import Observation, ProgressStatus, ServedItems, Target
from mechelen.core.reporting.assessment_report import AssessmentReport, build_assessment_report
from mechelen.core.reporting.follow_up import (
    CommitmentEntry,
    CoverageRow,
    Evidence,
    FollowUpReport,
    IndicatorEntry,
    Place,
    RoundSummary,
    assessment_section,
    build_follow_up_report,
)

PLACE = Place("Vennbrugge", "BEL", fictional=True, endorsed_on=date(2018, 3, 1), population=86_000)


def assessment(framework: Framework, seed: int, shift: int = 0) -> AssessmentReport:
    rng = random.Random(seed)
    groups = [g.id for g in framework.stakeholder_groups][:4]
    respondents = tuple(Respondent(f"r{n}", f"Person {n}", g) for n, g in enumerate(groups))
    answers = tuple(
        Answer(r.id, q.id, min(framework.max_score, rng.randint(0, 3) + shift))
        for r in respondents
        for q in build_questionnaire(framework)
    )
    return build_assessment_report(framework, Responses(respondents, answers), place="Vennbrugge")


def commitments() -> tuple[CommitmentEntry, ...]:
    return (
        CommitmentEntry(
            "own-1", "Welcome desk in every district", "in_progress", owner="Integration"
        ),
        CommitmentEntry(
            "p31",
            "Language courses",
            "achieved",
            paragraph=31,
            owner="Education",
            due=date(2024, 6, 30),
            evidence=(Evidence("Council decision 2023/14", on=date(2023, 5, 2)),),
        ),
        CommitmentEntry("p17", "Data", "delayed", paragraph=17, owner="Statistics"),
        CommitmentEntry("p23", "Statelessness", "planned", paragraph=23, owner="Civil registry"),
    )


def indicators() -> tuple[IndicatorEntry, ...]:
    return (
        IndicatorEntry(
            "language-course-participation",
            "Language-course participation of newcomers",
            "per 1,000 newcomers",
            "higher-is-better",
            serves=ServedItems(
                (31, 25), ("education",), ("gcm:16", "sdg:4.4", "nua:social-inclusion")
            ),
            baseline=Observation(2018, 120),
            target=Target(240, 2030),
            observations=(Observation(2020, 131), Observation(2022, 150)),
            status=ProgressStatus.ON_TRACK,
            computed=ProgressStatus.ON_TRACK,
            reason="The actual rate is 0.96 of the required one.",
            disaggregations=("geography", "sex"),
        ),
        IndicatorEntry(
            "service-access-gap",
            "Gap in access to a service",
            "percentage points",
            "lower-is-better",
            serves=ServedItems((24, 30), (), ("gcm:15", "sdg:10.3")),
            baseline=Observation(2019, 12),
            target=Target(0, 2027),
            observations=(Observation(2023, 14),),
            status=ProgressStatus.MOVING_AWAY,
            computed=ProgressStatus.MOVING_AWAY,
        ),
        IndicatorEntry(
            "foreign-born-share",
            "Foreign-born residents",
            "% of residents",
            None,
            serves=ServedItems((17,), (), ("gcm:1", "sdg:17.18")),
            observations=(Observation(2015, 21.4),),
            disaggregations=("geography", "sex", "age"),
        ),
    )


def coverage() -> tuple[CoverageRow, ...]:
    return (
        CoverageRow("sex", "Sex", True, ("sex",), ("Population 2015",)),
        CoverageRow("age", "Age", True, ("age_band",), ("Population 2015",)),
        CoverageRow("geography", "Parts of the area", False),
        CoverageRow("duration_of_stay", "Duration of stay", False),
    )


def follow_up_report(framework: Framework, audience: str = "internal") -> FollowUpReport:
    section = assessment_section(
        RoundSummary("Second round", date(2024, 11, 5), assessment(framework, 2, shift=1)),
        RoundSummary("First round", date(2022, 10, 3), assessment(framework, 1)),
    )
    return build_follow_up_report(
        framework,
        PLACE,
        "public" if audience == "public" else "internal",
        commitments(),
        indicators(),
        coverage(),
        section if audience == "internal" else None,
    )
