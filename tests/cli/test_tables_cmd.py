"""`mechelen tables build` and `tables audit` from the command line."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from mechelen.cli.app import app
from tests.engine.synthetic import town_workspace

runner = CliRunner()


def run(*args: object) -> tuple[int, str]:
    result = runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "200"})
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_build_then_audit(tmp_path: Path) -> None:
    town_workspace(tmp_path, persons=500).close()
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "release: town-2026\ndataset: town\n"
        "tables:\n  - {name: by-sex-and-age, dimensions: [geography, sex, age_band]}\n"
        "protection: {method: suppression, secondary: milp}\n",
        encoding="utf-8",
    )
    code, output = run(
        "tables",
        "build",
        spec,
        "--out",
        tmp_path / "out",
        "--workspace",
        tmp_path / "ws",
        "--by",
        "Ana",
    )
    assert code == 0, output
    assert "by-sex-and-age" in output and "suppression" in output
    code, output = run("tables", "audit", tmp_path / "out")
    assert code == 0 and "Audit passed" in output


def test_a_spec_with_an_unknown_dimension(tmp_path: Path) -> None:
    town_workspace(tmp_path, persons=100).close()
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "dataset: town\ntables:\n  - {name: t, dimensions: [religion]}\n", encoding="utf-8"
    )
    code, output = run(
        "tables", "build", spec, "--out", tmp_path / "out", "--workspace", tmp_path / "ws"
    )
    assert code == 1 and "spec.E022" in output and "religion" in output
    assert not (tmp_path / "out").exists()


def test_audit_of_a_cell_key_release(tmp_path: Path) -> None:
    town_workspace(tmp_path, persons=200).close()
    spec = tmp_path / "spec.yaml"
    spec.write_text("dataset: town\ntables:\n  - {name: t, dimensions: [sex]}\n", encoding="utf-8")
    assert (
        run("tables", "build", spec, "--out", tmp_path / "out", "--workspace", tmp_path / "ws")[0]
        == 0
    )
    code, output = run("tables", "audit", tmp_path / "out")
    assert code == 0 and "cell-key" in output


def test_method_none_and_a_repeated_dimension_get_a_code(tmp_path: Path) -> None:
    """Fails on 70a54e0: ``method: none`` ended in a KeyError traceback."""
    town_workspace(tmp_path, persons=100).close()
    spec = tmp_path / "spec.yaml"
    for text, code in [
        ("tables:\n  - {name: t, dimensions: [sex]}\nprotection: {method: none}\n", "spec.E019"),
        ("tables:\n  - {name: t, dimensions: [sex, sex]}\n", "spec.E030"),
    ]:
        spec.write_text("dataset: town\n" + text, encoding="utf-8")
        exit_code, output = run(
            "tables", "build", spec, "--out", tmp_path / "out", "--workspace", tmp_path / "ws"
        )
        assert exit_code == 1 and code in output, output
        assert not (tmp_path / "out").exists()
