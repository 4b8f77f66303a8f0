"""A progress status in plain words (``progress.S0xx``), from the real figures; the numbers
stay in the technical reason (``progress.R0xx``, in :mod:`mechelen.core.messages`), shown on
demand as "how this was computed".

The templates are added to the core's :data:`~mechelen.core.messages.MESSAGES` (translated
and rendered like every coded message); :mod:`mechelen.core.indicators.progress`, which
gives these codes, imports this module.
"""

from __future__ import annotations

from mechelen.core.messages import MESSAGES, N_

SUMMARY_MESSAGES: dict[str, str] = {
    "progress.S001": N_("Not enough data: no starting value (baseline) is set yet."),
    "progress.S002": N_("Not enough data: no target is set yet."),
    "progress.S003": N_("Target reached: {value} in {year} meets the target of {target}."),
    "progress.S004": N_(
        "Target reached: the starting value {value} ({year}) already meets the target of {target}."
    ),
    "progress.S005": N_(
        "Not enough data: there is no value after the starting year {year}; add a newer value "
        "to see the progress."
    ),
    "progress.S006": N_(
        "Moving away: the starting value met the target of {target}, but {value} in {year} no "
        "longer does."
    ),
    "progress.S007": N_(
        "Moving away from the target: from {baseline} in {baseline_year} to {value} in {year}, "
        "while the target is {target} by {target_year}."
    ),
    "progress.S008": N_(
        "Moving too slowly: the target of {target} by {target_year} is not met ({value} in "
        "{year}); at this pace it is reached in {reach_year}."
    ),
    "progress.S009": N_(
        "Moving too slowly: the target of {target} by {target_year} is not met ({value} in "
        "{year}), and at this pace it would not be reached before {limit}."
    ),
    "progress.S010": N_(
        "On track: at this pace the value will be about {anticipated} in {target_year}, for a "
        "target of {target}."
    ),
    "progress.S011": N_(
        "Moving too slowly: at this pace the target of {target} is reached in {reach_year} "
        "instead of {target_year}."
    ),
    "progress.S012": N_(
        "Moving too slowly: at this pace the target of {target} would not be reached before "
        "{limit} (it is set for {target_year})."
    ),
    "progress.S013": N_(
        "Not enough data: the years or values do not fit together; check the baseline, the "
        "target and the values."
    ),
}

MESSAGES.update(SUMMARY_MESSAGES)
