"""The attacker: from the published cells and the equations alone, how well can a suppressed
cell be pinned down?

For every suppressed cell the tightest interval ``[lower, upper]`` it can take is computed by
linear programming (HiGHS): minimise and maximise the cell over all tables that satisfy every
equation of the whole linked system, agree with every published cell and have no negative
cell (when no value of the system is negative: counts, sums of non-negative amounts). This is
the classical audit of tau-Argus and sdcTable; it ignores that counts are whole numbers,
which can only widen an interval by less than one unit. How the LPs are solved (one model
per independent group of linked suppressed cells, local LPs with a duality check on very
large groups) is in :mod:`.model`.

:func:`audit` only needs to know whether each sensitive cell can move far enough. A side is
passed as soon as some solution is a table, satisfying every equation, in which the cell
reaches its required bound (found in bulk first, :meth:`.model.AttackerModel.witness`);
the bound reported is then that value, not the tightest (``exact`` says which are). A side
that no such table reaches is solved over its whole group, so a finding always carries the
tightest bound of the whole system.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from mechelen.core.disclosure.attacker.model import TOLERANCE, AttackerModel
from mechelen.core.disclosure.linked import CellSystem
from mechelen.core.disclosure.rules.protection_levels import ProtectionLevels
from mechelen.core.tabulation.table import Key

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class AuditFinding:
    """A sensitive cell whose attacker interval does not reach the required bounds."""

    cell: int
    key: Key
    value: float
    lower_bound: float
    upper_bound: float
    required_lower: float
    required_upper: float


@dataclass(frozen=True, eq=False)
class AuditResult:
    """Attacker bounds of the audited cells (published cells: their value) and the failures.

    ``exact[c]`` is False where a bound may not be the tightest, because an LP solution had
    already moved the cell far enough: the true interval is at least ``[lower, upper]``.
    Suppressed cells without protection levels are not audited (NaN).
    """

    lower: FloatArray
    upper: FloatArray
    findings: tuple[AuditFinding, ...]
    exact: BoolArray

    @property
    def passed(self) -> bool:
        return not self.findings


def attacker_intervals(
    system: CellSystem,
    published: BoolArray,
    cells: npt.NDArray[np.intp] | None = None,
) -> tuple[FloatArray, FloatArray]:
    """Tightest bounds of every suppressed cell (or only of ``cells``; others are NaN).

    Published cells get their own value as both bounds.
    """
    model = AttackerModel(system, published)
    wanted = np.flatnonzero(~published) if cells is None else np.asarray(cells, dtype=np.intp)
    lower = np.where(published, system.values, np.nan)
    upper = lower.copy()
    for cell in wanted:
        if published[cell]:
            continue
        lower[cell] = model.bound(int(cell), maximise=False)
        upper[cell] = model.bound(int(cell), maximise=True)
    return lower, upper


def audit(
    system: CellSystem,
    published: BoolArray,
    levels: ProtectionLevels,
    tolerance: float = TOLERANCE,
) -> AuditResult:
    """Every cell with a protection level whose attacker interval is too narrow.

    A protected cell that is published fails too (its interval is a single point).
    """
    protected = (levels.lower > 0) | (levels.upper > 0)
    lower = np.where(published, system.values, np.nan)
    upper = lower.copy()
    exact = published.copy()
    model = AttackerModel(system, published)
    need_low = system.values - levels.lower
    need_high = system.values + levels.upper
    audited = np.flatnonzero(protected & ~published)
    model.witness(audited, need_low[audited], need_high[audited])
    findings = []
    for cell in np.flatnonzero(protected):
        value = float(system.values[cell])
        slack = tolerance * max(1.0, abs(value))
        if not published[cell]:
            lower[cell], upper[cell], exact[cell] = _interval(
                model, int(cell), float(need_low[cell]), float(need_high[cell]), slack
            )
        if lower[cell] > need_low[cell] + slack or upper[cell] < need_high[cell] - slack:
            findings.append(
                AuditFinding(
                    cell=int(cell),
                    key=system.keys[cell],
                    value=value,
                    lower_bound=float(lower[cell]),
                    upper_bound=float(upper[cell]),
                    required_lower=float(need_low[cell]),
                    required_upper=float(need_high[cell]),
                )
            )
    return AuditResult(lower, upper, tuple(findings), exact)


def _interval(
    model: AttackerModel, cell: int, need_low: float, need_high: float, slack: float
) -> tuple[float, float, bool]:
    """The cell's bounds as far as the audit needs them, and whether both are the tightest."""
    low, high = model.seen(cell)
    if low > need_low + slack:
        low, _ = model.solve(cell, maximise=False, duals=False, target=need_low + slack)
        if low > need_low + slack:
            low, _ = model.solve(cell, maximise=False, duals=False, whole=True)
    if high < need_high - slack:
        high, _ = model.solve(cell, maximise=True, duals=False, target=need_high - slack)
        if high < need_high - slack:
            high, _ = model.solve(cell, maximise=True, duals=False, whole=True)
    # a bound beyond what is needed may come from a solution that merely reached it
    return low, high, bool(low > need_low + slack and high < need_high - slack)
