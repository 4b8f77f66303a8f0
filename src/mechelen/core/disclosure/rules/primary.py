"""Primary suppression rules, each registered with a stable id.

* ``min-frequency``: a cell is sensitive when ``0 < count < threshold`` (default 10); empty
  cells are not sensitive unless ``zero_sensitive`` is set.
* ``dominance-nk``: a cell is sensitive when its ``n`` largest contributions exceed ``k`` per
  cent of its value, e.g. (1, 90) or (2, 85).
* ``p-percent``: a cell is sensitive when the value minus its two largest contributions is
  below ``p`` per cent of the largest: the second largest contributor could then estimate
  the largest within ``p`` per cent.

The magnitude rules read ``CellTable.top_contributions`` (largest first, zero padded) and
assume non-negative contributions. Each rule returns its sensitive cells and their protection
levels (:mod:`.protection_levels`); :func:`primary_suppression` combines several rules.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import ClassVar, Protocol, TypeVar

import numpy as np
import numpy.typing as npt

from mechelen.core.disclosure.methods import DOMINANCE_NK, MIN_FREQUENCY, P_PERCENT
from mechelen.core.disclosure.rules.protection_levels import (
    ProtectionLevels,
    default_frequency_protection,
    dominance_levels,
    frequency_levels,
    p_percent_levels,
)
from mechelen.core.problems import Problem, ProblemsFound
from mechelen.core.tabulation.table import CellTable

BoolArray = npt.NDArray[np.bool_]

DEFAULT_THRESHOLD = 10


@dataclass(frozen=True, eq=False)
class PrimarySuppression:
    """The sensitive cells of one table, their protection levels, and which rule found each."""

    sensitive: BoolArray
    levels: ProtectionLevels
    by_rule: Mapping[str, BoolArray]

    @property
    def count(self) -> int:
        return int(self.sensitive.sum())


class PrimaryRule(Protocol):
    """A primary rule: which cells of a table are sensitive, and how much protection each needs."""

    rule_id: ClassVar[str]

    def apply(self, table: CellTable) -> PrimarySuppression: ...


PRIMARY_RULES: dict[str, Callable[..., PrimaryRule]] = {}


RuleClass = TypeVar("RuleClass", bound=type)


def primary_rule(cls: RuleClass) -> RuleClass:
    """Register a rule class under its stable id (its ``rule_id``)."""
    rule_id = str(cls.rule_id)  # type: ignore[attr-defined]
    if rule_id in PRIMARY_RULES:
        raise ValueError(f"primary rule {rule_id!r} is registered twice")
    PRIMARY_RULES[rule_id] = cls
    return cls


def make_rule(rule_id: str, **parameters: float | int | bool | None) -> PrimaryRule:
    """The rule registered as ``rule_id`` with the given parameters."""
    if rule_id not in PRIMARY_RULES:
        raise ProblemsFound(
            [
                Problem(
                    "disclosure.E003",
                    {"kind": "primary rule", "id": rule_id, "known": ", ".join(PRIMARY_RULES)},
                )
            ]
        )
    return PRIMARY_RULES[rule_id](**parameters)


def primary_suppression(
    table: CellTable, rules: Sequence[PrimaryRule] | None = None
) -> PrimarySuppression:
    """Apply every rule (by default the frequency rule with threshold 10) and combine them."""
    chosen = list(rules) if rules is not None else [MinFrequency()]
    sensitive = np.zeros(len(table), dtype=np.bool_)
    levels = ProtectionLevels.none(len(table))
    by_rule: dict[str, BoolArray] = {}
    for rule in chosen:
        found = rule.apply(table)
        sensitive |= found.sensitive
        levels = levels.combine(found.levels)
        by_rule[rule.rule_id] = found.sensitive
    return PrimarySuppression(sensitive, levels, MappingProxyType(by_rule))


@primary_rule
@dataclass(frozen=True)
class MinFrequency:
    """Sensitive when ``0 < count < threshold``; protection absolute or a per cent of the value."""

    rule_id: ClassVar[str] = MIN_FREQUENCY.id
    threshold: int = DEFAULT_THRESHOLD
    protection: float | None = None
    protection_percent: float | None = None
    zero_sensitive: bool = False

    def __post_init__(self) -> None:
        _check(self, "threshold", self.threshold >= 1, "a whole number of at least 1")
        if self.protection is not None:
            _check(self, "protection", self.protection > 0, "a positive number")
        if self.protection_percent is not None:
            _check(self, "protection_percent", self.protection_percent > 0, "a positive number")

    @property
    def absolute_protection(self) -> float:
        if self.protection is not None:
            return float(self.protection)
        return float(default_frequency_protection(self.threshold))

    def apply(self, table: CellTable) -> PrimarySuppression:
        lowest = 0 if self.zero_sensitive else 1
        sensitive = (table.counts >= lowest) & (table.counts < self.threshold)
        levels = frequency_levels(
            table.values, sensitive, self.absolute_protection, self.protection_percent
        )
        return PrimarySuppression(sensitive, levels, {self.rule_id: sensitive})


@primary_rule
@dataclass(frozen=True)
class Dominance:
    """Sensitive when the ``n`` largest contributions exceed ``k`` per cent of the cell value."""

    rule_id: ClassVar[str] = DOMINANCE_NK.id
    n: int = 1
    k: float = 90.0

    def __post_init__(self) -> None:
        _check(self, "n", self.n >= 1, "a whole number of at least 1")
        _check(self, "k", 0 < self.k < 100, "a per cent between 0 and 100")

    def apply(self, table: CellTable) -> PrimarySuppression:
        top = _top(table, self.rule_id)
        values = table.values
        top_sum = top[:, : self.n].sum(axis=1)
        sensitive = (values > 0) & (top_sum > self.k / 100.0 * values)
        levels = dominance_levels(values, top, self.n, self.k, sensitive)
        sensitive &= levels.upper > 0
        return PrimarySuppression(sensitive, levels, {self.rule_id: sensitive})


@primary_rule
@dataclass(frozen=True)
class PPercent:
    """Sensitive when ``value - x1 - x2 < p% of x1`` (x1, x2: the two largest contributions)."""

    rule_id: ClassVar[str] = P_PERCENT.id
    p: float = 10.0

    def __post_init__(self) -> None:
        _check(self, "p", 0 < self.p <= 100, "a per cent between 0 and 100")

    def apply(self, table: CellTable) -> PrimarySuppression:
        top = _top(table, self.rule_id)
        values = table.values
        x1 = top[:, 0]
        x2 = top[:, 1] if top.shape[1] > 1 else np.zeros_like(x1)
        sensitive = (values > 0) & (values - x1 - x2 < self.p / 100.0 * x1)
        levels = p_percent_levels(values, top, self.p, sensitive)
        sensitive &= levels.upper > 0
        return PrimarySuppression(sensitive, levels, {self.rule_id: sensitive})


def _top(table: CellTable, rule_id: str) -> npt.NDArray[np.float64]:
    top = table.top_contributions
    if top is None:
        raise ProblemsFound([Problem("disclosure.E002", {"rule": rule_id, "table": table.name})])
    if top.ndim != 2 or top.shape[0] != len(table):
        raise ValueError("top_contributions needs one row per cell")
    if top.shape[1] == 0:
        return np.zeros((len(table), 1))
    return top


def _check(rule: object, parameter: str, ok: bool, expected: str) -> None:
    if not ok:
        raise ProblemsFound(
            [
                Problem(
                    "disclosure.E004",
                    {
                        "parameter": parameter,
                        "rule": getattr(rule, "rule_id", type(rule).__name__),
                        "expected": expected,
                        "found": getattr(rule, parameter),
                    },
                )
            ]
        )
