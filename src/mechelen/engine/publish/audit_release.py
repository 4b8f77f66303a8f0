"""Audit a published release as an attacker would, from its published files alone.

The attacker knows every published cell of every table of the release, the additive relations
between them (the hierarchies in ``release.json``) and that counts are never negative. By
linear programming (HiGHS) it computes the tightest interval each suppressed cell can take.

From published data alone nobody can tell which suppressed cells were sensitive: every
suppressed cell whose interval reaches below the threshold (so it could be a small count) must
be at least ``protection`` wide (default threshold / 2). A release protected by perturbation
(cell key, differential privacy) has no intervals to compute and is reported as such.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
from scipy.optimize import linprog

from mechelen.core.disclosure.audit import attacker_intervals
from mechelen.core.disclosure.linked import CellSystem, link_tables
from mechelen.core.disclosure.protection import default_frequency_protection
from mechelen.core.problems import Location, Problem, ProblemsFound
from mechelen.core.tabulation.hierarchy import Hierarchy
from mechelen.core.tabulation.table import CellTable, table_from_cells
from mechelen.engine.publish.protected import SUPPRESSED


@dataclass(frozen=True)
class NarrowInterval:
    table: str
    key: dict[str, str]
    lower: float
    upper: float


@dataclass
class ReleaseAudit:
    release: str
    method: str
    applicable: bool
    suppressed: int = 0
    required_width: float = 0.0
    threshold: int = 0
    narrow: list[NarrowInterval] = field(default_factory=list)
    intervals: list[tuple[str, dict[str, str], float, float]] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.narrow


def _fail(code: str, folder: Path, **params: object) -> ProblemsFound:
    return ProblemsFound([Problem(code, params, Location(file=str(folder)))])


def _read_tables(folder: Path, meta: dict[str, Any]) -> tuple[list[CellTable], list[np.ndarray]]:
    hierarchies = {name: Hierarchy(name, parents) for name, parents in meta["hierarchies"].items()}
    tables, published = [], []
    for entry in meta["tables"]:
        path = folder / entry["file"]
        if not path.is_file():
            raise _fail("audit.E002", folder, file=entry["file"])
        cells: dict[tuple[str, ...], tuple[int, float]] = {}
        shown: list[bool] = []
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                key = tuple(row[d].removeprefix("'") for d in entry["dimensions"])
                hidden = row["flag"] == SUPPRESSED
                value = 0.0 if hidden else float(row["value"])
                cells[key] = (int(value), value)
                shown.append(not hidden)
        dims = [hierarchies[d] for d in entry["dimensions"]]
        tables.append(table_from_cells(entry["name"], dims, cells))
        published.append(np.array(shown, dtype=np.bool_))
    return tables, published


def _feasible_completion(system: CellSystem, published: np.ndarray, folder: Path) -> CellSystem:
    """Give suppressed cells values that satisfy every equation (an LP), or report the release
    inconsistent. The attacker's bounds never depend on these values, only on published ones."""
    hidden = np.flatnonzero(~published)
    if not len(hidden):
        return system
    matrix = system.equation_matrix
    rhs = -(matrix[:, np.flatnonzero(published)] @ system.values[published])
    solution = linprog(
        np.zeros(len(hidden)), A_eq=matrix[:, hidden], b_eq=rhs, bounds=(0, None), method="highs"
    )
    if solution.status != 0:
        raise _fail("audit.E003", folder)
    values = system.values.copy()
    values[hidden] = solution.x
    return replace(system, values=values)


def audit_release(folder: Path) -> ReleaseAudit:
    meta_path = folder / "release.json"
    if not meta_path.is_file():
        raise _fail("audit.E001", folder, path=str(folder))
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    protection = meta["protection"]
    method = protection["method"]
    if method != "suppression":
        return ReleaseAudit(meta["release"], method, applicable=False)
    threshold = int(protection.get("threshold", 10))
    width = float(protection.get("protection", default_frequency_protection(threshold)))
    tables, published_by_table = _read_tables(folder, meta)
    system = link_tables(tables)
    published = np.zeros(len(system), dtype=np.bool_)
    for cells, shown in zip(system.table_cells, published_by_table, strict=True):
        published[cells] |= shown
    system = _feasible_completion(system, published, folder)
    lower, upper = attacker_intervals(system, published)
    result = ReleaseAudit(meta["release"], method, True, int((~published).sum()), width, threshold)
    for number, cells in enumerate(system.table_cells):
        name = system.table_names[number]
        dims = meta["tables"][number]["dimensions"]
        for cell in cells:
            if published[cell]:
                continue
            key = dict(
                zip(dims, tables[number].keys[int(np.flatnonzero(cells == cell)[0])], strict=True)
            )
            result.intervals.append((name, key, float(lower[cell]), float(upper[cell])))
            if lower[cell] < threshold and upper[cell] - lower[cell] < width - 1e-6:
                result.narrow.append(
                    NarrowInterval(name, key, float(lower[cell]), float(upper[cell]))
                )
    return result
