"""Reading an indicator catalogue and checking it against its framework, rule by rule."""

from __future__ import annotations

from typing import Any

import pytest

from mechelen.core.framework.model import Framework
from mechelen.core.indicators.building import build_catalogue
from mechelen.core.indicators.checks import INDICATOR_CHECKS


def text(word: str) -> dict[str, str]:
    return {"en": word, "fr": word, "es": word}


def indicator(**changes: Any) -> dict[str, Any]:
    node: dict[str, Any] = {
        "id": "course-participation",
        "label": text("Course participation"),
        "definition": text("Participants per 1,000 newcomers"),
        "measure": "ratio",
        "numerator": text("Participants"),
        "denominator": text("Newcomers"),
        "scale": 1000,
        "unit": text("per 1,000"),
        "direction": "higher-is-better",
        "disaggregations": ["geography", "sex"],
        "sources": [{"kind": "service-figures"}],
        "serves": {
            "commitments": [31],
            "sectors": ["education"],
            "gcm": [16],
            "sdg": ["4.4"],
            "nua": ["social-inclusion"],
        },
    }
    node.update(changes)
    return {key: value for key, value in node.items() if value is not None}


def codes(framework: Framework, *nodes: dict[str, Any]) -> list[str]:
    return [p.code for p in build_catalogue({"indicators": list(nodes)}, framework).problems]


def test_a_valid_indicator_is_read(framework: Framework) -> None:
    result = build_catalogue({"indicators": [indicator()]}, framework)
    assert result.problems == [] and result.catalogue is not None
    spec = result.catalogue.indicator("course-participation")
    assert spec.scale == 1000.0 and spec.direction == "higher-is-better"
    assert spec.serves.commitments == (31,)
    assert spec.serves.references == ("gcm:16", "sdg:4.4", "nua:social-inclusion")
    assert result.catalogue.serving("sector:education") == (spec,)
    assert result.catalogue.serving("p31") == result.catalogue.serving("gcm:16") == (spec,)
    assert result.catalogue.serving("p17") == ()


def test_the_rules_are_registered_with_stable_ids() -> None:
    assert set(INDICATOR_CHECKS) == {
        "unique-ids",
        "known-measures",
        "known-sources",
        "known-disaggregations",
        "known-framework-items",
        "table-cells",
    }


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"measure": "median"}, "indicator.E001"),
        ({"serves": {"commitments": [12]}}, "indicator.E010"),
        ({"serves": {"commitments": ["twelve"]}}, "indicator.E010"),
        ({"serves": {"sdg": ["99.9"]}}, "indicator.E011"),
        ({"serves": {"gcm": [24]}}, "indicator.E011"),
        ({"serves": {"nua": ["parks"]}}, "indicator.E011"),
        ({"serves": {"sectors": ["health"]}}, "indicator.E012"),
        ({"direction": "up"}, "indicator.E013"),
        ({"sources": [{"kind": "rumour"}]}, "indicator.E014"),
        ({"disaggregations": ["legal_status"]}, "indicator.E015"),
        ({"measure": "gap"}, "indicator.E017"),
        ({"groups": [text("A"), text("B")]}, "indicator.E017"),
        ({"sources": [{"kind": "published-table"}]}, "indicator.E018"),
        ({"id": "Course_Participation"}, "indicator.E019"),
        ({"serves": {}}, "indicator.E020"),
        ({"scale": 0}, "indicator.E021"),
        ({"denominator": None}, "indicator.E022"),
        ({"sources": []}, "indicator.E023"),
        ({"label": None}, "framework.E003"),
        ({"label": {"en": "Course participation"}}, "framework.E005"),
        ({"scale": "a thousand"}, "framework.E004"),
        ({"weight": 2}, "framework.E010"),
    ],
)
def test_each_rule_reports_its_code(
    framework: Framework, changes: dict[str, Any], code: str
) -> None:
    assert codes(framework, indicator(**changes)) == [code]


def test_duplicate_ids(framework: Framework) -> None:
    assert codes(framework, indicator(), indicator()) == ["indicator.E016"]


def test_a_gap_needs_two_groups(framework: Framework) -> None:
    gap = indicator(
        measure="gap", groups=[text("Citizens"), text("Non-citizens")], direction="context"
    )
    result = build_catalogue({"indicators": [gap]}, framework)
    assert result.problems == [] and result.catalogue is not None
    assert result.catalogue.indicators[0].is_context
    assert result.catalogue.targetable == ()


def test_a_file_that_is_not_a_mapping(framework: Framework) -> None:
    assert [p.code for p in build_catalogue(["x"], framework).problems] == ["framework.E004"]
