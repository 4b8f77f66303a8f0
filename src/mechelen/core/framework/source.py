"""Parsed source documents that remember where each value was written.

The YAML reader of the engine builds these containers; the framework builder uses their
line numbers to tell the user exactly where a problem is.
"""

from __future__ import annotations

from typing import Any


class SourceMap(dict[str, Any]):
    """A mapping with the line of the mapping itself and of each of its keys (1-based)."""

    def __init__(self, *args: Any, line: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.line = line
        self.key_lines: dict[str, int] = {}

    def line_of(self, key: str) -> int | None:
        return self.key_lines.get(key, self.line)


class SourceList(list[Any]):
    """A list with its own line and the line of each item (1-based)."""

    def __init__(self, *args: Any, line: int | None = None) -> None:
        super().__init__(*args)
        self.line = line
        self.item_lines: list[int | None] = []

    def line_of(self, index: int) -> int | None:
        if 0 <= index < len(self.item_lines):
            return self.item_lines[index]
        return self.line


def line_of(node: object, key: str | int | None = None) -> int | None:
    """Best known line of ``node[key]`` (or of ``node``), or None for plain containers."""
    if isinstance(node, SourceMap):
        return node.line_of(key) if isinstance(key, str) else node.line
    if isinstance(node, SourceList):
        return node.line_of(key) if isinstance(key, int) else node.line
    return None
