"""The firewall at ingest: status columns refused or reported, status values never kept.

Each test was run on 70a54e0 and fails there:
- a mapped ``Aufenthaltstitel`` (as ``keep.extra``) was ingested and stored per person;
- an unmapped ``permiso_residencia`` raised no warning;
- a free category column of "Duldung" values was stored (``keep_extra = 'Duldung'``);
- a citizenship "Duldung" and an age "Duldung" were kept verbatim in the validation table
  (codes ingest.E013 and ingest.E012, value 'Duldung'), and so shown by the rejection
  summary and the CLI's ``data rejected``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mechelen.core.microdata.mapping import DataMapping, read_mapping
from mechelen.core.problems import ProblemsFound
from mechelen.engine.ingest.pipeline import ingest
from mechelen.engine.ingest.workspace import Workspace, data_table
from mechelen.i18n import render_location, render_problem

MARKER = "Duldung"
BASE = {
    "country": "BEL",
    "id": "id",
    "geography": [{"level": "municipality", "column": "commune"}],
    "dimensions": {
        "sex": {"column": "sexe"},
        "age": {"column": "age"},
        "citizenship": {"column": "nationalite"},
    },
}


def mapping(dataset: str, **more: object) -> DataMapping:
    found, problems = read_mapping({**BASE, "dataset": dataset, **more})
    assert found is not None, problems
    return found


def write(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    lines = [";".join(header)] + [";".join(row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


HEADER = ["id", "commune", "sexe", "age", "nationalite", "extra"]
GOOD = [
    ["p1", "12025", "F", "34", "Belgique", "a"],
    ["p2", "12025", "M", "41", "Maroc", "b"],
    ["p3", "21004", "F", "7", "Belgique", "a"],
]


def traces(workspace: Workspace, marker: str = MARKER) -> list[str]:
    """Where ``marker`` is in the workspace: any table's text, or any byte of its files."""
    con = workspace.con
    found = []
    tables = con.execute(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE data_type = 'VARCHAR' AND table_catalog = current_database()"
    ).fetchall()
    for table, column in tables:
        hits = con.execute(
            f'SELECT count(*) FROM "{table}" WHERE lower("{column}") LIKE ?',
            [f"%{marker.lower()}%"],
        ).fetchone()
        if hits and hits[0]:
            found.append(f"{table}.{column}")
    con.execute("CHECKPOINT")
    for path in sorted(workspace.folder.rglob("*")):
        if path.is_file() and marker.lower().encode() in path.read_bytes().lower():
            found.append(str(path.relative_to(workspace.folder)))
    return found


def rendered(problems: list[object]) -> str:
    texts = []
    for problem in problems:
        for lang in ("en", "fr", "es"):
            texts.append(render_problem(problem, lang))  # type: ignore[arg-type]
            texts.append(render_location(problem.location, lang))  # type: ignore[attr-defined]
        texts.append(repr(problem))
    return "\n".join(texts)


def test_a_mapped_aufenthaltstitel_is_refused(tmp_path: Path, workspace: Workspace) -> None:
    header = [*HEADER[:-1], "Aufenthaltstitel"]
    path = write(tmp_path / "p.csv", header, GOOD)
    with pytest.raises(ProblemsFound) as raised:
        ingest(workspace, path, mapping("titel", keep={"extra": "Aufenthaltstitel"}), "")
    problems = raised.value.problems
    assert [(p.code, p.params["column"], p.params["role"]) for p in problems] == [
        ("firewall.E001", "Aufenthaltstitel", "keep.extra")
    ]
    assert workspace.dataset("titel") is None


def test_an_unmapped_permiso_residencia_is_reported(tmp_path: Path, workspace: Workspace) -> None:
    rows = [[*row[:-1], "temporal"] for row in GOOD]
    path = write(tmp_path / "p.csv", [*HEADER[:-1], "permiso_residencia"], rows)
    result = ingest(workspace, path, mapping("permiso"), "")
    assert [(w.code, w.params["column"]) for w in result.warnings] == [
        ("firewall.W001", "permiso_residencia")
    ]
    assert result.record.rows_kept == 3
    assert traces(workspace, "temporal") == []


def test_a_category_of_duldung_is_refused_without_a_trace(
    tmp_path: Path, workspace: Workspace
) -> None:
    """A free category column holding "Duldung" stops the ingest with firewall.E002; the
    message gives the column, the number of rows and the first one, never the value; the
    dataset already there stays whole; the word is nowhere in the workspace."""
    good = write(tmp_path / "good.csv", HEADER, GOOD)
    before = ingest(workspace, good, mapping("people", keep={"extra": "extra"}), "").record
    rows = [GOOD[0], [*GOOD[1][:-1], MARKER], [*GOOD[2][:-1], MARKER.lower()]]
    bad = write(tmp_path / "bad.csv", HEADER, rows)
    with pytest.raises(ProblemsFound) as raised:
        ingest(workspace, bad, mapping("people", keep={"extra": "extra"}), "")
    problems = raised.value.problems
    assert [p.code for p in problems] == ["firewall.E002"]
    assert problems[0].params == {"column": "extra", "role": "keep.extra", "rows": 2}
    assert (problems[0].location.row, problems[0].location.file) == (3, "bad.csv")
    assert MARKER.lower() not in rendered(problems).lower()
    assert workspace.dataset("people") == before
    assert workspace.validation_rows("people") == []
    assert traces(workspace) == []


def test_a_citizenship_of_duldung_is_refused(tmp_path: Path, workspace: Workspace) -> None:
    rows = [GOOD[0], [*GOOD[1][:4], MARKER, "b"]]
    path = write(tmp_path / "p.csv", HEADER, rows)
    with pytest.raises(ProblemsFound) as raised:
        ingest(workspace, path, mapping("people"), "")
    assert [(p.code, p.params["role"]) for p in raised.value.problems] == [
        ("firewall.E002", "citizenship")
    ]
    assert MARKER.lower() not in rendered(raised.value.problems).lower()
    assert workspace.dataset("people") is None
    assert traces(workspace) == []


def test_a_rejected_status_value_is_recorded_by_row_and_code_only(
    tmp_path: Path, workspace: Workspace
) -> None:
    """An age of "Duldung" is a bad age: the row is rejected and recorded with the code
    firewall.E003 and no value, in the validation table, the summary and every message."""
    rows = [GOOD[0], [*GOOD[1][:3], MARKER, *GOOD[1][4:]], [*GOOD[2][:3], "abc", *GOOD[2][4:]]]
    path = write(tmp_path / "p.csv", HEADER, rows)
    result = ingest(workspace, path, mapping("people"), "")
    assert (result.record.rows_kept, result.record.rows_rejected) == (1, 2)
    assert workspace.validation_rows("people") == [
        (3, "age", "firewall.E003", None),
        (4, "age", "ingest.E012", "abc"),
    ]
    assert {(p.code, p.location.row) for p, _rows in result.rejected} == {
        ("firewall.E003", 3),
        ("ingest.E012", 4),
    }
    assert MARKER.lower() not in rendered([p for p, _ in result.rejected]).lower()
    assert traces(workspace) == []


def test_international_protection_is_a_reason_refugee_is_not(
    tmp_path: Path, workspace: Workspace
) -> None:
    header = [*HEADER[:-1], "motif"]
    reasons = ["international protection", "asile", "travail"]
    rows = [[*row[:-1], reason] for row, reason in zip(GOOD, reasons, strict=True)]
    dimensions = {**BASE["dimensions"], "reason_for_migration": {"column": "motif"}}  # type: ignore[dict-item]
    result = ingest(
        workspace, write(tmp_path / "p.csv", header, rows), mapping("r", dimensions=dimensions), ""
    )
    stored = workspace.con.execute(
        f"SELECT reason_for_migration FROM {data_table('r')} ORDER BY _row"
    ).fetchall()
    assert [r[0] for r in stored] == [
        "international-protection",
        "international-protection",
        "work",
    ]
    assert result.warnings == []
    rows[2][-1] = "refugee"
    with pytest.raises(ProblemsFound) as raised:
        ingest(
            workspace,
            write(tmp_path / "q.csv", header, rows),
            mapping("r", dimensions=dimensions),
            "",
        )
    assert [p.code for p in raised.value.problems] == ["firewall.E002"]
