"""`mechelen data`: the real Statbel and UCI files go in; a status column never does."""

from __future__ import annotations

import csv
from importlib.resources import files
from pathlib import Path

from typer.testing import CliRunner

from mechelen.cli.app import app
from mechelen.engine.ingest.workspace import Workspace, data_table
from tests.shared_data import shared_file

ROOT = Path(__file__).resolve().parents[2]
MAPPINGS = ROOT / "examples" / "mappings"
#: the demo's mapping of a city's Statbel rows: it reads the whole national file as well
STATBEL_MAPPING = files("mechelen.web.demo").joinpath("data", "statbel-2015.yaml")
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
        STATBEL_MAPPING,
        "--workspace",
        tmp_path,
    )
    assert code == 0, output
    assert "11,209,044" in output
    with Workspace(tmp_path) as space:
        record = space.dataset("population-2015")
        assert record is not None and record.rows_kept == 457_051 and record.rows_rejected == 0
        mechelen = space.con.execute(
            f"SELECT sum(_count) FROM {data_table('population-2015')} WHERE geo_municipality = '12025'"
        ).fetchone()
        assert mechelen is not None and 80_000 < mechelen[0] < 90_000
        foreign = space.con.execute(
            f"SELECT sum(_count) FROM {data_table('population-2015')} WHERE citizenship_status = 'non-citizen'"
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
    assert code == 3, output  # some rows rejected, the good ones kept
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


PEOPLE_MAPPING = (
    "dataset: people\ncountry: BEL\nid: id\n"
    "geography: [{level: municipality, column: commune}]\n"
    "dimensions: {age: {column: age, bands: [0, 18, 65]}}\n"
)


def _people(path: Path, good: int, bad: int) -> Path:
    rows = [f"g{i};12025;{20 + i % 50}" for i in range(good)]
    rows += [f"b{i};12025;-{i + 1}" for i in range(bad)]
    path.write_text("id;commune;age\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_exit_codes_all_kept_partly_rejected_and_refused(tmp_path: Path) -> None:
    """0 all kept, 3 partly rejected, 4 refused with the dataset kept as it was (fails on
    70a54e0: an ingest of 10,000 bad rows exited 0 and replaced the dataset by an empty one)."""
    mapping = tmp_path / "m.yaml"
    mapping.write_text(PEOPLE_MAPPING, encoding="utf-8")
    ws = tmp_path / "ws"

    def ingest(good: int, bad: int, *options: object) -> tuple[int, str]:
        source = _people(tmp_path / "people.csv", good, bad)
        return run("data", "ingest", source, "--mapping", mapping, "--workspace", ws, *options)

    assert ingest(100, 0)[0] == 0
    code, output = ingest(90, 10)
    assert code == 3 and "ingest.E012" in output, output
    code, output = ingest(0, 10_000, "--lang", "fr")
    assert code == 4 and "ingest.E020" in output and "ingest.E012" in output, output
    assert "Aucune ligne" in output
    code, output = ingest(40, 60)
    assert code == 4 and "ingest.E023" in output and "50%" in output, output
    with Workspace(ws) as space:
        record = space.dataset("people")
        assert record is not None and (record.rows_kept, record.rows_rejected) == (90, 10)
    code, output = ingest(40, 60, "--min-share", "0.4")
    assert code == 3, output
    with Workspace(ws) as space:
        assert space.dataset("people").rows_kept == 40  # type: ignore[union-attr]


def test_a_first_ingest_that_keeps_nothing_is_refused(tmp_path: Path) -> None:
    mapping = tmp_path / "m.yaml"
    mapping.write_text(PEOPLE_MAPPING, encoding="utf-8")
    source = _people(tmp_path / "people.csv", 0, 5)
    code, output = run(
        "data", "ingest", source, "--mapping", mapping, "--workspace", tmp_path / "ws"
    )
    assert code == 4 and "ingest.E020" in output
    with Workspace(tmp_path / "ws") as space:
        assert space.datasets() == []
