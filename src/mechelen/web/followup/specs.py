"""The indicator specs a city can follow: the framework's catalogue, and its own indicators.

An indicator of the city's own is stored as a document with the fields of
``indicators.yaml`` and checked by the same catalogue rules (``indicator.E0xx``), so it can
never serve an unknown paragraph or be broken down by a legal status.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from mechelen.core.indicators import IndicatorCatalogue, IndicatorSpec
from mechelen.core.indicators.building import build_catalogue
from mechelen.core.problems import Problem
from mechelen.engine.framework import load_framework_indicators
from mechelen.web.followup.models import CityIndicator
from mechelen.web.framework_data import framework


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
        "sources": [{"kind": kind} for kind in data.get("sources") or ["external"]],
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
    return document


def check_custom(document: Mapping[str, Any]) -> tuple[IndicatorSpec | None, list[Problem]]:
    """The spec of a custom indicator document, or the catalogue rules' problems."""
    result = build_catalogue({"indicators": [dict(document)]}, framework(), "custom")
    errors = [p for p in result.problems if p.is_error]
    if errors or result.catalogue is None or not result.catalogue.indicators:
        return None, errors
    return result.catalogue.indicators[0], []


def spec_of(item: CityIndicator) -> IndicatorSpec | None:
    """The spec of a city's indicator (None if the catalogue no longer has it)."""
    if item.custom_spec:
        spec, _ = check_custom(item.custom_spec)
        return spec
    try:
        return catalogue().indicator(item.indicator_id)
    except KeyError:
        return None
