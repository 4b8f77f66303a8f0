"""The indicator catalogue of a framework folder is read, checked and located to the line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mechelen.core.indicators import MEASURE_KINDS
from mechelen.core.problems import ProblemsFound
from mechelen.engine.framework import (
    check_framework,
    default_framework_path,
    load_framework_indicators,
)
from tests.conftest import TINY_FRAMEWORK


def copy_of_mechelen(tmp_path: Path) -> Path:
    target = tmp_path / "mechelen"
    shutil.copytree(default_framework_path(), target)
    return target


def test_the_mechelen_catalogue_is_complete() -> None:
    catalogue = load_framework_indicators()
    assert catalogue.framework_id == "mechelen-2017"
    assert 10 <= len(catalogue.indicators) <= 15
    assert {
        "foreign-born-share",
        "non-citizen-share",
        "citizenships-present",
        "citizenship-diversity",
        "stateless-residents",
        "newcomer-share",
        "age-dependency-gap",
        "service-access-gap",
        "language-course-participation",
        "commitments-achieved-share",
        "assessed-sectors-at-level-3",
        "remittance-cost",
    } <= set(catalogue.ids)
    for spec in catalogue.indicators:
        assert spec.measure in MEASURE_KINDS
        for text in (spec.label, spec.definition, spec.numerator, spec.unit):
            assert text.languages == ("en", "es", "fr"), spec.id
    assert [s.id for s in catalogue.serving("sdg:10.c.1")] == ["remittance-cost"]
    assert {s.source_kinds[0] for s in catalogue.indicators} >= {
        "published-table",
        "service-figures",
        "commitments",
        "assessment",
        "external",
    }


def test_check_framework_reads_the_catalogue() -> None:
    result = check_framework(default_framework_path())
    assert result.problems == []
    assert result.indicators is not None and len(result.indicators.indicators) >= 10


def test_a_folder_without_indicators_has_an_empty_catalogue() -> None:
    assert load_framework_indicators(TINY_FRAMEWORK).indicators == ()
    assert check_framework(TINY_FRAMEWORK).indicators is None


def test_unknown_items_are_reported_at_their_indicator(tmp_path: Path) -> None:
    folder = copy_of_mechelen(tmp_path)
    path = folder / "indicators.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    first = lines.index("  - id: foreign-born-share") + 1
    text = "\n".join(lines) + "\n"
    text = text.replace("commitments: [17]\n", "commitments: [17, 99]\n", 1)
    text = text.replace('sdg: ["17.18"]\n', 'sdg: ["17.18", "17.99"]\n', 1)
    text = text.replace("measure: distinct", "measure: mode", 1)
    path.write_text(text, encoding="utf-8")
    problems = check_framework(folder).problems
    assert [(p.code, p.location.file) for p in problems] == [
        ("indicator.E001", "indicators.yaml"),
        ("indicator.E010", "indicators.yaml"),
        ("indicator.E011", "indicators.yaml"),
    ]
    assert problems[1].location.line == first
    with pytest.raises(ProblemsFound):
        load_framework_indicators(folder)


def test_a_yaml_error_in_the_catalogue_gives_its_line(tmp_path: Path) -> None:
    folder = copy_of_mechelen(tmp_path)
    (folder / "indicators.yaml").write_text("indicators:\n  - id: [\n", encoding="utf-8")
    problems = check_framework(folder).problems
    assert [(p.code, p.location.file) for p in problems] == [("framework.E002", "indicators.yaml")]
    assert problems[0].location.line is not None


def test_every_indicator_and_measure_kind_is_documented() -> None:
    docs = (Path(__file__).resolve().parents[3] / "docs" / "indicators.md").read_text("utf-8")
    for spec in load_framework_indicators().indicators:
        assert f"### `{spec.id}`: {spec.label.get('en')}" in docs, spec.id
    for kind in MEASURE_KINDS:
        assert f"| `{kind}` |" in docs, kind
    # the worked example, also tested in tests/core/indicators/test_progress.py
    assert "+5.74 %" in docs and "+5.95 %" in docs and "0.965" in docs
