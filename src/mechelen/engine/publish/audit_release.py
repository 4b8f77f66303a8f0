"""Audit a published release as an attacker would, from its published files alone.

The attacker knows every published cell of every table of the release, the additive relations
between them (the hierarchies in ``release.json``, and its ``relations`` between dimensions:
a country-of-birth group is the sum of its countries...) and that counts are never negative
whole numbers. By linear programming (HiGHS) it computes the tightest interval each
suppressed cell can take, rounded inwards to whole numbers.

From published data alone nobody can tell which suppressed cells were sensitive: every
suppressed cell whose interval reaches below the threshold (so it could be a small count) must
be at least ``protection`` wide (default threshold / 2). A release protected by perturbation
(cell key, differential privacy) has no intervals to compute and is reported as such.
"""

from __future__ import annotations

import itertools
import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, linprog, milp

from mechelen.core.disclosure import (
    SUPPRESSION,
    CellSystem,
    attacker_intervals,
    default_frequency_protection,
    link_tables,
)
from mechelen.core.problems import Location, Problem, ProblemsFound
from mechelen.core.tabulation.hierarchy import TOTAL, Hierarchy
from mechelen.core.tabulation.relations import DerivedDimension
from mechelen.core.tabulation.table import CellTable, merged_hierarchies, table_from_cells
from mechelen.engine.publish.populations import POPULATION, everyone_groups, link_populations
from mechelen.engine.publish.release import derived_tables
from mechelen.engine.publish.release_files import (
    EVERYONE,
    filter_signature,
    filters_from_json,
    published_cells,
)


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
    #: the earlier releases attacked together with this one
    audited_with: list[str] = field(default_factory=list)
    #: the earlier releases it was protected together with (its ``release.json``)
    published_before: list[str] = field(default_factory=list)
    #: suppressed cells attacked as integer programmes too (close to failing by LP)
    integer_checked: int = 0
    #: earlier releases given but not attacked with it: (release, ``other-dataset`` or
    #: ``data-changed``, a cell published with another value: another version of the data)
    left_out: list[tuple[str, str]] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.narrow


def _fail(code: str, folder: Path, **params: object) -> ProblemsFound:
    return ProblemsFound([Problem(code, params, Location(file=str(folder)))])


def _read_tables(folder: Path, meta: dict[str, Any]) -> tuple[list[CellTable], list[np.ndarray]]:
    hierarchies = {name: Hierarchy(name, parents) for name, parents in meta["hierarchies"].items()}
    tables, published = [], []
    for (name, keys, values, shown), entry in zip(
        published_cells(folder, meta), meta["tables"], strict=True
    ):
        cells = {key: (int(value), value) for key, value in zip(keys, values, strict=True)}
        dims = [hierarchies[d] for d in entry["dimensions"]]
        tables.append(table_from_cells(name, dims, cells))
        published.append(np.array(shown, dtype=np.bool_))
    return tables, published


def _everyone_placeholders(
    read: list[tuple[str, str, CellTable, np.ndarray]],
) -> list[tuple[str, CellTable]]:
    """Everyone's tables (placeholders: nobody published them) when the releases describe
    populations that do not nest and everyone is not among them: both are compared with it
    (``release.everyone_tables`` does the same when protecting)."""
    groups = everyone_groups({p for _, p, _, _ in read}, [t for _, _, t, _ in read])
    made = []
    for number, group in enumerate(groups):
        merged = merged_hierarchies(group)
        hierarchies = [merged[name] for name in group[0].dimensions]
        keys = list(itertools.product(*(h.codes for h in hierarchies)))
        cells = dict.fromkeys(keys, (0, 0.0))
        made.append((EVERYONE, table_from_cells(f"everyone {number}", hierarchies, cells)))
    return made


Cell = frozenset[tuple[str, str]]


def _cell(table: CellTable, key: tuple[str, ...]) -> Cell:
    """Which cell a key of a table is, whatever table: its codes other than the total."""
    return frozenset((d, c) for d, c in zip(table.dimensions, key, strict=True) if c != TOTAL)


def _published_values(tables: list[CellTable], shown: list[np.ndarray]) -> dict[Cell, float]:
    """The value of every cell the tables published."""
    values = {}
    for table, mask in zip(tables, shown, strict=True):
        for key, value, is_shown in zip(table.keys, table.values, mask, strict=True):
            if is_shown:
                values[_cell(table, key)] = float(value)
    return values


def _share_published_values(tables: list[CellTable], shown: list[np.ndarray]) -> list[CellTable]:
    """A cell suppressed in one table but published in another (of an earlier release) takes
    the published value everywhere: it is one cell, and public."""
    published = _published_values(tables, shown)
    shared = []
    for table, mask in zip(tables, shown, strict=True):
        values = table.values.copy()
        for i in np.flatnonzero(~mask):
            values[i] = published.get(_cell(table, table.keys[i]), values[i])
        shared.append(replace(table, values=values, counts=np.round(values).astype(np.int64)))
    return shared


#: at most this many cells get the integer attack (each two MILPs), the narrowest first,
#: each MILP for at most INTEGER_SECONDS, all of them for at most INTEGER_BUDGET seconds
INTEGER_CELLS = 200
INTEGER_SECONDS = 2.0
INTEGER_BUDGET = 30.0


def _integer_bounds(
    system: CellSystem,
    published: np.ndarray,
    lower: np.ndarray,
    upper: np.ndarray,
    threshold: int,
    width: float,
) -> int:
    """Tighten in place, by MILP, the bounds of the suppressed cells that could be small and
    whose rounded LP interval is less than twice the required width: where the integer hull
    is tighter than the LP's, the attacker gains. Returns how many cells were attacked
    (fewer than asked when the time budget runs out)."""
    near = np.flatnonzero(~published & (lower < threshold) & (upper - lower < 2 * width))
    if not len(near):
        return 0
    near = near[np.argsort(upper[near] - lower[near], kind="stable")][:INTEGER_CELLS]
    n = len(system)
    fixed = np.where(published, system.values, 0.0)
    low_bounds = np.where(published, fixed, 0.0)
    high_bounds = np.where(published, fixed, np.inf)
    constraints = LinearConstraint(system.equation_matrix, 0.0, 0.0)
    options = {"time_limit": INTEGER_SECONDS, "presolve": True}
    started = time.monotonic()
    attacked = 0
    for cell in near.tolist():
        if time.monotonic() - started > INTEGER_BUDGET:
            break
        attacked += 1
        for sign in (1.0, -1.0):
            objective = np.zeros(n)
            objective[cell] = sign
            found = milp(
                objective,
                constraints=constraints,
                integrality=np.ones(n),
                bounds=Bounds(low_bounds, high_bounds),
                options=options,
            )
            if found.status != 0 or found.x is None:
                continue  # out of time or unbounded: keep the LP's bound
            bound = float(found.x[cell])
            if sign > 0:
                lower[cell] = max(lower[cell], np.ceil(bound - 1e-6))
            else:
                upper[cell] = min(upper[cell], np.floor(bound + 1e-6))
    return attacked


def _read_release(folder: Path) -> dict[str, Any]:
    meta_path = folder / "release.json"
    if not meta_path.is_file():
        raise _fail("audit.E001", folder, path=str(folder))
    meta: dict[str, Any] = json.loads(meta_path.read_text(encoding="utf-8"))
    return meta


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


def audit_release(folder: Path, earlier: Sequence[Path] = ()) -> ReleaseAudit:
    """Attack the release in ``folder`` together with the ``earlier`` releases of the same
    data (folders): every table ever published from it, the relations between dimensions
    each ``release.json`` writes down, and the populations their filters describe."""
    meta = _read_release(folder)
    protection = meta["protection"]
    method = protection["method"]
    if method != SUPPRESSION.id:
        return ReleaseAudit(meta["release"], method, applicable=False)
    threshold = int(protection.get("threshold", 10))
    width = float(protection.get("protection", default_frequency_protection(threshold)))
    candidates = [(folder, meta)] + [(f, _read_release(f)) for f in earlier]
    left_out: list[tuple[str, str]] = []
    metas = []
    for source, source_meta in candidates:
        if source_meta["protection"]["method"] != SUPPRESSION.id:
            continue
        if source_meta.get("dataset") != meta.get("dataset"):
            left_out.append((str(source_meta["release"]), "other-dataset"))
            continue
        metas.append((source, source_meta))
    filters = {f: filters_from_json(m.get("filters", [])) for f, m in metas}
    populations = {f: filter_signature(filters[f]) for f, _ in metas}
    read: list[tuple[str, str, CellTable, np.ndarray]] = []  # release, population, table, shown
    relations: dict[str, DerivedDimension] = {}
    known: dict[tuple[str, Cell], float] = {}  # published values, by population
    kept = []
    for source, source_meta in metas:
        tables, shown = _read_tables(source, source_meta)
        population = populations[source]
        own_values = {
            (population, cell): value for cell, value in _published_values(tables, shown).items()
        }
        if any(known.get(cell, value) != value for cell, value in own_values.items()):
            # a cell published with another value: a release of another version of the data
            left_out.append((str(source_meta["release"]), "data-changed"))
            continue
        known.update(own_values)
        kept.append((source, source_meta))
        for table, mask in zip(tables, shown, strict=True):
            read.append((str(source_meta["release"]), populations[source], table, mask))
        for entry in source_meta.get("relations", []):
            relations.setdefault(
                json.dumps(entry, sort_keys=True), DerivedDimension.from_json(entry)
            )
    own = [t for _, _, t, _ in read[: len(meta["tables"])]]
    others = read[len(own) :]
    # the status tables nobody publishes, through which tables link (placeholder values)
    derived = derived_tables([(p, t) for _, p, t, _ in read], str(meta.get("country", "")))
    derived += _everyone_placeholders(read)
    others += [("(derived)", p, t, np.zeros(len(t), dtype=np.bool_)) for p, t in derived]
    linked = link_populations(
        own,
        populations[folder],
        {EVERYONE: ()} | {populations[f]: filters[f] for f, _ in metas},
        [(p, t, mask) for _, p, t, mask in others],
    )
    all_tables = linked.new + [t for t, _ in linked.earlier]
    shown_masks = [m for _, _, _, m in read[: len(own)]] + [m for _, m in linked.earlier]
    names = [str(meta["release"])] * len(own) + [r for r, _, _, _ in others]
    names += ["(rest)"] * (len(all_tables) - len(names))
    all_tables = _share_published_values(all_tables, shown_masks)
    placeholders = len(all_tables) - len(read)  # status and rest tables
    system = link_tables(all_tables, list(relations.values()), linked.sums, placeholders)
    published = np.zeros(len(system), dtype=np.bool_)
    for cells, mask in zip(system.table_cells, shown_masks, strict=True):
        published[cells] |= mask
    system = _feasible_completion(system, published, folder)
    lower, upper = attacker_intervals(system, published)
    integer_checked = 0
    if meta.get("measure", "persons") == "persons":
        # whole numbers: the attacker rounds each bound inwards, and where that leaves a cell
        # close to failing, solves the integer problem itself
        lower, upper = np.ceil(lower - 1e-6), np.floor(upper + 1e-6)
        integer_checked = _integer_bounds(system, published, lower, upper, threshold, width)
    result = ReleaseAudit(meta["release"], method, True, int((~published).sum()), width, threshold)
    result.integer_checked = integer_checked
    result.audited_with = [str(m["release"]) for _, m in kept[1:]]
    result.left_out = left_out
    result.published_before = [str(n) for n in meta.get("published_before", [])]
    seen: set[int] = set()
    for number, cells in enumerate(system.table_cells):
        table = all_tables[number]
        dims = list(table.dimensions)
        label = system.table_names[number]
        if number >= len(own):
            label = f"{names[number]}/{label}"
        rest = number >= len(read)  # status and rest tables: never published
        for position, cell in enumerate(cells.tolist()):
            if published[cell] or cell in seen:
                continue
            seen.add(cell)
            key = dict(zip(dims, table.keys[position], strict=True))
            if rest:  # the rest of a population outside another: known to be 0 is no one
                if upper[cell] <= 0:
                    continue
            else:
                key.pop(POPULATION, None)
            result.intervals.append((label, key, float(lower[cell]), float(upper[cell])))
            if lower[cell] < threshold and upper[cell] - lower[cell] < width - 1e-6:
                result.narrow.append(
                    NarrowInterval(label, key, float(lower[cell]), float(upper[cell]))
                )
    return result
