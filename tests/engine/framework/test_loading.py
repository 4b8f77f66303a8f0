"""Framework folders are read with line numbers; every problem names its file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mechelen.core.problems import ProblemsFound
from mechelen.engine.framework import check_framework, default_framework_path, load_framework
from tests.conftest import TINY_FRAMEWORK


def copy_of_tiny(tmp_path: Path) -> Path:
    target = tmp_path / "fw"
    shutil.copytree(TINY_FRAMEWORK, target)
    return target


def test_the_built_in_framework_checks_clean() -> None:
    result = check_framework(default_framework_path())
    assert result.problems == []
    assert result.framework is not None and result.framework.id == "mechelen-2017"


def test_a_second_framework_loads_too() -> None:
    tiny = load_framework(TINY_FRAMEWORK)
    assert tiny.id == "tiny-test"
    assert [s.id for s in tiny.sectors] == ["papers", "schools"]
    assert tiny.max_score == 2


def test_unknown_field_is_reported_at_its_line(tmp_path: Path) -> None:
    folder = copy_of_tiny(tmp_path)
    path = folder / "interdependence.yaml"
    lines = path.read_text().splitlines()
    lines.insert(3, "    weight: 3")
    path.write_text("\n".join(lines) + "\n")
    problems = check_framework(folder).problems
    assert [(p.code, p.location.file, p.location.line) for p in problems] == [
        ("framework.E010", "interdependence.yaml", 4)
    ]


def test_yaml_syntax_error_gives_file_and_line(tmp_path: Path) -> None:
    folder = copy_of_tiny(tmp_path)
    (folder / "commitments.yaml").write_text("commitments:\n  - paragraph: 1\n    title: {en: [\n")
    problems = check_framework(folder).problems
    assert problems[0].code == "framework.E002"
    assert problems[0].location.file == "commitments.yaml"
    assert problems[0].location.line is not None


def test_missing_file_and_not_a_folder(tmp_path: Path) -> None:
    folder = copy_of_tiny(tmp_path)
    (folder / "references.yaml").unlink()
    assert [p.code for p in check_framework(folder).problems] == ["framework.E001"]
    assert [p.code for p in check_framework(tmp_path / "nowhere").problems] == ["framework.E016"]


def test_yaml_booleans_are_not_taken_for_text(tmp_path: Path) -> None:
    folder = copy_of_tiny(tmp_path)
    path = folder / "implementation.yaml"
    path.write_text(path.read_text().replace('label: {en: "No"}', "label: {en: No}", 1))
    problems = check_framework(folder).problems
    assert [p.code for p in problems] == ["framework.E004"]
    assert problems[0].params["found"] == "yes/no value"


def test_load_framework_raises_with_every_error(tmp_path: Path) -> None:
    folder = copy_of_tiny(tmp_path)
    (folder / "interdependence.yaml").write_text(
        "dependencies:\n"
        "  - {blocker: papers, blocked: schools, reason: {en: r}}\n"
        "  - {blocker: schools, blocked: papers, reason: {en: r}}\n"
    )
    with pytest.raises(ProblemsFound) as raised:
        load_framework(folder)
    assert [p.code for p in raised.value.problems] == ["framework.E008"]
    assert raised.value.problems[0].location.line == 2
