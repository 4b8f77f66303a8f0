"""Read a table spec file (YAML) into a validated TableSpec, problems with file and line."""

from __future__ import annotations

from pathlib import Path

from mechelen.core.problems import Location, Problem, ProblemsFound, errors_only
from mechelen.core.tabulation.spec import TableSpec, read_spec
from mechelen.engine.yaml_source import parse_yaml


def load_spec(path: Path) -> tuple[TableSpec, str]:
    if not path.is_file():
        raise ProblemsFound([Problem("spec.E001", {"path": str(path)}, Location(file=path.name))])
    text = path.read_text(encoding="utf-8")
    spec, problems = read_spec(parse_yaml(text, path.name, prefix="spec"), path.name)
    if spec is None or errors_only(problems):
        raise ProblemsFound(problems)
    return spec, text
