"""The mapping of a source file's columns onto Mechelen's standard dimensions.

Example (the Statbel 2015 population file, one row per count):

    dataset: statbel-2015
    country: BEL                     # the reporting country: native-born, citizen
    count: MS_POPULATION             # rows are counts of persons; omit for person records
    id: null                         # person id column for record keys (person records)
    source: {format: auto, encoding: auto, delimiter: auto, sheet: null}
    geography:                       # finest level first
      - {level: municipality, column: CD_MUNTY_REFNIS, label: TX_MUNTY_DESCR_FR}
      - {level: province, column: CD_PROV_REFNIS}
    dimensions:
      sex: {column: CD_SEX}
      age: {column: CD_AGE, bands: [0, 15, 25, 45, 65]}
      citizenship: {column: CD_NATLTY, values: {ETR: other}}
    keep: {civil_status: CD_CIV_STS}
    measures: {hours: hours-per-week}   # numeric columns for magnitude tables (sum)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from mechelen.core.documents import DocumentReader
from mechelen.core.microdata.bands import (
    DEFAULT_AGE_BANDS,
    DEFAULT_DURATION_BANDS,
    check_bands,
)
from mechelen.core.microdata.firewall import MappedColumn
from mechelen.core.problems import Problem

#: standard dimensions a mapping may name, besides geography
STANDARD_DIMENSIONS = (
    "sex",
    "age",
    "citizenship",
    "country_of_birth",
    "duration_of_stay",
    "reason_for_migration",
)
BANDED = {"age": DEFAULT_AGE_BANDS, "duration_of_stay": DEFAULT_DURATION_BANDS}
FORMATS = ("auto", "csv", "xlsx", "parquet")
ENCODINGS = ("auto", "utf-8", "utf-8-sig", "cp1252", "latin-1")
DELIMITERS = ("auto", ",", ";", "\t", "|")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
_NAME = re.compile(r"^[a-z][a-z0-9_]{0,40}$")


@dataclass(frozen=True)
class GeographyLevel:
    level: str
    column: str
    label_column: str | None = None


@dataclass(frozen=True)
class DimensionMapping:
    """A standard dimension read from ``column``; ``values`` recodes raw values first."""

    name: str
    column: str
    values: Mapping[str, str] = field(default_factory=dict)
    bands: tuple[int, ...] = ()


@dataclass(frozen=True)
class SourceOptions:
    format: str = "auto"
    encoding: str = "auto"
    delimiter: str = "auto"
    sheet: str | None = None


@dataclass(frozen=True)
class DataMapping:
    dataset: str
    country: str
    geography: tuple[GeographyLevel, ...]
    dimensions: Mapping[str, DimensionMapping]
    keep: Mapping[str, str]
    measures: Mapping[str, str] = field(default_factory=dict)
    count_column: str | None = None
    id_column: str | None = None
    source: SourceOptions = SourceOptions()

    @property
    def is_aggregated(self) -> bool:
        return self.count_column is not None

    def mapped_columns(self) -> list[MappedColumn]:
        """Every source column the mapping reads, with the role it plays."""
        columns = []
        for level in self.geography:
            columns.append(MappedColumn(level.column, f"geography.{level.level}"))
            if level.label_column:
                columns.append(MappedColumn(level.label_column, f"geography.{level.level}.label"))
        columns += [MappedColumn(d.column, d.name) for d in self.dimensions.values()]
        columns += [MappedColumn(column, f"keep.{name}") for name, column in self.keep.items()]
        columns += [
            MappedColumn(column, f"measures.{name}") for name, column in self.measures.items()
        ]
        if self.count_column:
            columns.append(MappedColumn(self.count_column, "count"))
        if self.id_column:
            columns.append(MappedColumn(self.id_column, "id"))
        return columns


def read_mapping(
    document: object, file: str = "mapping.yaml"
) -> tuple[DataMapping | None, list[Problem]]:
    """Validate a parsed mapping; return it with every problem found (mapping.E0xx)."""
    reader = DocumentReader(file, "mapping")
    if not isinstance(document, dict):
        reader.report("E004", document, None, field="(file)", expected="mapping", found="text")
        return None, reader.problems
    allowed = (
        "dataset",
        "country",
        "count",
        "id",
        "source",
        "geography",
        "dimensions",
        "keep",
        "measures",
    )
    reader.only_fields(document, allowed, "")
    dataset = reader.field(document, "dataset", str, "") or ""
    if dataset and not _ID.match(dataset):
        reader.report("E011", document, "dataset", value=dataset)
    country = reader.field(document, "country", str, "") or ""
    if country and not re.fullmatch(r"[A-Z]{3}", country):
        reader.report("E012", document, "country", value=country)
    count_column = _optional_text(reader, document, "count")
    id_column = _optional_text(reader, document, "id")
    source = _source(reader, document)
    geography = _geography(reader, document)
    dimensions = _dimensions(reader, document)
    keep = _keep(reader, document)
    measures = _keep(reader, document, "measures")
    if not geography and not dimensions and not keep:
        reader.report("E013", document, None)
    if any(p.is_error for p in reader.problems):
        return None, reader.problems
    mapping = DataMapping(
        dataset=dataset,
        country=country,
        geography=geography,
        dimensions=dimensions,
        keep=keep,
        measures=measures,
        count_column=count_column,
        id_column=id_column,
        source=source,
    )
    return mapping, reader.problems


def _optional_text(reader: DocumentReader, node: dict[str, Any], key: str) -> str | None:
    if node.get(key) is None:
        return None
    value = reader.field(node, key, str, "")
    return str(value) if value else None


def _choice(
    reader: DocumentReader, node: dict[str, Any], key: str, choices: tuple[str, ...]
) -> str:
    value = node.get(key, "auto")
    if value not in choices:
        reader.report(
            "E014",
            node,
            key,
            field=f"source.{key}",
            value=str(value),
            allowed=", ".join(map(repr, choices)),
        )
        return "auto"
    return str(value)


def _source(reader: DocumentReader, document: dict[str, Any]) -> SourceOptions:
    node = document.get("source")
    if node is None:
        return SourceOptions()
    if not isinstance(node, dict):
        reader.report("E004", document, "source", field="source", expected="mapping", found="text")
        return SourceOptions()
    reader.only_fields(node, ("format", "encoding", "delimiter", "sheet"), "source")
    sheet = node.get("sheet")
    return SourceOptions(
        format=_choice(reader, node, "format", FORMATS),
        encoding=_choice(reader, node, "encoding", ENCODINGS),
        delimiter=_choice(reader, node, "delimiter", DELIMITERS),
        sheet=None if sheet is None else str(sheet),
    )


def _geography(reader: DocumentReader, document: dict[str, Any]) -> tuple[GeographyLevel, ...]:
    if document.get("geography") is None:
        return ()
    levels = []
    for path, node in reader.items(document, "geography", ""):
        reader.only_fields(node, ("level", "column", "label"), path)
        level = reader.field(node, "level", str, path) or ""
        if level and not _NAME.match(level):
            reader.report("E015", node, "level", value=level)
        column = reader.field(node, "column", str, path) or ""
        label = node.get("label")
        levels.append(GeographyLevel(level, column, None if label is None else str(label)))
    names = [lvl.level for lvl in levels]
    for name in {n for n in names if names.count(n) > 1}:
        reader.report("E016", document, "geography", value=name)
    return tuple(levels)


def _dimensions(reader: DocumentReader, document: dict[str, Any]) -> dict[str, DimensionMapping]:
    node = document.get("dimensions")
    if node is None:
        return {}
    if not isinstance(node, dict):
        reader.report(
            "E004", document, "dimensions", field="dimensions", expected="mapping", found="list"
        )
        return {}
    dimensions: dict[str, DimensionMapping] = {}
    for name, spec in node.items():
        path = f"dimensions.{name}"
        if name not in STANDARD_DIMENSIONS:
            reader.report("E017", node, name, value=name, allowed=", ".join(STANDARD_DIMENSIONS))
            continue
        if not isinstance(spec, dict):
            reader.report("E004", node, name, field=path, expected="mapping", found="text")
            continue
        allowed = ("column", "values", "bands") if name in BANDED else ("column", "values")
        reader.only_fields(spec, allowed, path)
        column = reader.field(spec, "column", str, path) or ""
        values = spec.get("values") or {}
        if not isinstance(values, dict):
            reader.report(
                "E004", spec, "values", field=f"{path}.values", expected="mapping", found="list"
            )
            values = {}
        bands: tuple[int, ...] = ()
        if name in BANDED:
            raw = spec.get("bands", list(BANDED[name]))
            problem = check_bands(raw) if isinstance(raw, list) else "not a list"
            if problem:
                reader.report("E018", spec, "bands", field=f"{path}.bands", problem=problem)
            else:
                bands = tuple(raw)
        recode = {str(k): str(v) for k, v in values.items()}
        dimensions[name] = DimensionMapping(name, column, recode, bands)
    return dimensions


def _keep(reader: DocumentReader, document: dict[str, Any], key: str = "keep") -> dict[str, str]:
    """``name: column`` pairs of ``keep`` (categories) or ``measures`` (numbers to sum)."""
    node = document.get(key)
    if node is None:
        return {}
    if not isinstance(node, dict):
        reader.report("E004", document, key, field=key, expected="mapping", found="list")
        return {}
    keep = {}
    for name, column in node.items():
        if not _NAME.match(str(name)) or name in STANDARD_DIMENSIONS:
            reader.report("E015", node, name, value=str(name))
        elif not isinstance(column, str):
            reader.report("E004", node, name, field=f"{key}.{name}", expected="text", found="list")
        else:
            keep[str(name)] = column
    return keep
