"""Plain frozen dataclasses of the follow-up, for pages, exports and the reports (no Django).

:mod:`mechelen.web.followup.report_data` documents them and builds them.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class SeriesPoint:
    """A value of an indicator in a year; ``part`` is a breakdown code, empty for the whole area."""

    year: int
    value: float
    source: str  # manual, published-release, service-figures, commitments, assessment
    source_label: str
    note: str
    public: bool
    part: str = ""
    part_label: str = ""


@dataclass(frozen=True)
class IndicatorProgressRow:
    """One indicator a city follows, with its baseline, target, series and status."""

    spec_id: str
    label: str
    definition: str
    unit: str
    #: ``higher-is-better``, ``lower-is-better``, or None for a context indicator
    direction: str | None
    direction_label: str
    served_commitments: tuple[int, ...]
    served_sectors: tuple[str, ...]
    #: framework reference keys: ``gcm:16``, ``sdg:10.7``, ``nua:social-inclusion``
    served_references: tuple[str, ...]
    #: the disaggregation followed (``geography``...), empty for the whole area only
    breakdown: str
    baseline_year: int | None
    baseline_value: float | None
    target_value: float | None
    target_year: int | None
    #: whole-area values, oldest first
    series: tuple[SeriesPoint, ...]
    #: the latest year's values by part of the breakdown
    parts: tuple[SeriesPoint, ...]
    #: ProgressStatus values (``on-track``...), None for a context indicator
    computed_status: str | None
    effective_status: str | None
    computed_label: str
    effective_label: str
    reason_code: str
    reason: str
    override_by: str
    override_reason: str
    override_on: datetime.date | None
    public: bool
    custom: bool

    @property
    def latest(self) -> SeriesPoint | None:
        return self.series[-1] if self.series else None

    @property
    def latest_published(self) -> SeriesPoint | None:
        """The latest whole-area value computed from a published release (never by hand)."""
        found = [p for p in self.series if p.source == "published-release" and p.public]
        return found[-1] if found else None

    @property
    def overridden(self) -> bool:
        return bool(self.override_reason)


@dataclass(frozen=True)
class EvidenceRow:
    date: datetime.date
    title: str
    #: the link given, or the site path of the uploaded document
    url: str
    document_name: str
    kind: str  # pdf, odt, docx, png, jpeg, gif, webp; empty for a link


@dataclass(frozen=True)
class CommitmentRow:
    paragraph: int | None
    title: str
    gcm: tuple[str, ...]
    sdg: tuple[str, ...]
    nua: tuple[str, ...]
    owner: str
    target: str
    due_date: datetime.date
    status: str  # planned, in_progress, achieved, delayed, dropped
    status_label: str
    public: bool
    evidence: tuple[EvidenceRow, ...]


@dataclass(frozen=True)
class CellChange:
    sector_id: str
    sector: str
    dimension_id: str
    dimension: str
    before: float | None
    after: float | None

    @property
    def difference(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


@dataclass(frozen=True)
class AssessmentChange:
    """Consensus per sector x dimension in the baseline round and a later closed round."""

    baseline_title: str
    baseline_closed: datetime.date | None
    round_title: str
    round_closed: datetime.date | None
    cells: tuple[CellChange, ...]

    @property
    def improved(self) -> int:
        return sum(1 for c in self.cells if (c.difference or 0) > 0)

    @property
    def worsened(self) -> int:
        return sum(1 for c in self.cells if (c.difference or 0) < 0)

    @property
    def mean_difference(self) -> float | None:
        found = [c.difference for c in self.cells if c.difference is not None]
        return sum(found) / len(found) if found else None


@dataclass(frozen=True)
class CoverageRow:
    """Whether the city's published releases hold a disaggregation, and where."""

    disaggregation: str  # country_of_birth, citizenship, sex, age, geography, ...
    label: str
    available: bool
    #: the dimensions of published tables that give it (e.g. citizenship_group)
    dimensions: tuple[str, ...]
    releases: tuple[str, ...]
