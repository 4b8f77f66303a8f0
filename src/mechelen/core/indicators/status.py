"""Progress statuses, their labels, and the manual override that records who and why."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from mechelen.core.messages import N_
from mechelen.core.problems import Problem


class ProgressStatus(StrEnum):
    TARGET_REACHED = "target-reached"
    ON_TRACK = "on-track"
    MOVING_TOO_SLOWLY = "moving-too-slowly"
    MOVING_AWAY = "moving-away"
    NOT_ENOUGH_DATA = "not-enough-data"


#: English labels, translated at the edge
STATUS_LABELS: dict[ProgressStatus, str] = {
    ProgressStatus.TARGET_REACHED: N_("Target reached"),
    ProgressStatus.ON_TRACK: N_("On track"),
    ProgressStatus.MOVING_TOO_SLOWLY: N_("Moving too slowly"),
    ProgressStatus.MOVING_AWAY: N_("Moving away"),
    ProgressStatus.NOT_ENOUGH_DATA: N_("Not enough data"),
}

#: from worst to best; "not enough data" is not ranked
STATUS_RANK: dict[ProgressStatus, int] = {
    ProgressStatus.MOVING_AWAY: 0,
    ProgressStatus.MOVING_TOO_SLOWLY: 1,
    ProgressStatus.ON_TRACK: 2,
    ProgressStatus.TARGET_REACHED: 3,
}


@dataclass(frozen=True)
class StatusOverride:
    """A status set by hand, e.g. when the figures lag behind a known change; who and why."""

    status: ProgressStatus
    by: str
    reason: str
    on: date | None = None


def check_override(override: StatusOverride) -> tuple[Problem, ...]:
    """An override must name its author and give a reason."""
    return tuple(
        Problem("indicator.E033", {"field": name})
        for name, value in (("by", override.by), ("reason", override.reason))
        if not value.strip()
    )
