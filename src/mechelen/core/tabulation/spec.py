"""Table specifications: which tables to build from a dataset, with which measure and filters.

    dataset: statbel-2015
    measure: persons                 # or {sum: <column>} for a magnitude table
    geography: {level: municipality, up_to: region}
    filters: {age: {min: 18}, sex: [F, M]}
    tables:
      - {name: sex-by-age, dimensions: [geography, sex, age_band]}
    combinations:                    # or every 1-, 2- and 3-way table of these dimensions
      dimensions: [geography, sex, age_band, citizenship_group]
      ways: [1, 2, 3]
    protection: {method: cell-key, threshold: 10}

Every table comes with all its margins: each dimension also at its total, and the geography at
every level from ``level`` up to ``up_to`` and the total.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from mechelen.core.disclosure import (
    CELL_KEY,
    GAUSS,
    MILP,
    PROTECTION_METHODS,
    UNPROTECTED,
)
from mechelen.core.documents import DocumentReader
from mechelen.core.problems import Problem

GEOGRAPHY = "geography"
METHOD_IDS = tuple(method.id for method in PROTECTION_METHODS)
SECONDARY_IDS = (GAUSS.id, MILP.id)
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,80}$")


@dataclass(frozen=True)
class Filter:
    column: str
    values: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None


@dataclass(frozen=True)
class TableRequest:
    name: str
    dimensions: tuple[str, ...]


@dataclass(frozen=True)
class Protection:
    method: str = CELL_KEY.id
    threshold: int = 10
    secondary: str = GAUSS.id
    epsilon: float = 1.0
    parameters: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class TableSpec:
    dataset: str
    tables: tuple[TableRequest, ...]
    measure: str | None = None  # None: persons (sum of counts); else the summed column
    geography_level: str | None = None
    geography_up_to: str | None = None
    filters: tuple[Filter, ...] = ()
    protection: Protection = Protection()
    release: str = ""


def read_spec(document: object, file: str = "spec.yaml") -> tuple[TableSpec | None, list[Problem]]:
    """Validate a parsed table spec; dimension names are checked later against the dataset."""
    reader = DocumentReader(file, "spec")
    if not isinstance(document, dict):
        reader.report("E004", document, None, field="(file)", expected="mapping", found="text")
        return None, reader.problems
    allowed = (
        "release",
        "dataset",
        "measure",
        "geography",
        "filters",
        "tables",
        "combinations",
        "protection",
    )
    reader.only_fields(document, allowed, "")
    dataset = reader.field(document, "dataset", str, "") or ""
    release = str(document.get("release") or dataset)
    if release and not _NAME.match(release):
        reader.report("E011", document, "release", value=release)
    measure = _measure(reader, document)
    level, up_to = _geography(reader, document)
    tables = _tables(reader, document)
    if not tables:
        reader.report("E012", document, None)
    names = [t.name for t in tables]
    for name in sorted({n for n in names if names.count(n) > 1}):
        reader.report("E013", document, "tables", value=name)
    spec = TableSpec(
        dataset=dataset,
        tables=tuple(tables),
        measure=measure,
        geography_level=level,
        geography_up_to=up_to,
        filters=_filters(reader, document),
        protection=_protection(reader, document),
        release=release,
    )
    if any(p.is_error for p in reader.problems):
        return None, reader.problems
    return spec, reader.problems


def _measure(reader: DocumentReader, document: dict[str, Any]) -> str | None:
    value = document.get("measure", "persons")
    if value == "persons":
        return None
    if isinstance(value, dict) and set(value) == {"sum"} and isinstance(value["sum"], str):
        return value["sum"]
    reader.report("E014", document, "measure", value=str(value))
    return None


def _geography(reader: DocumentReader, document: dict[str, Any]) -> tuple[str | None, str | None]:
    node = document.get(GEOGRAPHY)
    if node is None:
        return None, None
    if isinstance(node, str):
        return node, None
    if not isinstance(node, dict):
        reader.report(
            "E004", document, GEOGRAPHY, field=GEOGRAPHY, expected="mapping", found="list"
        )
        return None, None
    reader.only_fields(node, ("level", "up_to"), GEOGRAPHY)
    level = reader.field(node, "level", str, GEOGRAPHY)
    up_to = node.get("up_to")
    return level, None if up_to is None else str(up_to)


def _tables(reader: DocumentReader, document: dict[str, Any]) -> list[TableRequest]:
    tables = []
    if document.get("tables") is not None:
        for path, node in reader.items(document, "tables", ""):
            reader.only_fields(node, ("name", "dimensions"), path)
            name = reader.field(node, "name", str, path) or ""
            if name and not _NAME.match(name):
                reader.report("E011", node, "name", value=name)
            dims = [str(d) for d in reader.field(node, "dimensions", list, path) or []]
            _refuse_repeated(reader, node, name, dims)
            tables.append(TableRequest(name, tuple(dims)))
    node = document.get("combinations")
    if node is not None:
        if not isinstance(node, dict):
            reader.report(
                "E004",
                document,
                "combinations",
                field="combinations",
                expected="mapping",
                found="list",
            )
            return tables
        reader.only_fields(node, ("dimensions", "ways"), "combinations")
        dims = [str(d) for d in reader.field(node, "dimensions", list, "combinations") or []]
        _refuse_repeated(reader, node, "combinations", dims)
        dims = list(dict.fromkeys(dims))
        ways = node.get("ways", [1, 2])
        if not isinstance(ways, list) or not all(
            isinstance(w, int) and 1 <= w <= len(dims) for w in ways
        ):
            reader.report("E015", node, "ways", value=str(ways), most=len(dims))
            return tables
        for way in sorted(set(ways)):
            for combo in itertools.combinations(dims, way):
                tables.append(TableRequest("-by-".join(d.replace("_", "-") for d in combo), combo))
    return tables


def _refuse_repeated(reader: DocumentReader, node: object, table: str, dims: list[str]) -> None:
    """E030 for each dimension a table (or the combinations) names more than once."""
    for value in sorted({d for d in dims if dims.count(d) > 1}):
        reader.report("E030", node, "dimensions", table=table, value=value)


def _filters(reader: DocumentReader, document: dict[str, Any]) -> tuple[Filter, ...]:
    node = document.get("filters")
    if node is None:
        return ()
    if not isinstance(node, dict):
        reader.report(
            "E004", document, "filters", field="filters", expected="mapping", found="list"
        )
        return ()
    filters = []
    for column, condition in node.items():
        if isinstance(condition, list):
            filters.append(Filter(str(column), values=tuple(str(v) for v in condition)))
        elif (
            isinstance(condition, dict)
            and set(condition) <= {"min", "max"}
            and all(
                isinstance(v, int | float) and not isinstance(v, bool) for v in condition.values()
            )
        ):
            filters.append(
                Filter(str(column), minimum=condition.get("min"), maximum=condition.get("max"))
            )
        else:
            reader.report("E016", node, column, column=str(column))
    return tuple(filters)


def _protection(reader: DocumentReader, document: dict[str, Any]) -> Protection:
    node = document.get("protection")
    if node is None:
        return Protection()
    if not isinstance(node, dict):
        reader.report(
            "E004", document, "protection", field="protection", expected="mapping", found="text"
        )
        return Protection()
    method = node.get("method", CELL_KEY.id)
    if method == UNPROTECTED:
        reader.report("E019", node, "method", allowed=", ".join(METHOD_IDS))
    elif method not in METHOD_IDS:
        reader.report("E017", node, "method", value=str(method), allowed=", ".join(METHOD_IDS))
    secondary = node.get("secondary", GAUSS.id)
    if secondary not in SECONDARY_IDS:
        reader.report(
            "E017", node, "secondary", value=str(secondary), allowed=", ".join(SECONDARY_IDS)
        )
    threshold = node.get("threshold", 10)
    if not isinstance(threshold, int) or isinstance(threshold, bool) or threshold < 1:
        reader.report("E018", node, "threshold", value=str(threshold))
        threshold = 10
    epsilon = node.get("epsilon", 1.0)
    if not isinstance(epsilon, int | float) or isinstance(epsilon, bool) or epsilon <= 0:
        reader.report("E018", node, "epsilon", value=str(epsilon))
        epsilon = 1.0
    known = {"method", "secondary", "threshold", "epsilon"}
    extra = {k: v for k, v in node.items() if k not in known}
    return Protection(str(method), threshold, str(secondary), float(epsilon), extra)
