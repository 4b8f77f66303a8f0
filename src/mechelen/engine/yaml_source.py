"""YAML parsing that keeps line numbers, so problems can point at the exact line (any document)."""

from __future__ import annotations

from typing import Any

import yaml
from yaml.nodes import MappingNode, SequenceNode

from mechelen.core.framework.source import SourceList, SourceMap
from mechelen.core.problems import Location, Problem, ProblemsFound


class _LocatingLoader(yaml.SafeLoader):
    """A safe loader whose mappings and lists remember their lines (1-based)."""

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> SourceMap:  # type: ignore[override]
        plain = super().construct_mapping(node, deep=True)
        mapping = SourceMap(line=node.start_mark.line + 1)
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            mapping.key_lines[str(key)] = key_node.start_mark.line + 1
        for key, value in plain.items():
            mapping[str(key)] = value
        return mapping

    def construct_sequence(self, node: SequenceNode, deep: bool = False) -> SourceList:
        items = SourceList(
            super().construct_sequence(node, deep=True), line=node.start_mark.line + 1
        )
        items.item_lines = [child.start_mark.line + 1 for child in node.value]
        return items


def _construct_map(loader: _LocatingLoader, node: MappingNode) -> SourceMap:
    return loader.construct_mapping(node)


def _construct_seq(loader: _LocatingLoader, node: SequenceNode) -> SourceList:
    return loader.construct_sequence(node)


_LocatingLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_map)
_LocatingLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_seq)


def parse_yaml(text: str, file: str, prefix: str = "framework") -> Any:
    """Parse one YAML document; a syntax error becomes ``<prefix>.E002`` with its line."""
    try:
        return yaml.load(text, Loader=_LocatingLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        detail = error.problem or str(error)
        raise ProblemsFound(
            [Problem(f"{prefix}.E002", {"detail": detail}, Location(file=file, line=line))]
        ) from None
    except yaml.YAMLError as error:
        raise ProblemsFound(
            [Problem(f"{prefix}.E002", {"detail": str(error)}, Location(file=file))]
        ) from None
