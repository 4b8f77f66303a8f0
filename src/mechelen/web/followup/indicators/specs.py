"""The indicator specs a city can follow: the framework's catalogue, and its own indicators.

An indicator of the city's own is stored as a document with the fields of
``indicators.yaml`` and checked by the same catalogue rules (``indicator.E0xx``), so it can
never serve an unknown paragraph or be broken down by a legal status. A city may also import
several from a YAML file in the catalogue's format (:func:`check_import`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404

from mechelen.core.indicators import IndicatorCatalogue, IndicatorSpec
from mechelen.core.indicators.building import build_catalogue
from mechelen.core.problems import Location, Problem, ProblemsFound
from mechelen.engine.framework import load_framework_indicators
from mechelen.engine.yaml_source import parse_yaml
from mechelen.web.followup.models import CityIndicator
from mechelen.web.framework_data import framework
from mechelen.web.tenancy.models import Organisation


@cache
def catalogue() -> IndicatorCatalogue:
    return load_framework_indicators()


def custom_document(data: Mapping[str, Any]) -> dict[str, Any]:
    """The indicators.yaml entry of an indicator defined in a form (texts in every language)."""
    languages = framework().required_languages

    def text(value: str) -> dict[str, str]:
        return dict.fromkeys(languages, value.strip())

    document: dict[str, Any] = {
        "id": data["indicator_id"],
        "label": text(data["label"]),
        "definition": text(data.get("definition") or data["label"]),
        "measure": data["measure"],
        "numerator": text(data["numerator"]),
        "scale": data.get("scale") or 1,
        "unit": text(data["unit"]),
        "direction": data["direction"],
        "disaggregations": list(data.get("disaggregations") or []),
        "sources": data.get("table_sources")
        or [{"kind": kind} for kind in data.get("sources") or ["external"]],
        "serves": {
            key: list(values)
            for key, values in (
                ("commitments", data.get("commitments") or []),
                ("sectors", data.get("sectors") or []),
                ("gcm", data.get("gcm") or []),
                ("sdg", data.get("sdg") or []),
                ("nua", data.get("nua") or []),
            )
            if values
        },
    }
    if (data.get("denominator") or "").strip():
        document["denominator"] = text(data["denominator"])
    groups = [(data.get(name) or "").strip() for name in ("group_a", "group_b")]
    if any(groups):
        document["groups"] = [text(group) for group in groups if group]
    return document


def check_custom(document: Mapping[str, Any]) -> tuple[IndicatorSpec | None, list[Problem]]:
    """The spec of a custom indicator document, or the catalogue rules' problems."""
    result = build_catalogue({"indicators": [dict(document)]}, framework(), "custom")
    errors = [p for p in result.problems if p.is_error]
    if errors or result.catalogue is None or not result.catalogue.indicators:
        return None, errors
    return result.catalogue.indicators[0], []


def _plain(node: Any) -> Any:
    """A parsed YAML node as plain JSON data (for storage)."""
    return json.loads(json.dumps(node, default=str))


def check_import(
    text: str, file: str, taken: set[str]
) -> tuple[list[dict[str, Any]], list[Problem]]:
    """The entries of an ``indicators.yaml`` file, or every problem, each at its line.

    An id of the framework's catalogue or of an indicator the city follows is refused
    (``followup.E007``); the file is imported whole or not at all.
    """
    try:
        document = parse_yaml(text, file)
    except ProblemsFound as found:
        return [], list(found.problems)
    result = build_catalogue(document, framework(), file)
    problems = [p for p in result.problems if p.is_error]
    if result.catalogue is None or problems:
        return [], problems
    for spec in result.catalogue.indicators:
        if spec.id in taken or spec.id in catalogue().ids:
            where = result.locations.get(("indicator", spec.id), Location(file=file))
            problems.append(Problem("followup.E007", {"id": spec.id}, where))
    if not result.catalogue.indicators:
        problems.append(Problem("followup.E008", {}, Location(file=file)))
    if problems:
        return [], problems
    return [_plain(node) for node in document["indicators"]], []


def spec_of(item: CityIndicator) -> IndicatorSpec | None:
    """The spec of a city's indicator (None if the catalogue no longer has it)."""
    if item.custom_spec:
        spec, _ = check_custom(item.custom_spec)
        return spec
    try:
        return catalogue().indicator(item.indicator_id)
    except KeyError:
        return None


def followed_indicator(organisation: Organisation, pk: int) -> tuple[CityIndicator, IndicatorSpec]:
    """An indicator the organisation follows, with its spec (HTTP 404 when there is neither)."""
    item = get_object_or_404(CityIndicator, pk=pk, organisation=organisation)
    spec = spec_of(item)
    if spec is None:
        raise Http404
    return item, spec
