"""Reading back what a release folder published, and naming the population it describes.

``release.json`` names the tables, their dimensions and their flag CSVs (``<table>.csv``:
codes, value, flag); :func:`published_cells` reads each table's cells back with whether each
was published. :func:`filter_signature` names the population of a release (its filters) so
that cells of releases of different populations are never taken for one another.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from mechelen.core.disclosure import SUPPRESSED
from mechelen.core.problems import Location, Problem, ProblemsFound
from mechelen.core.tabulation.spec import Filter

#: the population of a release without filters
EVERYONE = "all"


def filter_signature(filters: Sequence[Filter]) -> str:
    """A canonical text for the filters: ``all``, or ``age>=18;sex=F,M``..."""
    parts = []
    for item in sorted(filters, key=lambda f: f.column):
        if item.values:
            parts.append(f"{item.column}={','.join(sorted(item.values))}")
        if item.minimum is not None:
            parts.append(f"{item.column}>={item.minimum:g}")
        if item.maximum is not None:
            parts.append(f"{item.column}<={item.maximum:g}")
    return ";".join(parts) or EVERYONE


def filters_json(filters: Sequence[Filter]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for item in sorted(filters, key=lambda f: f.column):
        entry: dict[str, Any] = {"column": item.column}
        if item.values:
            entry["values"] = sorted(item.values)
        if item.minimum is not None:
            entry["min"] = item.minimum
        if item.maximum is not None:
            entry["max"] = item.maximum
        out.append(entry)
    return out


def filters_from_json(data: Sequence[Mapping[str, Any]]) -> tuple[Filter, ...]:
    return tuple(
        Filter(
            column=str(entry["column"]),
            values=tuple(str(v) for v in entry.get("values", ())),
            minimum=entry.get("min"),
            maximum=entry.get("max"),
        )
        for entry in data
    )


def published_cells(
    folder: Path, meta: Mapping[str, Any]
) -> Iterator[tuple[str, list[tuple[str, ...]], list[float], list[bool]]]:
    """Per table of ``release.json``: its name, cell keys, values (0 where suppressed) and
    whether each cell was published."""
    for entry in meta["tables"]:
        path = folder / entry["file"]
        if not path.is_file():
            raise ProblemsFound(
                [Problem("audit.E002", {"file": entry["file"]}, Location(file=str(folder)))]
            )
        keys: list[tuple[str, ...]] = []
        values: list[float] = []
        shown: list[bool] = []
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                keys.append(tuple(row[d].removeprefix("'") for d in entry["dimensions"]))
                hidden = row["flag"] == SUPPRESSED
                values.append(0.0 if hidden else float(row["value"]))
                shown.append(not hidden)
        yield str(entry["name"]), keys, values, shown
