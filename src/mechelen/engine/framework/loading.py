"""Load and check framework folders."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from mechelen.core.framework.building import FRAMEWORK_FILES, BuildResult, build_framework
from mechelen.core.framework.model import Framework
from mechelen.core.indicators.catalogue import IndicatorCatalogue
from mechelen.core.problems import Location, Problem, ProblemsFound, errors_only
from mechelen.engine.framework.indicators import check_indicators, load_indicators
from mechelen.engine.yaml_source import parse_yaml

DEFAULT_FRAMEWORK = "mechelen-2017"


def default_framework_path() -> Path:
    return Path(__file__).resolve().parent.parent.parent / "frameworks" / DEFAULT_FRAMEWORK


def check_framework(folder: Path) -> BuildResult:
    """Read every file of a framework folder and report every problem found, with places."""
    if not folder.is_dir():
        return BuildResult(
            framework=None,
            problems=[Problem("framework.E016", {"path": str(folder)}, Location(file=str(folder)))],
        )
    documents: dict[str, object] = {}
    syntax_problems: list[Problem] = []
    missing: list[Problem] = []
    for name in FRAMEWORK_FILES:
        path = folder / name
        if not path.is_file():
            missing.append(Problem("framework.E001", {"file": name}, Location(file=name)))
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            syntax_problems.append(Problem("framework.E017", {}, Location(file=name)))
            continue
        try:
            documents[name] = parse_yaml(text, name)
        except ProblemsFound as found:
            syntax_problems.extend(found.problems)
    if syntax_problems:
        return BuildResult(framework=None, problems=syntax_problems + missing)
    result = build_framework(documents)
    if result.ok and result.framework is not None:
        indicators = check_indicators(folder, result.framework)
        if indicators is not None:
            result.problems.extend(indicators.problems)
            result.indicators = indicators.catalogue
    return result


def load_framework(folder: Path | None = None) -> Framework:
    """The framework in ``folder`` (the Mechelen 2017 one by default); raises ProblemsFound."""
    return _load(str((folder or default_framework_path()).resolve()))


@cache
def _load(folder: str) -> Framework:
    result = check_framework(Path(folder))
    errors = errors_only(result.problems)
    if errors or result.framework is None:
        raise ProblemsFound(errors or result.problems)
    return result.framework


def load_framework_indicators(folder: Path | None = None) -> IndicatorCatalogue:
    """The indicator catalogue of the framework in ``folder`` (Mechelen 2017 by default)."""
    folder = folder or default_framework_path()
    return load_indicators(load_framework(folder), folder)
