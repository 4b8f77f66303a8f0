"""Typed, located reading of parsed YAML documents, collecting every problem with its line."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from mechelen.core.framework.source import line_of
from mechelen.core.problems import Location, Problem

_TYPE_NAMES = {str: "text", int: "whole number", list: "list", dict: "mapping"}


def type_name(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "yes/no value"
    if isinstance(value, float):
        return "decimal number"
    for kind, name in _TYPE_NAMES.items():
        if isinstance(value, kind) and not isinstance(value, bool):
            return name
    return type(value).__name__


class DocumentReader:
    """Reads one document (a YAML file) and records every problem with its file and line.

    Problem codes are ``<prefix>.E003`` (missing field), ``.E004`` (wrong type) and ``.E010``
    (unknown field), so each kind of document reports under its own prefix.
    """

    def __init__(self, file: str, prefix: str) -> None:
        self.file = file
        self.prefix = prefix
        self.problems: list[Problem] = []

    def where(self, node: object, key: str | int | None = None) -> Location:
        return Location(file=self.file, line=line_of(node, key))

    def report(
        self, code: str, node: object, key: str | int | None = None, **params: object
    ) -> None:
        """Record problem ``<prefix>.<code>`` (e.g. code "E003") at ``node[key]``."""
        self.problems.append(Problem(f"{self.prefix}.{code}", params, self.where(node, key)))

    def field(self, node: dict[str, Any], key: str, kind: type, path: str) -> Any:
        """``node[key]`` if present and of ``kind``; else report E003/E004 and return None."""
        if key not in node or node[key] is None:
            self.report("E003", node, key, field=f"{path}.{key}" if path else key)
            return None
        value = node[key]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            self.report(
                "E004",
                node,
                key,
                field=f"{path}.{key}" if path else key,
                expected=_TYPE_NAMES.get(kind, kind.__name__),
                found=type_name(value),
            )
            return None
        return value

    def only_fields(self, node: dict[str, Any], allowed: tuple[str, ...], path: str) -> None:
        for key in node:
            if key not in allowed:
                self.report("E010", node, key, field=f"{path}.{key}", allowed=", ".join(allowed))

    def items(self, node: dict[str, Any], key: str, path: str) -> Iterator[tuple[str, Any]]:
        """Each mapping item of the list ``node[key]`` with its path, reporting non-mappings."""
        values = self.field(node, key, list, path)
        for index, item in enumerate(values or []):
            item_path = f"{key}[{index}]" if not path else f"{path}.{key}[{index}]"
            if isinstance(item, dict):
                yield item_path, item
            else:
                self.report(
                    "E004",
                    values,
                    index,
                    field=item_path,
                    expected="mapping",
                    found=type_name(item),
                )
