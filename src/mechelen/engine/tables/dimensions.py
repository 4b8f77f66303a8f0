"""What a table spec's dimension names mean for one dataset: columns, levels and codes.

A dimension is a column of the dataset (``sex``, ``age_band``, ``citizenship_status``...),
``geography`` (its levels from the spec's ``level`` up to ``up_to``), or a group derived at
build time: ``citizenship_group`` and ``country_of_birth_group`` (see country_groups).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mechelen.core.problems import Problem, ProblemsFound
from mechelen.core.tabulation.spec import GEOGRAPHY, TableSpec
from mechelen.engine.ingest.workspace import DatasetRecord, Workspace
from mechelen.engine.standardise.country_groups import country_group

GROUPS = {"citizenship_group": "citizenship", "country_of_birth_group": "country_of_birth"}
#: columns that are never a table dimension
_HIDDEN = {"age", "duration_of_stay"}


@dataclass(frozen=True)
class DimensionColumns:
    """A table dimension and the dataset columns holding its levels, finest first."""

    name: str
    columns: tuple[str, ...]


@dataclass(frozen=True)
class DatasetDimensions:
    record: DatasetRecord
    country: str
    geography: tuple[str, ...]  # geo_<level> columns used, finest first

    def available(self) -> tuple[str, ...]:
        names = [
            c
            for c in self.record.columns
            if not c.startswith(("geo_", "measure_")) and c not in _HIDDEN
        ]
        names += [g for g, source in GROUPS.items() if source in self.record.columns]
        return (GEOGRAPHY, *names) if self.geography else tuple(names)

    def resolve(self, name: str) -> DimensionColumns:
        if name == GEOGRAPHY:
            return DimensionColumns(GEOGRAPHY, self.geography)
        return DimensionColumns(name, (name,))


def dataset_dimensions(workspace: Workspace, spec: TableSpec) -> DatasetDimensions:
    """Check the spec against its dataset; raise ProblemsFound naming what is unknown."""
    record = workspace.dataset(spec.dataset)
    if record is None:
        known = ", ".join(d.dataset for d in workspace.datasets()) or "-"
        raise ProblemsFound([Problem("spec.E020", {"value": spec.dataset, "known": known})])
    country = record.country
    levels = list(record.geography)
    problems: list[Problem] = []
    geography: tuple[str, ...] = ()
    if levels:
        first = spec.geography_level or levels[0]
        last = spec.geography_up_to or levels[-1]
        for level in (first, last):
            if level not in levels:
                problems.append(Problem("spec.E021", {"value": level, "known": ", ".join(levels)}))
        if not problems and levels.index(first) > levels.index(last):
            problems.append(
                Problem("spec.E021", {"value": f"{first} > {last}", "known": ", ".join(levels)})
            )
        if not problems:
            geography = tuple(
                f"geo_{lvl}" for lvl in levels[levels.index(first) : levels.index(last) + 1]
            )
    dims = DatasetDimensions(record, country, geography)
    available = dims.available()
    for table in spec.tables:
        for name in table.dimensions:
            if name not in available:
                problems.append(
                    Problem(
                        "spec.E022",
                        {"value": name, "table": table.name, "known": ", ".join(available)},
                    )
                )
    if spec.measure is not None and f"measure_{spec.measure}" not in record.columns:
        problems.append(Problem("spec.E023", {"value": spec.measure}))
    for item in spec.filters:
        if item.column not in record.columns and item.column not in GROUPS:
            problems.append(
                Problem("spec.E024", {"value": item.column, "known": ", ".join(record.columns)})
            )
    if problems:
        raise ProblemsFound(problems)
    return dims


def group_rows(codes: Sequence[str], country: str) -> list[tuple[str, str]]:
    """(code, group) for the codes present, for the group join table."""
    return [(code, country_group(code, country)) for code in codes]
