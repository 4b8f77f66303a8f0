"""Nothing of the source outlives an ingest but the standardised tables (issue 10, point B).

A marker is planted in a column the mapping does not read (a residence-permit column, the
case of the issue). After an ingest that succeeds, fails midway, is interrupted or is refused,
every byte of every file of the workspace (the DuckDB file, its WAL, any temporary file) is
searched for it.

Fails on 70a54e0: after the cp1252 CSV and XLSX ingests ``<workspace>/tmp/source.csv`` stays
with every column, the marker included.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook

from mechelen.core.microdata.mapping import read_mapping
from mechelen.core.problems import ProblemsFound
from mechelen.engine.ingest import pipeline
from mechelen.engine.ingest.pipeline import ingest
from mechelen.engine.ingest.workspace import Workspace
from tests.engine.ingest.conftest import HEADER, PERSONS_MAPPING, ROWS

MARKER = "ZQXJ7-verblijfsvergunning-marker"
PERMIT = "verblijfsvergunning"


def _rows(bad: bool) -> list[list[str]]:
    rows = [[*r, f"{MARKER}-{i}"] for i, r in enumerate(ROWS)]
    if bad:  # every age is wrong: the ingest keeps nothing
        rows = [[*r[:5], "-1", *r[6:]] for r in rows]
    return rows


def _csv(folder: Path, bad: bool, encoding: str, gzipped: bool = False) -> Path:
    lines = [";".join([*HEADER, PERMIT])] + [";".join(r) for r in _rows(bad)]
    data = ("\n".join(lines) + "\nliège;x;x;x;x;x;x;x;x\n").encode(encoding)
    if gzipped:
        path = folder / "people.csv.gz"
        path.write_bytes(gzip.compress(data))
    else:
        path = folder / "people.csv"
        path.write_bytes(data)
    return path


def _xlsx(folder: Path, bad: bool) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append([*HEADER, PERMIT])
    for row in _rows(bad):
        sheet.append(row)
    path = folder / "people.xlsx"
    book.save(path)
    return path


def _parquet(folder: Path, bad: bool) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = _rows(bad)
    columns = [*HEADER, PERMIT]
    table = pa.table({c: [r[i] for r in rows] for i, c in enumerate(columns)})
    path = folder / "people.parquet"
    pq.write_table(table, path)
    return path


SOURCES: dict[str, Callable[[Path, bool], Path]] = {
    "csv-utf8": lambda folder, bad: _csv(folder, bad, "utf-8"),
    "csv-cp1252": lambda folder, bad: _csv(folder, bad, "cp1252"),
    "csv-cp1252-gz": lambda folder, bad: _csv(folder, bad, "cp1252", gzipped=True),
    "xlsx": _xlsx,
    "parquet": _parquet,
}


def _mapping():  # type: ignore[no-untyped-def]
    mapping, problems = read_mapping(PERSONS_MAPPING)
    assert mapping is not None, problems
    return mapping


def files_holding(folder: Path, marker: str) -> list[str]:
    """Every file under ``folder`` with the marker in any of its bytes."""
    needle = marker.encode("ascii")
    found = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if needle in path.read_bytes():
            found.append(str(path.relative_to(folder)))
    return found


def _assert_clean(folder: Path) -> None:
    assert files_holding(folder, MARKER) == []
    assert not (folder / "tmp").exists() or not any((folder / "tmp").iterdir())


def _crash(*args: object) -> None:
    raise RuntimeError("disk full")


def _interrupt(*args: object) -> None:
    raise KeyboardInterrupt


@pytest.mark.parametrize("kind", sorted(SOURCES))
def test_a_successful_ingest_leaves_no_copy(tmp_path: Path, kind: str) -> None:
    source = SOURCES[kind](tmp_path, False)
    folder = tmp_path / "ws"
    with Workspace(folder) as space:
        result = ingest(space, source, _mapping(), "")
        assert result.record.rows_kept == 5
        _assert_clean(folder)
        temp = space.con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE temporary"
        ).fetchall()
        assert temp == []  # no raw source rows kept in the connection either
    _assert_clean(folder)


@pytest.mark.parametrize("kind", sorted(SOURCES))
@pytest.mark.parametrize("stop", [_crash, _interrupt], ids=["crash", "interrupt"])
def test_an_ingest_stopped_midway_leaves_no_copy(
    tmp_path: Path, kind: str, stop: Callable[..., None], monkeypatch: pytest.MonkeyPatch
) -> None:
    source = SOURCES[kind](tmp_path, False)
    folder = tmp_path / "ws"
    monkeypatch.setattr(pipeline, "_labels_sql", stop)
    with Workspace(folder) as space:
        with pytest.raises((RuntimeError, KeyboardInterrupt)):
            ingest(space, source, _mapping(), "")
        assert space.dataset("persons") is None
        staged = space.con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'staged%'"
        ).fetchall()
        assert staged == []
        _assert_clean(folder)
    _assert_clean(folder)


@pytest.mark.parametrize("kind", sorted(SOURCES))
def test_a_refused_ingest_leaves_no_copy(tmp_path: Path, kind: str) -> None:
    source = SOURCES[kind](tmp_path, True)
    folder = tmp_path / "ws"
    with Workspace(folder) as space:
        with pytest.raises(ProblemsFound):
            ingest(space, source, _mapping(), "")
        assert space.dataset("persons") is None
        _assert_clean(folder)
    _assert_clean(folder)


def test_the_copy_older_versions_left_is_deleted(tmp_path: Path) -> None:
    """A workspace of a version before issue 10 may hold ``tmp/source.csv``: opening it
    deletes the copy."""
    legacy = tmp_path / "ws" / "tmp" / "source.csv"
    legacy.parent.mkdir(parents=True)
    legacy.write_text(f"id;{PERMIT}\np1;{MARKER}\n", encoding="utf-8")
    Workspace(tmp_path / "ws").close()
    assert files_holding(tmp_path / "ws", MARKER) == []
    assert not legacy.parent.exists()


def test_a_file_refused_while_it_is_streamed_leaves_nothing(tmp_path: Path) -> None:
    """A Windows-1252 CSV whose 5,000th row has a field too many: refused (ingest.E009)
    halfway through the stream, with the row's line but none of its values."""
    lines = [";".join([*HEADER, PERMIT])]
    lines += [";".join([f"p{i}", *ROWS[0][1:], f"{MARKER}-{i}"]) for i in range(10_000)]
    lines[5_000] += ";extra"
    path = tmp_path / "people.csv"
    path.write_bytes(("\n".join(lines) + "\nliège\n").encode("cp1252"))
    folder = tmp_path / "ws"
    with Workspace(folder) as space:
        with pytest.raises(ProblemsFound) as raised:
            ingest(space, path, _mapping(), "")
        [problem] = raised.value.problems
        assert problem.code == "ingest.E009" and "5001" in str(problem.params["detail"])
        assert MARKER not in str(problem.params)
        temporary = "SELECT count(*) FROM duckdb_tables() WHERE temporary"
        assert space.con.execute(temporary).fetchone() == (0,)
    _assert_clean(folder)
