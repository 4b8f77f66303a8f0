"""Ingest: every encoding and format, standard codes, every bad row reported, atomic replace."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from openpyxl import Workbook

from mechelen.core.microdata.mapping import read_mapping
from mechelen.core.problems import ProblemsFound
from mechelen.engine.ingest import pipeline
from mechelen.engine.ingest.pipeline import ingest
from mechelen.engine.ingest.record_keys import record_key
from mechelen.engine.ingest.workspace import Workspace, data_table
from tests.engine.ingest.conftest import HEADER, PERSONS_MAPPING, ROWS, write_csv


def mapping_of(document: dict[str, object] | None = None):  # type: ignore[no-untyped-def]
    mapping, problems = read_mapping(document or PERSONS_MAPPING)
    assert mapping is not None, problems
    return mapping


def rows_of(workspace: Workspace, dataset: str = "persons") -> list[tuple[object, ...]]:
    return workspace.con.execute(
        f"SELECT _row, geo_municipality, geo_province, sex, age, age_band, citizenship, "
        f"country_of_birth, migratory_status FROM {data_table(dataset)} ORDER BY _row"
    ).fetchall()


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("utf-8", ";"), ("utf-8-sig", ";"), ("cp1252", ";"), ("latin-1", ","), ("utf-8", "\t")],
)
def test_encodings_and_delimiters_give_the_same_data(
    tmp_path: Path, workspace: Workspace, encoding: str, delimiter: str
) -> None:
    path = write_csv(tmp_path / "people.csv", ROWS, encoding, delimiter)
    result = ingest(workspace, path, mapping_of(), "")
    assert (result.record.rows_read, result.record.rows_kept, result.record.rows_rejected) == (
        5,
        5,
        0,
    )
    rows = rows_of(workspace)
    assert rows[0] == (2, "12025", "10000", "F", 34, "18-64", "BEL", "BEL", "native-born/citizen")
    assert rows[1][6:] == ("MAR", "MAR", "foreign-born/non-citizen")
    assert rows[2][1:4] == ("21004", "_Z", "M")  # no province in Brussels: not applicable
    assert rows[3][3:] == ("F", 88, "65+", "XXA", "SYR", "foreign-born/stateless")
    assert rows[4][3] == "F" and rows[4][6] == "TUR"


def test_gzip_xlsx_and_parquet(tmp_path: Path, workspace: Workspace) -> None:
    csv_path = write_csv(tmp_path / "people.csv", ROWS)
    gz = tmp_path / "people.csv.gz"
    gz.write_bytes(gzip.compress(csv_path.read_bytes()))
    assert ingest(workspace, gz, mapping_of(), "").record.rows_kept == 5
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    for row in ROWS:
        sheet.append([int(v) if v.isdigit() and len(v) < 3 else v for v in row])
    book.save(tmp_path / "people.xlsx")
    assert ingest(workspace, tmp_path / "people.xlsx", mapping_of(), "").record.rows_kept == 5
    workspace.con.execute(
        f"COPY (SELECT * FROM read_csv('{csv_path}', delim=';', header=true, all_varchar=true)) "
        f"TO '{tmp_path / 'people.parquet'}' (FORMAT parquet)"
    )
    assert ingest(workspace, tmp_path / "people.parquet", mapping_of(), "").record.rows_kept == 5
    assert rows_of(workspace)[1][6] == "MAR"


def test_every_bad_row_is_reported_and_good_rows_kept(tmp_path: Path, workspace: Workspace) -> None:
    bad = [
        ["p6", "12025", "Malines", "10000", "X", "30", "Belgique", "Belgique"],  # row 7: sex
        ["p7", "12025", "Malines", "10000", "F", "trente", "Belgique", "Belgique"],  # row 8: age
        ["p8", "12025", "Malines", "10000", "F", "30", "Atlantis", "Belgique"],  # row 9: country
        ["p9", "", "", "", "F", "30", "Belgique", "Belgique"],  # row 10: no municipality
        ["p1", "12025", "Malines", "10000", "F", "30", "Belgique", "Belgique"],  # row 11: id again
        ["p10", "12025", "Malines", "10000", "", "", "", ""],  # row 12: nothing stated: kept
    ]
    result = ingest(workspace, write_csv(tmp_path / "p.csv", ROWS + bad), mapping_of(), "")
    record = result.record
    assert (record.rows_read, record.rows_kept, record.rows_rejected) == (11, 6, 5)
    assert workspace.validation_rows("persons") == [
        (7, "sexe", "ingest.E011", "X"),
        (8, "âge", "ingest.E012", "trente"),
        (9, "nationalité", "ingest.E013", "Atlantis"),
        (10, "commune", "ingest.E010", None),
        (11, "id", "ingest.E018", "p1"),
    ]
    last = rows_of(workspace)[-1]
    assert last[3:8] == ("_U", None, "_U", "XXU", "XXU")
    assert record.unknowns["sex"] == 1 and record.unknowns["citizenship"] == 1


def test_ten_thousand_bad_rows(tmp_path: Path, workspace: Workspace) -> None:
    bad = [[f"q{i}", "12025", "Malines", "10000", "F", "-5", "BEL", "BEL"] for i in range(10_000)]
    result = ingest(workspace, write_csv(tmp_path / "p.csv", ROWS + bad), mapping_of(), "")
    assert result.record.rows_rejected == 10_000 and result.record.rows_kept == 5
    [(problem, rows)] = result.rejected
    assert (problem.code, rows, problem.location.row) == ("ingest.E012", 10_000, 7)


def test_record_keys_are_hmac_of_the_person_id(tmp_path: Path, workspace: Workspace) -> None:
    ingest(workspace, write_csv(tmp_path / "p.csv", ROWS), mapping_of(), "")
    keys = workspace.con.execute(
        f"SELECT _rkey FROM {data_table('persons')} ORDER BY _row"
    ).fetchall()
    secret = workspace.secret()
    assert [k[0] for k in keys] == [record_key(secret, row[0]) for row in ROWS]
    assert (workspace.folder / "record-key.secret").stat().st_mode & 0o077 == 0


def test_aggregated_counts(tmp_path: Path, workspace: Workspace) -> None:
    path = tmp_path / "counts.csv"
    path.write_text("muni;sex;nat;n\n12025;M;BEL;40\n12025;F;ETR;12\n12025;F;BEL;-3\n")
    document = {
        "dataset": "counts",
        "country": "BEL",
        "count": "n",
        "geography": [{"level": "municipality", "column": "muni"}],
        "dimensions": {
            "sex": {"column": "sex"},
            "citizenship": {"column": "nat", "values": {"ETR": "other"}},
        },
    }
    record = ingest(workspace, path, mapping_of(document), "").record
    assert (record.persons_kept, record.persons_rejected, record.rows_rejected) == (52, 0, 1)
    statuses = workspace.con.execute(
        f"SELECT citizenship, citizenship_status FROM {data_table('counts')} ORDER BY _row"
    ).fetchall()
    assert statuses == [("BEL", "citizen"), ("XXO", "non-citizen")]


def test_reingest_replaces_and_a_failure_leaves_the_old_version(
    tmp_path: Path, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest(workspace, write_csv(tmp_path / "p.csv", ROWS), mapping_of(), "")
    ingest(workspace, write_csv(tmp_path / "p.csv", ROWS[:3]), mapping_of(), "")
    assert len(rows_of(workspace)) == 3

    def crash(*args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(pipeline, "_labels_sql", crash)
    with pytest.raises(RuntimeError):
        ingest(workspace, write_csv(tmp_path / "p.csv", ROWS), mapping_of(), "")
    assert len(rows_of(workspace)) == 3
    assert workspace.dataset("persons").rows_kept == 3  # type: ignore[union-attr]


def test_a_failure_during_the_swap_rolls_back(
    tmp_path: Path, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest(workspace, write_csv(tmp_path / "p.csv", ROWS[:2]), mapping_of(), "")
    original = workspace.con.execute

    def failing_execute(sql: str, *args: object) -> object:
        if sql.startswith("INSERT INTO datasets"):
            raise RuntimeError("power cut")
        return original(sql, *args)

    monkeypatch.setattr(workspace, "con", _Proxy(workspace.con, failing_execute))
    with pytest.raises(RuntimeError):
        ingest(workspace, write_csv(tmp_path / "p.csv", ROWS), mapping_of(), "")
    monkeypatch.undo()
    assert len(rows_of(workspace)) == 2


class _Proxy:
    def __init__(self, con: object, execute: object) -> None:
        self._con, self.execute = con, execute

    def __getattr__(self, name: str) -> object:
        return getattr(self._con, name)


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "ingest.E002"),
        (b"\x00\x01\x02binary\x00", "ingest.E003"),
        (b"PK\x03\x04not really a zip", "ingest.E003"),
        (b"id;commune\n", "ingest.E004"),
    ],
)
def test_bad_files_get_a_code(
    tmp_path: Path, workspace: Workspace, content: bytes, code: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(ProblemsFound) as raised:
        ingest(workspace, path, mapping_of(), "")
    assert code in {p.code for p in raised.value.problems}


def test_wrong_delimiter_is_explained(tmp_path: Path, workspace: Workspace) -> None:
    document = {**PERSONS_MAPPING, "source": {"delimiter": ","}}
    with pytest.raises(ProblemsFound) as raised:
        ingest(
            workspace, write_csv(tmp_path / "p.csv", ROWS, delimiter=";"), mapping_of(document), ""
        )
    assert {p.code for p in raised.value.problems} == {"ingest.E005"}


def test_a_status_column_is_refused_and_never_read(tmp_path: Path, workspace: Workspace) -> None:
    path = tmp_path / "p.csv"
    path.write_text("id;commune;sexe;titre_de_sejour\np1;12025;F;B\n", encoding="utf-8")
    document = {
        "dataset": "fw",
        "country": "BEL",
        "id": "id",
        "geography": [{"level": "municipality", "column": "commune"}],
        "dimensions": {"sex": {"column": "sexe"}},
        "keep": {"permit": "titre_de_sejour"},
    }
    with pytest.raises(ProblemsFound) as raised:
        ingest(workspace, path, mapping_of(document), "")
    assert [p.code for p in raised.value.problems] == ["firewall.E001"]
    assert workspace.dataset("fw") is None
    del document["keep"]
    result = ingest(workspace, path, mapping_of(document), "")
    assert [w.code for w in result.warnings] == ["firewall.W001"]
    columns = [d[0] for d in workspace.con.execute(f"SELECT * FROM {data_table('fw')}").description]
    assert not any("sejour" in c for c in columns)
    # the raw rows (mapped columns only) are dropped once the ingest is over
    temporary = "SELECT count(*) FROM duckdb_tables() WHERE temporary"
    assert workspace.con.execute(temporary).fetchone() == (0,)


def test_status_values_are_refused(tmp_path: Path, workspace: Workspace) -> None:
    path = tmp_path / "p.csv"
    path.write_text("id;commune;motif\np1;12025;travail\np2;12025;sans papiers\n", encoding="utf-8")
    document = {
        "dataset": "fw2",
        "country": "BEL",
        "id": "id",
        "geography": [{"level": "municipality", "column": "commune"}],
        "dimensions": {"reason_for_migration": {"column": "motif"}},
    }
    with pytest.raises(ProblemsFound) as raised:
        ingest(workspace, path, mapping_of(document), "")
    assert [p.code for p in raised.value.problems] == ["firewall.E002"]
    assert workspace.dataset("fw2") is None
