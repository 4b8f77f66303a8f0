"""Read a mapping file (YAML) into a validated DataMapping, problems with file and line."""

from __future__ import annotations

from pathlib import Path

from mechelen.core.microdata.mapping import DataMapping, read_mapping
from mechelen.core.problems import Location, Problem, ProblemsFound, errors_only
from mechelen.engine.yaml_source import parse_yaml


def load_mapping(path: Path) -> tuple[DataMapping, str]:
    """The mapping and its text (kept in the catalogue); raises ProblemsFound."""
    if not path.is_file():
        raise ProblemsFound(
            [Problem("mapping.E001", {"path": str(path)}, Location(file=path.name))]
        )
    text = path.read_text(encoding="utf-8")
    mapping, problems = read_mapping(parse_yaml(text, path.name, prefix="mapping"), path.name)
    if mapping is None or errors_only(problems):
        raise ProblemsFound(problems)
    return mapping, text
