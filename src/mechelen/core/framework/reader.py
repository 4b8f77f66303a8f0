"""Typed, located reading of parsed framework documents, collecting problems as it goes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from mechelen.core.framework.model import Basis, CrosswalkLink
from mechelen.core.framework.source import line_of
from mechelen.core.framework.text import Text
from mechelen.core.problems import Location, Problem

_TYPE_NAMES = {str: "text", int: "whole number", list: "list", dict: "mapping"}


def _type_name(value: object) -> str:
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
    """Reads one document (a YAML file) and records every problem with its file and line."""

    def __init__(self, file: str, required_languages: tuple[str, ...]) -> None:
        self.file = file
        self.required_languages = required_languages
        self.problems: list[Problem] = []

    def where(self, node: object, key: str | int | None = None) -> Location:
        return Location(file=self.file, line=line_of(node, key))

    def report(
        self, code: str, node: object, key: str | int | None = None, **params: object
    ) -> None:
        self.problems.append(Problem(code, params, self.where(node, key)))

    def field(self, node: dict[str, Any], key: str, kind: type, path: str) -> Any:
        """``node[key]`` if present and of ``kind``; else report E003/E004 and return None."""
        if key not in node or node[key] is None:
            self.report("framework.E003", node, key, field=f"{path}.{key}" if path else key)
            return None
        value = node[key]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            self.report(
                "framework.E004",
                node,
                key,
                field=f"{path}.{key}" if path else key,
                expected=_TYPE_NAMES.get(kind, kind.__name__),
                found=_type_name(value),
            )
            return None
        return value

    def only_fields(self, node: dict[str, Any], allowed: tuple[str, ...], path: str) -> None:
        for key in node:
            if key not in allowed:
                self.report(
                    "framework.E010", node, key, field=f"{path}.{key}", allowed=", ".join(allowed)
                )

    def items(self, node: dict[str, Any], key: str, path: str) -> Iterator[tuple[str, Any]]:
        """Each mapping item of the list ``node[key]`` with its path, reporting non-mappings."""
        values = self.field(node, key, list, path)
        for index, item in enumerate(values or []):
            item_path = f"{key}[{index}]" if not path else f"{path}.{key}[{index}]"
            if isinstance(item, dict):
                yield item_path, item
            else:
                self.report(
                    "framework.E004",
                    values,
                    index,
                    field=item_path,
                    expected="mapping",
                    found=_type_name(item),
                )

    def text(self, node: dict[str, Any], key: str, path: str) -> Text:
        value = self.field(node, key, dict, path)
        if value is None:
            return Text()
        field_path = f"{path}.{key}"
        texts: dict[str, str] = {}
        for lang, content in value.items():
            if isinstance(content, str) and content.strip():
                texts[str(lang)] = content.strip()
            else:
                self.report(
                    "framework.E004",
                    value,
                    lang,
                    field=f"{field_path}.{lang}",
                    expected="text",
                    found=_type_name(content),
                )
        for lang in self.required_languages:
            if lang not in texts and lang not in value:
                self.report("framework.E005", node, key, field=field_path, lang=lang)
        return Text(texts)

    def crosswalk(self, node: dict[str, Any], path: str) -> tuple[CrosswalkLink, ...]:
        """Links under ``crosswalk`` (optional), grouped by basis: stated or judgement."""
        if node.get("crosswalk") is None:
            return ()
        value = self.field(node, "crosswalk", dict, path)
        if value is None:
            return ()
        self.only_fields(value, ("stated", "judgement"), f"{path}.crosswalk")
        links: list[CrosswalkLink] = []
        basis: Basis
        for basis in ("stated", "judgement"):
            targets = value.get(basis) or []
            if not isinstance(targets, list):
                self.report(
                    "framework.E004",
                    value,
                    basis,
                    field=f"{path}.crosswalk.{basis}",
                    expected="list",
                    found=_type_name(targets),
                )
                continue
            for index, target in enumerate(targets):
                if not isinstance(target, str) or ":" not in target:
                    self.report("framework.E011", targets, index, target=str(target))
                    continue
                links.append(CrosswalkLink(target.strip(), basis))
        return tuple(links)
