"""The command line: every command works, bad input gets a coded message and never a traceback."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.main import get_command
from typer.testing import CliRunner

from mechelen.cli.app import app
from mechelen.engine.assessment import form_layout as layout
from mechelen.engine.framework import default_framework_path
from tests.conftest import TINY_FRAMEWORK

runner = CliRunner()
DOCS = Path(__file__).resolve().parents[2] / "docs" / "cli.md"


def invoke(*args: str | Path) -> tuple[int, str]:
    result = runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "200"})
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def all_commands() -> list[str]:
    root = get_command(app)
    names = []
    for name, command in root.commands.items():  # type: ignore[attr-defined]
        sub = getattr(command, "commands", None)
        names += [f"{name} {s}" for s in sub] if sub else [name]
    return sorted(names)


def test_every_command_has_help_and_is_documented() -> None:
    docs = DOCS.read_text(encoding="utf-8")
    assert all_commands() == [
        "assess run",
        "assess template",
        "data ingest",
        "data list",
        "data rejected",
        "demo",
        "framework check",
        "framework show",
        "report city",
        "report network",
        "tables audit",
        "tables build",
    ]
    for command in all_commands():
        code, output = invoke(*command.split(), "--help")
        assert code == 0 and "Usage" in output
        assert f"mechelen {command}" in docs, command


def test_framework_show_in_french() -> None:
    code, output = invoke("framework", "show", "--lang", "fr")
    assert code == 0
    assert "Déclaration de Malines" in output and "§44" in output and "Alimentation" in output
    assert "gcm:20" in output


def test_framework_check_valid_and_broken(tmp_path: Path) -> None:
    code, output = invoke("framework", "check", TINY_FRAMEWORK)
    assert code == 0 and "valid framework tiny-test" in output
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "framework.yaml").write_text("id: [\n")
    code, output = invoke("framework", "check", broken)
    assert code == 1
    assert "framework.E002" in output and "framework.E001" in output and "line" in output


def test_framework_check_validates_the_indicators(tmp_path: Path) -> None:
    code, output = invoke("framework", "check", default_framework_path())
    assert code == 0 and "13 indicators in indicators.yaml" in output
    folder = tmp_path / "fw"
    shutil.copytree(default_framework_path(), folder)
    path = folder / "indicators.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("gcm: [20]", "gcm: [20, 31]"))
    code, output = invoke("framework", "check", folder, "--lang", "fr")
    assert code == 1 and "indicator.E011" in output and "gcm:31" in output


def test_template_then_run(tmp_path: Path, filled_form: Path) -> None:
    code, output = invoke(
        "assess", "template", "--lang", "fr", "--out", tmp_path / "form.xlsx", "--respondents", "3"
    )
    assert code == 0 and (tmp_path / "form.xlsx").is_file()
    assert len(load_workbook(tmp_path / "form.xlsx").sheetnames) == 3 + 3
    code, output = invoke(
        "assess", "run", filled_form, "--out", tmp_path / "report", "--lang", "es"
    )
    assert code == 0, output
    assert "report.html" in output
    data = json.loads((tmp_path / "report" / "report.json").read_text(encoding="utf-8"))
    assert data["language"] == "es" and len(data["priorities"]) == 9


def test_bad_cell_is_reported_and_nothing_written(tmp_path: Path, filled_form: Path) -> None:
    book = load_workbook(filled_form)
    book["Respondent 1"][f"E{layout.HEADER_ROW + 2}"] = 7
    book.save(filled_form)
    code, output = invoke("assess", "run", filled_form, "--out", tmp_path / "out")
    assert code == 1
    assert (
        "assess.E008" in output
        and "Respondent 1" in output
        and f"row {layout.HEADER_ROW + 2}" in output
    )
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "assess.E002"),
        (b"this is a text file renamed", "assess.E003"),
        (b"PK\x03\x04broken zip", "assess.E003"),
    ],
)
def test_bad_files_get_a_code_not_a_traceback(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "answers.xlsx"
    path.write_bytes(content)
    exit_code, output = invoke("assess", "run", path, "--out", tmp_path / "out")
    assert exit_code == 1 and code in output


def test_messages_follow_the_language(tmp_path: Path) -> None:
    path = tmp_path / "vide.xlsx"
    path.write_bytes(b"")
    _, output = invoke("assess", "run", path, "--out", tmp_path / "out", "--lang", "fr")
    assert "Le fichier est vide" in output


def test_bad_option_values_are_usage_errors(tmp_path: Path, filled_form: Path) -> None:
    code, output = invoke("assess", "run", filled_form, "--out", tmp_path, "--decay", "3")
    assert code == 2 and "decay" in output
    code, output = invoke("framework", "show", "--lang", "de")
    assert code == 2


def test_demo_writes_form_and_report(tmp_path: Path) -> None:
    code, output = invoke("demo", "--out", tmp_path, "--lang", "fr")
    assert code == 0, output
    assert (tmp_path / "vennbrugge-answers-fr.xlsx").is_file()
    html = (tmp_path / "report-fr" / "report.html").read_text(encoding="utf-8")
    assert "Vennbrugge" in html and "fictif" in html.lower()
    assert re.search(r"report-fr/report\.html", output)


def test_version() -> None:
    code, output = invoke("--version")
    assert code == 0 and output.startswith("mechelen ")


def test_unwritable_output_is_a_clear_error(tmp_path: Path, filled_form: Path) -> None:
    blocker = tmp_path / "taken"
    blocker.write_text("a file where a folder should be")
    code, output = invoke("assess", "run", filled_form, "--out", blocker)
    assert code == 1 and "io.E001" in output
    code, output = invoke("assess", "template", "--out", blocker / "form.xlsx")
    assert code == 1 and "io.E001" in output
