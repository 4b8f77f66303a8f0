"""The follow-up and review report of a city, and the picture of a network, as data."""

from mechelen.core.reporting.follow_up.building import build_follow_up_report
from mechelen.core.reporting.follow_up.change import assessment_section, cell_changes
from mechelen.core.reporting.follow_up.coverage import missing, with_needs
from mechelen.core.reporting.follow_up.findings import FINDING_MESSAGES, findings_of
from mechelen.core.reporting.follow_up.grouping import group_by_reference
from mechelen.core.reporting.follow_up.model import (
    COMMITMENT_STATE_LABELS,
    COMMITMENT_STATES,
    AssessmentSection,
    Audience,
    CellChange,
    CommitmentEntry,
    CoverageRow,
    Evidence,
    Finding,
    FollowUpReport,
    IndicatorEntry,
    Place,
    ReferenceGroup,
    RoundSummary,
    SchemeGroups,
)

__all__ = [
    "COMMITMENT_STATES",
    "COMMITMENT_STATE_LABELS",
    "FINDING_MESSAGES",
    "AssessmentSection",
    "Audience",
    "CellChange",
    "CommitmentEntry",
    "CoverageRow",
    "Evidence",
    "Finding",
    "FollowUpReport",
    "IndicatorEntry",
    "Place",
    "ReferenceGroup",
    "RoundSummary",
    "SchemeGroups",
    "assessment_section",
    "build_follow_up_report",
    "cell_changes",
    "findings_of",
    "group_by_reference",
    "missing",
    "with_needs",
]
