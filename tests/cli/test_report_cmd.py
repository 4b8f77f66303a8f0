"""``mechelen report``: a thin command that runs the platform's management command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from mechelen.cli.app import app


class Completed:
    def __init__(self, code: int) -> None:
        self.returncode = code


def test_city_passes_its_options_and_exit_status_through(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    calls: list[list[str]] = []

    def fake_run(argv: list[str], check: bool) -> Any:
        calls.append(argv)
        return Completed(3)

    monkeypatch.setattr(subprocess, "run", fake_run)
    out = tmp_path / "r.pdf"
    result = CliRunner().invoke(
        app,
        [
            "report",
            "city",
            "mechelen",
            "--lang",
            "fr",
            "--format",
            "pdf",
            "--out",
            str(out),
            "--public",
            "--date",
            "2025-01-15",
        ],
    )
    assert result.exit_code == 3
    assert calls == [
        [
            sys.executable,
            "-m",
            "mechelen.web.manage",
            "report_city",
            "mechelen",
            "--lang",
            "fr",
            "--format",
            "pdf",
            "--out",
            str(out),
            "--date",
            "2025-01-15",
            "--public",
        ]
    ]


def test_network(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    calls: list[list[str]] = []
    monkeypatch.setattr(subprocess, "run", lambda argv, check: calls.append(argv) or Completed(0))
    result = CliRunner().invoke(
        app, ["report", "network", "net", "--out", "n.html", "--format", "html"]
    )
    assert result.exit_code == 0
    assert calls[0][3:] == [
        "report_network",
        "net",
        "--lang",
        "en",
        "--format",
        "html",
        "--out",
        "n.html",
    ]


def test_a_wrong_format_is_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["report", "city", "x", "--out", "a", "--format", "docx"])
    assert result.exit_code == 2


def test_the_cli_does_not_import_django() -> None:
    code = "import sys, mechelen.cli.app; print('django' in sys.modules)"
    found = subprocess.check_output([sys.executable, "-c", code], text=True).strip()
    assert found == "False"
