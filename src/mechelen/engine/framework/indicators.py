"""Read a framework folder's indicator catalogue (``indicators.yaml``, optional)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from mechelen.core.framework.model import Framework
from mechelen.core.indicators.building import INDICATORS_FILE, CatalogueResult, build_catalogue
from mechelen.core.indicators.catalogue import IndicatorCatalogue
from mechelen.core.problems import Location, Problem, ProblemsFound, errors_only
from mechelen.engine.yaml_source import parse_yaml


def check_indicators(folder: Path, framework: Framework) -> CatalogueResult | None:
    """Read and check ``folder/indicators.yaml`` against ``framework``; None if there is none."""
    path = folder / INDICATORS_FILE
    if not path.is_file():
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return CatalogueResult(None, [Problem("framework.E017", {}, Location(file=path.name))])
    try:
        document = parse_yaml(text, path.name)
    except ProblemsFound as found:
        return CatalogueResult(None, list(found.problems))
    return build_catalogue(document, framework, path.name)


def load_indicators(framework: Framework, folder: Path) -> IndicatorCatalogue:
    """The indicators of ``folder`` (an empty catalogue if it has none); raises ProblemsFound."""
    return _load(framework, str(folder.resolve()))


@cache
def _load(framework: Framework, folder: str) -> IndicatorCatalogue:
    result = check_indicators(Path(folder), framework)
    if result is None:
        return IndicatorCatalogue(framework.id, ())
    errors = errors_only(result.problems)
    if errors or result.catalogue is None:
        raise ProblemsFound(errors or result.problems)
    return result.catalogue
