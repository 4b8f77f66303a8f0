"""Build an :class:`IndicatorCatalogue` from a parsed ``indicators.yaml``, with every problem.

Structure problems (missing field, wrong type, unknown field, missing translation) use the
framework codes (``framework.E003`` ...) since the file belongs to a framework folder; problems
of meaning are the registered indicator checks (``indicator.E0xx``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mechelen.core.documents import type_name
from mechelen.core.framework.model import Framework
from mechelen.core.framework.reader import FrameworkReader
from mechelen.core.framework.text import Text
from mechelen.core.indicators.catalogue import IndicatorCatalogue
from mechelen.core.indicators.cells_reading import read_table_cells
from mechelen.core.indicators.checks import run_indicator_checks
from mechelen.core.indicators.spec import (
    CONTEXT,
    DIRECTIONS,
    DataSource,
    Direction,
    IndicatorSpec,
    ServedItems,
)
from mechelen.core.problems import Location, Problem

INDICATORS_FILE = "indicators.yaml"
_FIELDS = (
    "id",
    "label",
    "definition",
    "measure",
    "numerator",
    "denominator",
    "groups",
    "scale",
    "unit",
    "direction",
    "disaggregations",
    "sources",
    "serves",
)
_SERVES = ("commitments", "sectors", "gcm", "sdg", "nua")
_SOURCE_FIELDS = ("kind", "dimensions", "note", "table", "cells")


@dataclass
class CatalogueResult:
    catalogue: IndicatorCatalogue | None
    problems: list[Problem] = field(default_factory=list)
    locations: dict[tuple[str, str], Location] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.catalogue is not None and not any(p.is_error for p in self.problems)


def build_catalogue(
    document: object, framework: Framework, file: str = INDICATORS_FILE
) -> CatalogueResult:
    """Read the indicators of ``document`` and check them against ``framework``."""
    result = CatalogueResult(catalogue=None)
    reader = FrameworkReader(file, framework.required_languages)
    if not isinstance(document, dict):
        reader.report(
            "E004", document, None, field="(file)", expected="mapping", found=type_name(document)
        )
        result.problems.extend(reader.problems)
        return result
    reader.only_fields(document, ("indicators",), "")
    specs = []
    for path, node in reader.items(document, "indicators", ""):
        spec = _IndicatorReader(reader, node, path).read()
        result.locations.setdefault(("indicator", spec.id), reader.where(node))
        specs.append(spec)
    result.problems.extend(reader.problems)
    result.catalogue = IndicatorCatalogue(framework.id, tuple(specs))
    if not any(p.is_error for p in result.problems):
        result.problems.extend(run_indicator_checks(result.catalogue, framework, result.locations))
    return result


class _IndicatorReader:
    def __init__(self, reader: FrameworkReader, node: dict[str, Any], path: str) -> None:
        self.reader, self.node, self.path = reader, node, path

    def read(self) -> IndicatorSpec:
        reader, node, path = self.reader, self.node, self.path
        reader.only_fields(node, _FIELDS, path)
        return IndicatorSpec(
            id=str(reader.field(node, "id", str, path) or ""),
            label=reader.text(node, "label", path),
            definition=reader.text(node, "definition", path),
            measure=str(reader.field(node, "measure", str, path) or ""),
            numerator=reader.text(node, "numerator", path),
            denominator=self.optional_text("denominator"),
            groups=self.groups(),
            scale=self.scale(),
            unit=reader.text(node, "unit", path),
            direction=self.direction(),
            disaggregations=self.names(node, "disaggregations", path),
            sources=self.sources(),
            serves=self.serves(),
        )

    def optional_text(self, key: str) -> Text:
        if self.node.get(key) is None:
            return Text()
        return self.reader.text(self.node, key, self.path)

    def groups(self) -> tuple[Text, ...]:
        if self.node.get("groups") is None:
            return ()
        texts = []
        for group_path, group in self.reader.items(self.node, "groups", self.path):
            texts.append(self.reader.text({"label": group}, "label", group_path))
        return tuple(texts)

    def scale(self) -> float:
        value = self.node.get("scale", 1)
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.reader.report(
                "E004",
                self.node,
                "scale",
                field=f"{self.path}.scale",
                expected="decimal number",
                found=type_name(value),
            )
            return 1.0
        return float(value)

    def direction(self) -> Direction | None:
        value = self.reader.field(self.node, "direction", str, self.path)
        for direction in DIRECTIONS:
            if value == direction:
                return direction
        if value is not None and value != CONTEXT:
            allowed = ", ".join((*DIRECTIONS, CONTEXT))
            self.reader.problems.append(
                Problem(
                    "indicator.E013",
                    {"value": value, "allowed": allowed},
                    self.reader.where(self.node, "direction"),
                )
            )
        return None

    def names(self, node: dict[str, Any], key: str, path: str) -> tuple[str, ...]:
        """An optional list of names (or numbers, read as names: GCM objective 16 is "16")."""
        if node.get(key) is None:
            return ()
        values = self.reader.field(node, key, list, path) or []
        names = []
        for index, value in enumerate(values):
            if isinstance(value, str | int) and not isinstance(value, bool):
                names.append(str(value).strip())
            else:
                self.reader.report(
                    "E004",
                    values,
                    index,
                    field=f"{path}.{key}[{index}]",
                    expected="text",
                    found=type_name(value),
                )
        return tuple(names)

    def sources(self) -> tuple[DataSource, ...]:
        sources = []
        for source_path, source in self.reader.items(self.node, "sources", self.path):
            self.reader.only_fields(source, _SOURCE_FIELDS, source_path)
            note = Text()
            if source.get("note") is not None:
                note = self.reader.text(source, "note", source_path)
            sources.append(
                DataSource(
                    kind=str(self.reader.field(source, "kind", str, source_path) or ""),
                    note=note,
                    dimensions=self.names(source, "dimensions", source_path),
                    cells=read_table_cells(self.reader, source, source_path),
                )
            )
        return tuple(sources)

    def serves(self) -> ServedItems:
        node = self.reader.field(self.node, "serves", dict, self.path)
        if node is None:
            return ServedItems()
        path = f"{self.path}.serves"
        self.reader.only_fields(node, _SERVES, path)
        paragraphs = []
        for text in self.names(node, "commitments", path):
            paragraph = text[1:] if text.startswith("p") else text
            if paragraph.isdigit():
                paragraphs.append(int(paragraph))
            else:
                self.reader.problems.append(
                    Problem(
                        "indicator.E010",
                        {"paragraph": text},
                        self.reader.where(node, "commitments"),
                    )
                )
        references = tuple(
            f"{scheme}:{code}"
            for scheme in ("gcm", "sdg", "nua")
            for code in self.names(node, scheme, path)
        )
        return ServedItems(
            commitments=tuple(paragraphs),
            sectors=self.names(node, "sectors", path),
            references=references,
        )
