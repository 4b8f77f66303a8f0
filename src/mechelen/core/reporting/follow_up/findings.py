"""The headlines of a follow-up report, each a rule with a stable code (``report.F001``).

A rule looks at the report and returns a finding or nothing. Messages are English templates
translated at the edge; a parameter named ``sector`` holds a sector id, worded by the renderer.
"""

from __future__ import annotations

from collections.abc import Callable

from mechelen.core.indicators.status import ProgressStatus
from mechelen.core.messages import N_
from mechelen.core.reporting.follow_up.change import largest_changes
from mechelen.core.reporting.follow_up.coverage import missing
from mechelen.core.reporting.follow_up.model import Finding, FollowUpReport, Tone

FINDING_MESSAGES: dict[str, str] = {
    "report.F001": N_("Commitments achieved: {achieved} of {total}; in progress: {in_progress}."),
    "report.F002": N_("Commitments delayed: {titles}."),
    "report.F003": N_("No commitment is recorded yet."),
    "report.F004": N_(
        "Indicators with a target that are on track or have reached it: {good} of {total}."
    ),
    "report.F005": N_("Indicators moving away from their target: {labels}."),
    "report.F006": N_("The first priority of the latest assessment is {sector}."),
    "report.F007": N_(
        "Since the baseline round, questions whose score rose: {improved}; fell: {declined}; "
        "the largest change is {sector} ({delta})."
    ),
    "report.F008": N_("Breakdowns not published yet ({missing} of {total}): {labels}."),
    "report.F009": N_("The published data holds every breakdown followed here."),
    "report.F010": N_(
        "Indicators with a target that are on track or have reached it: {good} of {total}, "
        "of which {by_hand} set by hand."
    ),
}

Rule = Callable[[FollowUpReport], Finding | None]
FINDING_RULES: list[Rule] = []


def finding_rule(rule: Rule) -> Rule:
    FINDING_RULES.append(rule)
    return rule


@finding_rule
def commitments_achieved(report: FollowUpReport) -> Finding | None:
    if not report.commitments:
        return Finding("report.F003", tone="concern")
    achieved = len(report.commitments_with("achieved"))
    return Finding(
        "report.F001",
        {
            "achieved": achieved,
            "total": len(report.commitments),
            "in_progress": len(report.commitments_with("in_progress")),
        },
        tone="good" if achieved else "neutral",
    )


@finding_rule
def commitments_delayed(report: FollowUpReport) -> Finding | None:
    delayed = report.commitments_with("delayed")
    if not delayed:
        return None
    titles = tuple(c.title for c in delayed)
    return Finding("report.F002", {"count": len(delayed), "titles": titles}, tone="concern")


@finding_rule
def indicators_on_track(report: FollowUpReport) -> Finding | None:
    followed = report.followed
    if not followed:
        return None
    good = [
        i for i in followed if i.status in (ProgressStatus.ON_TRACK, ProgressStatus.TARGET_REACHED)
    ]
    by_hand = sum(1 for i in good if i.overridden)
    params: dict[str, object] = {"good": len(good), "total": len(followed)}
    tone: Tone = "good" if good else "neutral"
    if by_hand:
        return Finding("report.F010", {**params, "by_hand": by_hand}, tone=tone)
    return Finding("report.F004", params, tone=tone)


@finding_rule
def indicators_moving_away(report: FollowUpReport) -> Finding | None:
    away = tuple(i.label for i in report.followed if i.status == ProgressStatus.MOVING_AWAY)
    if not away:
        return None
    return Finding("report.F005", {"count": len(away), "labels": away}, tone="concern")


@finding_rule
def first_priority(report: FollowUpReport) -> Finding | None:
    if report.assessment is None:
        return None
    priorities = report.assessment.results.priorities
    if not priorities or not priorities[0].assessed:
        return None
    return Finding("report.F006", {"sector": priorities[0].sector_id})


@finding_rule
def assessment_change(report: FollowUpReport) -> Finding | None:
    section = report.assessment
    if section is None or section.baseline is None:
        return None
    largest = largest_changes(section, 1)
    if not largest:
        return None
    return Finding(
        "report.F007",
        {
            "improved": len(section.improved),
            "declined": len(section.declined),
            "sector": largest[0].sector_id,
            "dimension": largest[0].dimension_id,
            "delta": largest[0].delta,
        },
        tone="good" if len(section.improved) >= len(section.declined) else "concern",
    )


@finding_rule
def coverage_gaps(report: FollowUpReport) -> Finding | None:
    if not report.coverage:
        return None
    absent = missing(report.coverage)
    if not absent:
        return Finding("report.F009", tone="good")
    return Finding(
        "report.F008",
        {
            "missing": len(absent),
            "total": len(report.coverage),
            "labels": tuple(r.label for r in absent),
        },
        tone="concern",
    )


def findings_of(report: FollowUpReport) -> tuple[Finding, ...]:
    found = (rule(report) for rule in FINDING_RULES)
    return tuple(f for f in found if f is not None)
