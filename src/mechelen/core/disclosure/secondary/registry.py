"""Secondary suppression methods, registered by stable id, and what they share.

A method receives the system of linked tables (:mod:`..linked`), the primary cells and their
protection levels, and returns which cells to suppress (the primary ones included) so that
no primary cell can be recomputed, or narrowed below its protection levels, from the rest.

Costs (``cost=``), what suppressing a cell loses:

* ``value`` (default): the cell's value, so small cells are suppressed first;
* ``count``: the cell's number of records;
* ``unity``: 1 per cell, i.e. only the number of suppressions counts.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from mechelen.core.disclosure.linked import CellSystem
from mechelen.core.disclosure.rules.protection_levels import ProtectionLevels
from mechelen.core.problems import Problem, ProblemsFound

BoolArray = npt.NDArray[np.bool_]
FloatArray = npt.NDArray[np.float64]

OBSERVED, PRIMARY, SECONDARY = "observed", "primary", "secondary"


@dataclass(frozen=True)
class SecondaryOptions:
    """Settings shared by the methods."""

    #: what a suppression loses: ``value``, ``count`` or ``unity`` (see the module docstring)
    cost: str = "value"
    #: may empty cells (value 0) be suppressed? By default they are published when possible
    secondary_zeros: bool = False
    #: seconds the exact method may spend; then it returns the best protecting pattern found
    time_limit: float = 60.0
    #: extra runs of the fast method with perturbed costs, keeping the best; None: 1 for
    #: systems of at most 5,000 cells, none above
    restarts: int | None = None


@dataclass(frozen=True, eq=False)
class SecondaryResult:
    """The suppressed cells of the system (primary and secondary) and facts about the run."""

    suppressed: BoolArray
    method: str
    details: Mapping[str, float | int | str | bool] = field(default_factory=dict)


SecondaryMethod = Callable[
    [CellSystem, BoolArray, ProtectionLevels, SecondaryOptions], SecondaryResult
]
SECONDARY_METHODS: dict[str, SecondaryMethod] = {}

COSTS: dict[str, Callable[[CellSystem], FloatArray]] = {
    "value": lambda system: np.abs(system.values),
    "count": lambda system: system.counts.astype(np.float64),
    "unity": lambda system: np.ones(len(system)),
}


def secondary_method(method_id: str) -> Callable[[SecondaryMethod], SecondaryMethod]:
    """Register a method under its stable id."""

    def register(method: SecondaryMethod) -> SecondaryMethod:
        if method_id in SECONDARY_METHODS:
            raise ValueError(f"secondary method {method_id!r} is registered twice")
        SECONDARY_METHODS[method_id] = method
        return method

    return register


def cell_costs(system: CellSystem, cost: str) -> FloatArray:
    if cost not in COSTS:
        raise ProblemsFound(
            [Problem("disclosure.E003", {"kind": "cost", "id": cost, "known": ", ".join(COSTS)})]
        )
    return COSTS[cost](system)


def known_method(method_id: str) -> SecondaryMethod:
    if method_id not in SECONDARY_METHODS:
        raise ProblemsFound(
            [
                Problem(
                    "disclosure.E003",
                    {
                        "kind": "secondary method",
                        "id": method_id,
                        "known": ", ".join(SECONDARY_METHODS),
                    },
                )
            ]
        )
    return SECONDARY_METHODS[method_id]


def protected_cells(levels: ProtectionLevels) -> BoolArray:
    """Cells that need an interval around them."""
    return np.asarray((levels.lower > 0) | (levels.upper > 0), dtype=np.bool_)
