"""An indicator a city follows as pages, the API, the exports and the report read it: the
core's objects (spec, :class:`Observation`, :class:`Target`, :class:`ProgressAssessment`)
built once by :mod:`mechelen.web.followup.indicators.progress`, with their texts in one language.
"""

from __future__ import annotations

from dataclasses import dataclass

from mechelen.core.indicators import (
    IndicatorSpec,
    Observation,
    ProgressAssessment,
    StatusOverride,
    Target,
)
from mechelen.web.followup.models import ObservationSource


@dataclass(frozen=True)
class RecordedValue:
    """A value of an indicator (the core's observation) with where it came from; ``part`` is
    a breakdown's code (a district's), empty for the whole area."""

    observation: Observation
    #: an :class:`ObservationSource` value (manual, published-release, service-figures...)
    source: str
    source_label: str
    note: str
    #: whether anyone may see it (a published release's, or marked public)
    public: bool
    part: str = ""
    part_label: str = ""


@dataclass(frozen=True)
class PublishedReading:
    """What anyone sees of an indicator: its latest public whole-area value and the status
    assessed on public values only. The public page shows it, and the internal pages show it
    beside the internal figures, so both always read the same published value and status
    (:func:`mechelen.web.followup.indicators.progress.published_reading`)."""

    latest: RecordedValue | None
    #: None for a context indicator (never judged)
    assessment: ProgressAssessment | None
    effective_label: str
    #: why the status was computed, worded: the technical explanation (rates, ratio)
    reason: str
    #: the status in plain words from the public figures, shown before the explanation
    summary: str = ""

    @property
    def status(self) -> str:
        """The status's code (``on-track``...), empty for a context indicator."""
        return self.assessment.effective.value if self.assessment is not None else ""


@dataclass(frozen=True)
class IndicatorProgress:
    """One indicator a city follows: its spec, baseline and target, the values recorded and
    the core's assessment of its progress (None for a context indicator, never judged)."""

    spec: IndicatorSpec
    baseline: Observation | None
    #: None for a context indicator, which has no target
    target: Target | None
    #: whole-area values, oldest first
    series: tuple[RecordedValue, ...]
    #: the latest year's values by part of the breakdown
    parts: tuple[RecordedValue, ...]
    assessment: ProgressAssessment | None
    #: the disaggregation followed (``geography``...), empty for the whole area only
    breakdown: str
    public: bool
    custom: bool
    #: texts in the language asked for
    label: str
    definition: str
    unit: str
    direction_label: str
    computed_label: str
    effective_label: str
    #: why the status was computed, worded: the technical explanation (rates, ratio)
    reason: str
    #: what anyone sees of it; None while the indicator itself is not public
    published: PublishedReading | None = None
    #: the status in plain words from the real figures, shown before the explanation
    summary: str = ""

    @property
    def latest(self) -> RecordedValue | None:
        return self.series[-1] if self.series else None

    @property
    def latest_published(self) -> RecordedValue | None:
        """The latest whole-area value computed from a published release (never by hand)."""
        found = [
            v for v in self.series if v.source == ObservationSource.PUBLISHED_RELEASE and v.public
        ]
        return found[-1] if found else None

    @property
    def latest_hidden(self) -> bool:
        """Whether the latest value is one the public does not see (yet)."""
        return self.latest is not None and (self.published is None or not self.latest.public)

    @property
    def status_hidden(self) -> bool:
        """Whether the public sees another status (or none: the indicator is not public)."""
        if self.published is None:
            return self.assessment is not None
        return self.published.status != (
            self.assessment.effective.value if self.assessment is not None else ""
        )

    @property
    def override(self) -> StatusOverride | None:
        """The status set by hand, with who, when and why."""
        return self.assessment.override if self.assessment is not None else None

    @property
    def overridden(self) -> bool:
        """Whether a status was set by hand, with its reason."""
        return self.override is not None and bool(self.override.reason)
