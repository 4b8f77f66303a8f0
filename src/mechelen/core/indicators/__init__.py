"""Indicators: specs with their measure, values from input figures, progress against targets."""

from mechelen.core.indicators.catalogue import IndicatorCatalogue
from mechelen.core.indicators.growth import (
    DEFAULT_THRESHOLDS,
    GrowthComparison,
    Observation,
    ProgressThresholds,
    Target,
    compare_growth,
)
from mechelen.core.indicators.measures import MEASURE_KINDS, Figures, MeasureKind
from mechelen.core.indicators.progress import (
    ProgressAssessment,
    ProgressTrack,
    Reason,
    assess_progress,
    check_track,
    meets_target,
)
from mechelen.core.indicators.spec import (
    DIRECTIONS,
    DataSource,
    Direction,
    IndicatorSpec,
    ServedItems,
)
from mechelen.core.indicators.status import (
    STATUS_LABELS,
    ProgressStatus,
    StatusOverride,
    check_override,
)
from mechelen.core.indicators.values import IndicatorValue, compute_indicator, compute_measure

__all__ = [
    "DEFAULT_THRESHOLDS",
    "DIRECTIONS",
    "MEASURE_KINDS",
    "STATUS_LABELS",
    "DataSource",
    "Direction",
    "Figures",
    "GrowthComparison",
    "IndicatorCatalogue",
    "IndicatorSpec",
    "IndicatorValue",
    "MeasureKind",
    "Observation",
    "ProgressAssessment",
    "ProgressStatus",
    "ProgressThresholds",
    "ProgressTrack",
    "Reason",
    "ServedItems",
    "StatusOverride",
    "Target",
    "assess_progress",
    "check_override",
    "check_track",
    "compare_growth",
    "compute_indicator",
    "compute_measure",
    "meets_target",
]
