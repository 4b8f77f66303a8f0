"""`mechelen data`: the real Statbel and UCI files go in; a status column never does."""

from __future__ import annotations

import csv
from pathlib import Path

from typer.testing import CliRunner

from mechelen.cli.app import app
from mechelen.engine.ingest.workspace import Workspace, data_table
from tests.shared_data import shared_file

ROOT = Path(__file__).resolve().parents[2]
MAPPINGS = ROOT / "examples" / "mappings"
runner = CliRunner()


def run(*args: object) -> tuple[int, str]:
    result = runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "200"})
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_statbel_2015_goes_in_whole(tmp_path: Path) -> None:
    code, output = run(
        "data",
        "ingest",
        shared_file("statbel_population_by_municipality_2015.csv.gz"),
        "--mapping",
        MAPPINGS / "statbel-2015.yaml",
        "--workspace",
        tmp_path,
    )
    assert code == 0, output
    assert "11,209,044" in output
    with Workspace(tmp_path) as space:
        record = space.dataset("statbel-2015")
        assert record is not None and record.rows_kept == 457_051 and record.rows_rejected == 0
        mechelen = space.con.execute(
            f"SELECT sum(_count) FROM {data_table('statbel-2015')} WHERE geo_municipality = '12025'"
        ).fetchone()
        assert mechelen is not None and 80_000 < mechelen[0] < 90_000
        foreign = space.con.execute(
            f"SELECT sum(_count) FROM {data_table('statbel-2015')} WHERE citizenship_status = 'non-citizen'"
        ).fetchone()
        assert foreign is not None and 1_200_000 < foreign[0] < 1_400_000


def test_uci_adult_rejects_only_the_ambiguous_south(tmp_path: Path) -> None:
    code, output = run(
        "data",
        "ingest",
        shared_file("uci_adult.csv"),
        "--mapping",
        MAPPINGS / "uci-adult.yaml",
        "--workspace",
        tmp_path,
    )
    assert code == 0, output
    with Workspace(tmp_path) as space:
        record = space.dataset("uci-adult")
        assert record is not None and record.rows_read == 32_561
        assert record.rows_rejected == 80
    code, output = run(
        "data", "rejected", "uci-adult", "--out", tmp_path / "r.csv", "--workspace", tmp_path
    )
    assert code == 0
    with (tmp_path / "r.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 80 and {r["value"].strip() for r in rows} == {"South"}
    assert rows[0]["row"] == "29"
    code, output = run("data", "list", "--workspace", tmp_path)
    assert "uci-adult" in output


def test_a_mapping_naming_a_status_column_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "people.csv"
    source.write_text("id;commune;verblijfsvergunning\n1;12025;A\n", encoding="utf-8")
    mapping = tmp_path / "m.yaml"
    mapping.write_text(
        "dataset: people\ncountry: BEL\ngeography: [{level: municipality, column: commune}]\n"
        "keep: {permit: verblijfsvergunning}\n"
    )
    code, output = run(
        "data", "ingest", source, "--mapping", mapping, "--workspace", tmp_path / "ws"
    )
    assert code == 1 and "firewall.E001" in output


def test_a_broken_mapping_names_its_line(tmp_path: Path) -> None:
    mapping = tmp_path / "m.yaml"
    mapping.write_text("dataset: people\ncountry: BEL\ndimensions:\n  religion: {column: x}\n")
    code, output = run(
        "data", "ingest", tmp_path / "none.csv", "--mapping", mapping, "--workspace", tmp_path
    )
    assert code == 1 and "mapping.E017" in output and "line 4" in output
