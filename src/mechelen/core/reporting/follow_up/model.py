"""The follow-up and review report of a city as data, independent of HTML or PDF.

Texts entered by people (commitment titles, evidence, indicator labels) arrive already in the
report's language; framework items keep their multilingual :class:`Text` and are worded by
the renderer. Nothing here reads a database or a file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from mechelen.core.framework.model import Framework, Reference
from mechelen.core.indicators.growth import Observation, Target
from mechelen.core.indicators.spec import Direction, ServedItems
from mechelen.core.indicators.status import ProgressStatus
from mechelen.core.messages import N_
from mechelen.core.reporting.assessment_report import AssessmentReport

Audience = Literal["internal", "public"]
Tone = Literal["good", "neutral", "concern"]

#: the states of a commitment, in the order a report lists them
COMMITMENT_STATES = ("achieved", "in_progress", "planned", "delayed", "dropped")
COMMITMENT_STATE_LABELS: dict[str, str] = {
    "planned": N_("Planned"),
    "in_progress": N_("In progress"),
    "achieved": N_("Achieved"),
    "delayed": N_("Delayed"),
    "dropped": N_("Dropped"),
}


@dataclass(frozen=True)
class Place:
    """The city or region the report is about."""

    name: str
    country: str  # ISO 3166-1 alpha-3
    fictional: bool = False
    endorsed_on: date | None = None
    population: int | None = None
    population_year: int | None = None


@dataclass(frozen=True)
class Evidence:
    """Something that shows a commitment's progress: a document, a decision, a figure."""

    title: str
    detail: str = ""
    url: str = ""
    on: date | None = None


@dataclass(frozen=True)
class CommitmentEntry:
    """One commitment the city took: from the Declaration (``paragraph``) or its own."""

    key: str
    title: str
    status: str
    paragraph: int | None = None
    owner: str = ""
    target: str = ""
    due: date | None = None
    action: str = ""
    evidence: tuple[Evidence, ...] = ()

    @property
    def from_declaration(self) -> bool:
        return self.paragraph is not None


@dataclass(frozen=True)
class IndicatorEntry:
    """An indicator followed by the city: its series, target and progress status.

    ``status`` is the effective status (an override's if one was set), ``computed`` the one
    the method gave; both are None for a context indicator, which is never judged.
    """

    indicator_id: str
    label: str
    unit: str
    direction: Direction | None
    serves: ServedItems = field(default_factory=ServedItems)
    baseline: Observation | None = None
    target: Target | None = None
    observations: tuple[Observation, ...] = ()
    status: ProgressStatus | None = None
    computed: ProgressStatus | None = None
    #: the technical explanation of the computed status (rates, ratio, threshold)
    reason: str = ""
    override_by: str = ""
    override_reason: str = ""
    #: the day the status was set by hand
    override_on: date | None = None
    definition: str = ""
    #: the breakdowns the indicator asks for (``sex``, ``geography``...)
    disaggregations: tuple[str, ...] = ()
    #: the dimensions of the published tables its figures come from (``birth_status``...)
    source_dimensions: tuple[str, ...] = ()
    #: the computed status in plain words, shown before the technical ``reason``
    summary: str = ""

    @property
    def is_context(self) -> bool:
        return self.direction is None

    @property
    def overridden(self) -> bool:
        return bool(self.override_by) or (
            self.status is not None and self.computed is not None and self.status != self.computed
        )

    @property
    def series(self) -> tuple[Observation, ...]:
        """Baseline and observations by year (the baseline wins a year they share)."""
        by_year = {o.year: o for o in self.observations}
        if self.baseline is not None:
            by_year[self.baseline.year] = self.baseline
        return tuple(by_year[year] for year in sorted(by_year))

    @property
    def latest(self) -> Observation | None:
        series = self.series
        return series[-1] if series else None


@dataclass(frozen=True)
class CellChange:
    """A sector x dimension consensus score in the baseline round and in the latest one."""

    sector_id: str
    dimension_id: str
    before: float | None
    after: float | None

    @property
    def delta(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


@dataclass(frozen=True)
class RoundSummary:
    """A closed assessment round; the baseline round may come without its full results."""

    title: str
    closed_on: date | None
    report: AssessmentReport | None = None


@dataclass(frozen=True)
class AssessmentSection:
    """The latest closed assessment round (with its results), and its change against the
    baseline round."""

    latest: RoundSummary
    results: AssessmentReport
    baseline: RoundSummary | None = None
    changes: tuple[CellChange, ...] = ()

    @property
    def improved(self) -> tuple[CellChange, ...]:
        return tuple(c for c in self.changes if c.delta is not None and c.delta > 0)

    @property
    def declined(self) -> tuple[CellChange, ...]:
        return tuple(c for c in self.changes if c.delta is not None and c.delta < 0)


@dataclass(frozen=True)
class CoverageRow:
    """Whether the city's published data holds a disaggregation (country of birth, sex...).

    ``given_by`` are the table dimensions that would give it (``birth_status`` gives country
    of birth), ``dimensions`` those of them the published tables hold, ``sources`` the
    releases holding them, ``needed_by`` the labels of the city's indicators that ask for it
    or whose figures come from tables with one of those dimensions.
    """

    disaggregation: str
    label: str
    available: bool
    dimensions: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    needed_by: tuple[str, ...] = ()
    given_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReferenceGroup:
    """Everything of the report that serves one global framework item (``gcm:16``...)."""

    reference: Reference
    commitments: tuple[CommitmentEntry, ...] = ()
    indicators: tuple[IndicatorEntry, ...] = ()
    sectors: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return self.reference.key


@dataclass(frozen=True)
class SchemeGroups:
    """The groups of one scheme: ``gcm`` objectives, ``sdg`` targets or ``nua`` themes."""

    scheme: str
    groups: tuple[ReferenceGroup, ...]


@dataclass(frozen=True)
class Finding:
    """A headline of the report: a message code (``report.F001``) and its parameters."""

    code: str
    params: Mapping[str, object] = field(default_factory=dict)
    tone: Tone = "neutral"


@dataclass(frozen=True)
class FollowUpReport:
    framework: Framework
    place: Place
    audience: Audience
    commitments: tuple[CommitmentEntry, ...]
    indicators: tuple[IndicatorEntry, ...]
    coverage: tuple[CoverageRow, ...]
    assessment: AssessmentSection | None
    by_scheme: tuple[SchemeGroups, ...]
    findings: tuple[Finding, ...]

    def commitments_with(self, status: str) -> tuple[CommitmentEntry, ...]:
        return tuple(c for c in self.commitments if c.status == status)

    @property
    def followed(self) -> tuple[IndicatorEntry, ...]:
        """Indicators with a direction (a target can be set), in the report's order."""
        return tuple(i for i in self.indicators if not i.is_context)

    @property
    def context(self) -> tuple[IndicatorEntry, ...]:
        return tuple(i for i in self.indicators if i.is_context)
