"""Reading the ``table`` and ``cells`` of a published-table source in ``indicators.yaml``.

.. code-block:: yaml

    sources:
      - kind: published-table
        dimensions: [geography, citizenship_status, sex]
        table: by-citizenship-status-and-sex        # optional
        cells:
          numerator: {citizenship_status: [non-citizen, stateless]}
          denominator: {}                           # every dimension at its total
          groups:                                   # a gap's two groups, A then B
            - {sex: F}
            - {sex: M}
          by: citizenship                           # distinct and diversity measures

A code may be given alone or as a list. Structure problems use the framework codes
(``framework.E004``...); meaning is checked by the ``table-cells`` indicator check.
"""

from __future__ import annotations

from typing import Any

from mechelen.core.documents import type_name
from mechelen.core.framework.reader import FrameworkReader
from mechelen.core.indicators.cells import CellSelection, TableCells

CELLS_FIELDS = ("numerator", "denominator", "groups", "by")


def _codes(reader: FrameworkReader, node: Any, key: str, path: str) -> list[str] | None:
    value = node[key]
    values = value if isinstance(value, list) else [value]
    codes = []
    for item in values:
        if isinstance(item, str | int) and not isinstance(item, bool) and str(item).strip():
            codes.append(str(item).strip())
        else:
            reader.report(
                "E004", node, key, field=f"{path}.{key}", expected="code", found=type_name(item)
            )
            return None
    return codes


def read_selection(reader: FrameworkReader, node: Any, path: str) -> CellSelection:
    """A mapping of dimension to code(s); ``{}`` or nothing is every dimension at its total."""
    if node is None:
        return CellSelection()
    if not isinstance(node, dict):
        reader.report("E004", node, None, field=path, expected="mapping", found=type_name(node))
        return CellSelection()
    found: dict[str, list[str]] = {}
    for key in node:
        codes = _codes(reader, node, key, path)
        if codes:
            found[str(key)] = codes
    return CellSelection.of(found)


def read_table_cells(
    reader: FrameworkReader, source: dict[str, Any], path: str
) -> TableCells | None:
    """The source's ``cells`` (None when it has none)."""
    table = ""
    if source.get("table") is not None:
        table = str(reader.field(source, "table", str, path) or "")
    if source.get("cells") is None:
        return None
    node = reader.field(source, "cells", dict, path)
    if node is None:
        return None
    cells_path = f"{path}.cells"
    reader.only_fields(node, CELLS_FIELDS, cells_path)
    groups = []
    if node.get("groups") is not None:
        values = reader.field(node, "groups", list, cells_path) or []
        groups = [
            read_selection(reader, group, f"{cells_path}.groups[{n}]")
            for n, group in enumerate(values)
        ]
    by = ""
    if node.get("by") is not None:
        by = str(reader.field(node, "by", str, cells_path) or "")
    return TableCells(
        table=table,
        numerator=read_selection(reader, node.get("numerator"), f"{cells_path}.numerator"),
        denominator=(
            read_selection(reader, node["denominator"], f"{cells_path}.denominator")
            if "denominator" in node
            else None
        ),
        groups=tuple(groups),
        by=by,
    )
