"""Picking an indicator's figures from the cells of a published table, by dimension codes.

A city defines its own indicator on a table it published, e.g. the foreign-born share:

    numerator:   birth_status in {foreign-born}           (every other dimension at its total)
    denominator: birth_status in {native-born, foreign-born}

A :class:`CellSelection` names, for some dimensions, the codes whose cells are added up; every
dimension it does not name is taken at its total (``_T``), geography at the part of the area
asked for. A gap adds the selection of each of its two groups to the numerator's and the
denominator's; a measure over a distribution (distinct, diversity) counts each code of the
``by`` dimension.

Only what disclosure control let through counts: a cell is usable when it has a value, its
flag is ``observed`` or ``perturbed`` (a perturbed value is taken as published) and its
confidentiality is free (``F``). A figure that needs a suppressed or flagged cell has no
value (``indicator.E046``), except in a distribution, where a hidden group counts as absent
(the figure is then a lower bound, as for the catalogue's ``citizenships-present``); a code
absent from the table counts 0 (tables list the codes present). The tables are plain mappings as in a release's ``tables.json``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from mechelen.core.indicators.measures import MeasureKind
from mechelen.core.problems import Problem
from mechelen.core.tabulation.hierarchy import TOTAL
from mechelen.core.tabulation.spec import GEOGRAPHY

#: flags of cells whose value is published (suppressed cells are never used)
USABLE_FLAGS = ("observed", "perturbed")
#: SDMX confidentiality of a cell anyone may see
FREE = "F"
#: codes never counted as a group of a distribution (the total, unknown countries or status)
NOT_A_GROUP = (TOTAL, "XXU", "unknown", "_U")
GROUP_FIGURES = ("a", "b")
_PART = re.compile(r"^\s*([a-z][a-z0-9_]*)\s*=\s*([^=]+?)\s*$")

Table = Mapping[str, Any]


@dataclass(frozen=True)
class CellSelection:
    """For some dimensions, the codes whose cells are summed; the others at their total."""

    codes: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @classmethod
    def of(cls, mapping: Mapping[str, Iterable[str]]) -> CellSelection:
        return cls(
            tuple(
                (dimension, tuple(dict.fromkeys(str(c).strip() for c in codes)))
                for dimension, codes in sorted(mapping.items())
            )
        )

    @property
    def dimensions(self) -> tuple[str, ...]:
        return tuple(dimension for dimension, _codes in self.codes)

    def as_dict(self) -> dict[str, list[str]]:
        return {dimension: list(codes) for dimension, codes in self.codes}

    def text(self) -> str:
        """``citizenship_status=non-citizen,stateless sex=F``; empty for every total."""
        return " ".join(f"{d}={','.join(codes)}" for d, codes in self.codes)

    def joined(self, other: CellSelection) -> CellSelection:
        return CellSelection.of({**self.as_dict(), **other.as_dict()})


def parse_selection(text: str) -> CellSelection | Problem:
    """``migratory_status=foreign-born,second-generation sex=F`` (spaces or ``;`` between)."""
    found: dict[str, list[str]] = {}
    for part in filter(None, re.split(r"[;\s]+(?=[a-z][a-z0-9_]*\s*=)", text.strip())):
        match = _PART.match(part.strip().rstrip(";"))
        codes = [c.strip() for c in match.group(2).split(",")] if match else []
        clean = all(codes) and not any(re.search(r"\s", code) for code in codes)
        if match is None or not clean or match.group(1) in found:
            return Problem("indicator.E044", {"text": part.strip()})
        found[match.group(1)] = codes
    return CellSelection.of(found)


@dataclass(frozen=True)
class TableCells:
    """Which cells of a published table give an indicator's figures.

    ``table`` is the name of the table (releases that name it otherwise are matched by their
    dimensions); ``groups`` are the two groups of a gap (A, then B); ``by`` is the dimension
    whose codes are counted by a measure over a distribution.
    """

    table: str = ""
    numerator: CellSelection = field(default_factory=CellSelection)
    denominator: CellSelection | None = None
    groups: tuple[CellSelection, ...] = ()
    by: str = ""

    @property
    def selections(self) -> tuple[CellSelection, ...]:
        found = [self.numerator, *self.groups]
        return tuple(found + ([self.denominator] if self.denominator is not None else []))

    @property
    def dimensions(self) -> tuple[str, ...]:
        """Every dimension the selections name, and ``by``."""
        names = [d for s in self.selections for d in s.dimensions] + ([self.by] if self.by else [])
        return tuple(dict.fromkeys(names))

    def as_document(self) -> dict[str, Any]:
        """The ``cells`` entry of an ``indicators.yaml`` source."""
        document: dict[str, Any] = {"numerator": self.numerator.as_dict()}
        if self.denominator is not None:
            document["denominator"] = self.denominator.as_dict()
        if self.groups:
            document["groups"] = [g.as_dict() for g in self.groups]
        if self.by:
            document["by"] = self.by
        return document


def needed_selections(cells: TableCells, kind: MeasureKind) -> tuple[Problem, ...]:
    """Problems with ``cells`` for a measure: missing denominator, groups or ``by``; overlaps."""
    problems: list[Problem] = []
    if kind.takes_distribution:
        if not cells.by:
            problems.append(Problem("indicator.E042", {"measure": kind.id, "part": "by"}))
    elif cells.denominator is None and ({"denominator", "denominator_a"} & set(kind.inputs)):
        problems.append(Problem("indicator.E042", {"measure": kind.id, "part": "denominator"}))
    if kind.compares_groups and len(cells.groups) != 2:
        problems.append(Problem("indicator.E042", {"measure": kind.id, "part": "groups"}))
    if not kind.compares_groups and cells.groups:
        problems.append(Problem("indicator.E043", {"measure": kind.id, "part": "groups"}))
    measured = set(cells.numerator.dimensions)
    if cells.denominator is not None:
        measured |= set(cells.denominator.dimensions)
    for group in cells.groups:
        for dimension in sorted(measured & set(group.dimensions)):
            problems.append(Problem("indicator.E045", {"dimension": dimension}))
    if cells.by and cells.by in cells.numerator.dimensions:
        problems.append(Problem("indicator.E045", {"dimension": cells.by}))
    return tuple(problems)


def figure_selections(cells: TableCells, kind: MeasureKind) -> dict[str, CellSelection]:
    """The selection of each named figure of the measure (not for a distribution)."""
    denominator = cells.denominator or CellSelection()
    if kind.compares_groups:
        return {
            f"{name}_{suffix}": base.joined(group)
            for suffix, group in zip(GROUP_FIGURES, cells.groups, strict=False)
            for name, base in (("numerator", cells.numerator), ("denominator", denominator))
        }
    if kind.inputs == ("count",):
        return {"count": cells.numerator}
    return {"numerator": cells.numerator, "denominator": denominator}


def choose_table(
    tables: Sequence[Table], cells: TableCells, dimensions: Sequence[str] = ()
) -> Table | None:
    """The table of a release that gives ``cells``: the one of that name, else one with the
    source's dimensions, else the smallest one holding every dimension the selections name."""
    needed = set(cells.dimensions)
    holding = [t for t in tables if needed <= set(t.get("dimensions", ()))]
    named = [t for t in holding if cells.table and t.get("name") == cells.table]
    same = [t for t in holding if dimensions and set(t.get("dimensions", ())) == set(dimensions)]
    smallest = sorted(holding, key=lambda t: (len(t.get("dimensions", ())), str(t.get("name"))))
    for found in (named, same, smallest):
        if found:
            return found[0]
    return None


def usable(cell: Mapping[str, Any]) -> bool:
    """Whether a cell's value was published as it is (observed) or perturbed, and is free."""
    return (
        cell.get("value") is not None
        and cell.get("flag", "observed") in USABLE_FLAGS
        and cell.get("confidentiality", FREE) == FREE
    )


def _key(mapping: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(mapping.items()))


@dataclass(frozen=True)
class TableFigures:
    """The figures read from a table (None when a cell needed is hidden), and why not."""

    figures: dict[str, float] | None
    problems: tuple[Problem, ...] = ()


class _Cells:
    def __init__(self, table: Table) -> None:
        self.name = str(table.get("name", ""))
        self.dimensions = tuple(table.get("dimensions", ()))
        self.index = {_key(cell["key"]): cell for cell in table.get("cells", ())}

    def codes_of(self, dimension: str) -> list[str]:
        found = {dict(key).get(dimension) for key in self.index}
        return sorted(c for c in found if c is not None and c not in NOT_A_GROUP)

    def total(self, selection: CellSelection, area: str) -> float | Problem:
        chosen = dict(selection.codes)
        axes = []
        for dimension in self.dimensions:
            if dimension in chosen:
                axes.append(chosen[dimension])
            else:
                axes.append((area,) if dimension == GEOGRAPHY else (TOTAL,))
        total = 0.0
        for codes in itertools.product(*axes):
            cell = self.index.get(_key(dict(zip(self.dimensions, codes, strict=True))))
            if cell is None:
                continue  # a code absent from the table: nobody
            if not usable(cell):
                where = " ".join(f"{d}={c}" for d, c in zip(self.dimensions, codes, strict=True))
                return Problem("indicator.E046", {"table": self.name, "cell": where})
            total += float(cell["value"])
        return total


def table_figures(cells: TableCells, kind: MeasureKind, table: Table, area: str) -> TableFigures:
    """The figures of ``kind`` from ``table`` for ``area`` (``_T``: the whole area)."""
    reading = _Cells(table)
    missing = [d for d in cells.dimensions if d not in reading.dimensions]
    if missing:
        return TableFigures(
            None, (Problem("indicator.E047", {"table": reading.name, "dimension": missing[0]}),)
        )
    if kind.takes_distribution:
        selections = {
            code: cells.numerator.joined(CellSelection.of({cells.by: [code]}))
            for code in reading.codes_of(cells.by)
        }
    else:
        selections = figure_selections(cells, kind)
    figures: dict[str, float] = {}
    for name, selection in selections.items():
        total = reading.total(selection, area)
        if isinstance(total, Problem):
            if kind.takes_distribution:
                continue  # a hidden group counts as absent: the figure is a lower bound
            return TableFigures(None, (total,))
        figures[name] = total
    if kind.takes_distribution:
        figures = {code: value for code, value in figures.items() if value > 0}
    return TableFigures(figures)
