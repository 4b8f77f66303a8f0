from __future__ import annotations

from typing import Any

import pytest

from mechelen.core.tabulation.spec import read_spec


def test_combinations_make_every_1_2_3_way_table() -> None:
    spec, problems = read_spec(
        {
            "dataset": "d",
            "combinations": {"dimensions": ["a", "b", "c", "d", "e"], "ways": [1, 2, 3]},
        }
    )
    assert problems == [] and spec is not None
    assert len(spec.tables) == 5 + 10 + 10
    assert spec.tables[5].name == "a-by-b" and spec.tables[5].dimensions == ("a", "b")
    assert spec.protection.method == "cell-key" and spec.protection.threshold == 10


@pytest.mark.parametrize(
    ("document", "code"),
    [
        ({"dataset": "d"}, "spec.E012"),
        ({"dataset": "d", "tables": [{"name": "Bad Name", "dimensions": ["a"]}]}, "spec.E011"),
        ({"dataset": "d", "tables": [{"name": "t", "dimensions": ["a"]}] * 2}, "spec.E013"),
        (
            {"dataset": "d", "measure": "money", "tables": [{"name": "t", "dimensions": ["a"]}]},
            "spec.E014",
        ),
        ({"dataset": "d", "combinations": {"dimensions": ["a"], "ways": [2]}}, "spec.E015"),
        (
            {"dataset": "d", "filters": {"a": "x"}, "tables": [{"name": "t", "dimensions": ["a"]}]},
            "spec.E016",
        ),
        (
            {
                "dataset": "d",
                "protection": {"method": "magic"},
                "tables": [{"name": "t", "dimensions": ["a"]}],
            },
            "spec.E017",
        ),
        (
            {
                "dataset": "d",
                "protection": {"threshold": 0},
                "tables": [{"name": "t", "dimensions": ["a"]}],
            },
            "spec.E018",
        ),
        ({"tables": [{"name": "t", "dimensions": ["a"]}]}, "spec.E003"),
    ],
)
def test_spec_problems(document: dict[str, Any], code: str) -> None:
    spec, problems = read_spec(document)
    assert spec is None and code in {p.code for p in problems}


def _with(**extra: Any) -> dict[str, Any]:
    return {"dataset": "d", "tables": [{"name": "t", "dimensions": ["sex", "age_band"]}], **extra}


def test_method_none_is_refused_with_its_own_code() -> None:
    """Fails on 70a54e0: ``none`` was accepted here and crashed the build with a KeyError."""
    spec, problems = read_spec(_with(protection={"method": "none"}))
    assert spec is None and [p.code for p in problems] == ["spec.E019"]
    assert "none" not in str(problems[0].params["allowed"]).split(", ")


@pytest.mark.parametrize(
    "document",
    [
        {"dataset": "d", "tables": [{"name": "t", "dimensions": ["sex", "sex"]}]},
        {"dataset": "d", "tables": [{"name": "t", "dimensions": ["sex", "age_band", "sex"]}]},
        {"dataset": "d", "combinations": {"dimensions": ["sex", "sex", "age"], "ways": [2]}},
    ],
)
def test_a_dimension_twice_in_a_table_is_refused(document: dict[str, Any]) -> None:
    """Fails on 70a54e0: ``[sex, sex]`` was accepted."""
    spec, problems = read_spec(document)
    assert spec is None and [(p.code, p.params["value"]) for p in problems] == [
        ("spec.E030", "sex")
    ]
