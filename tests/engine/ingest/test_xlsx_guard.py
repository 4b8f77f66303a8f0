"""An XLSX bomb is refused like a gzip bomb: in seconds, with a code, leaving nothing behind
(issue 10, point E).

On 70a54e0 a 1.4 MB workbook holding 550 MB of sheet XML ran for over 5 minutes at 1.2 GB
resident before it was killed: the first test below did not finish there.
"""

from __future__ import annotations

import contextlib
import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from mechelen.core.microdata.mapping import read_mapping
from mechelen.core.problems import ProblemsFound
from mechelen.engine.ingest.pipeline import ingest
from mechelen.engine.ingest.sources import SourceLimits, inspect_source
from mechelen.engine.ingest.workspace import Workspace
from tests.engine.ingest.conftest import HEADER, PERSONS_MAPPING, ROWS
from tests.engine.ingest.test_nothing_left import files_holding

MB = 1 << 20
SHEET = "xl/worksheets/sheet1.xml"
MARKER = "ZQXJ7-bomb"


def _mapping():  # type: ignore[no-untyped-def]
    mapping, problems = read_mapping(PERSONS_MAPPING)
    assert mapping is not None, problems
    return mapping


def _workbook(path: Path, rows: list[list[str]]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def xlsx_bomb(path: Path, unpacked_mb: int) -> Path:
    """A real workbook whose sheet is replaced by ``unpacked_mb`` MB of rows of the same
    person (highly compressible: under 1 % of that on disk), written a block at a time."""
    small = _workbook(path.with_suffix(".small.xlsx"), [])
    cells = "".join(f'<c t="inlineStr"><is><t>{v}</t></is></c>' for v in [*ROWS[0][:-1], MARKER])
    row = f"<row>{cells}</row>".encode()
    block = row * (MB // len(row))
    with zipfile.ZipFile(small) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for member in source.infolist():
            if member.filename != SHEET:
                out.writestr(member, source.read(member))
        with out.open(SHEET, "w", force_zip64=True) as sheet:
            sheet.write(
                b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
                b'openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            )
            for _ in range(unpacked_mb):
                sheet.write(block)
            sheet.write(b"</sheetData></worksheet>")
    small.unlink()
    return path


def test_an_xlsx_bomb_is_refused_in_seconds_and_leaves_nothing(tmp_path: Path) -> None:
    bomb = xlsx_bomb(tmp_path / "people.xlsx", 300)
    assert bomb.stat().st_size < 3 * MB
    folder = tmp_path / "ws"
    started = time.perf_counter()
    with Workspace(folder) as space:
        with pytest.raises(ProblemsFound) as raised:
            ingest(space, bomb, _mapping(), "", limits=SourceLimits())
        assert space.datasets() == []
    seconds = time.perf_counter() - started
    assert [(p.code, p.params["limit"]) for p in raised.value.problems] == [("ingest.E021", 256)]
    assert seconds < 10, seconds
    assert files_holding(folder, MARKER) == []
    assert sorted(p.name for p in folder.iterdir()) == ["workspace.duckdb"]


def test_the_declared_sizes_are_checked_before_any_byte_is_unpacked(tmp_path: Path) -> None:
    bomb = xlsx_bomb(tmp_path / "people.xlsx", 20)
    limits = SourceLimits(xlsx_unpacked_bytes=10 * MB)
    with pytest.raises(ProblemsFound) as raised:
        inspect_source(bomb, _mapping().source, limits)
    assert [p.code for p in raised.value.problems] == ["ingest.E021"]


def test_a_sheet_past_the_row_limit_is_refused_while_it_is_read(tmp_path: Path) -> None:
    rows = [[f"p{i}", *ROWS[0][1:]] for i in range(150)]
    path = _workbook(tmp_path / "people.xlsx", rows)
    folder = tmp_path / "ws"
    with Workspace(folder) as space:
        with pytest.raises(ProblemsFound) as raised:
            ingest(space, path, _mapping(), "", limits=SourceLimits(xlsx_rows=100))
        assert [(p.code, p.params["limit"]) for p in raised.value.problems] == [
            ("ingest.E022", 100)
        ]
        assert space.datasets() == []
        temporary = "SELECT count(*) FROM duckdb_tables() WHERE temporary"
        assert space.con.execute(temporary).fetchone() == (0,)
        assert ingest(space, path, _mapping(), "", limits=SourceLimits(xlsx_rows=150))
    assert files_holding(folder, "p149") == []  # the ids are kept as keyed hashes only


def test_a_refused_or_inspected_workbook_leaves_no_file_open(tmp_path: Path) -> None:
    """The sheet's reader holds the file: a read refused half-way, or the header read alone,
    must close it at once, not when the garbage collector finds it (a ResourceWarning then
    fails whichever test happens to run), even while the refusal's traceback is kept."""
    rows = [[f"p{i}", *ROWS[0][1:]] for i in range(150)]
    path = _workbook(tmp_path / "people.xlsx", rows)
    inspect_source(path, _mapping().source, SourceLimits())
    assert str(path) not in _open_files()
    with Workspace(tmp_path / "ws") as space, pytest.raises(ProblemsFound) as refused:
        ingest(space, path, _mapping(), "", limits=SourceLimits(xlsx_rows=100))
    assert refused.value.problems and str(path) not in _open_files()


def _open_files() -> set[str]:
    """What this process holds open (Linux)."""
    found = set()
    for fd in list(Path("/proc/self/fd").iterdir()):
        with contextlib.suppress(OSError):  # the listing's own descriptor is gone by now
            found.add(str(fd.readlink()))
    return found


def test_the_limits_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MECHELEN_XLSX_MAX_UNPACKED_MB", "3")
    monkeypatch.setenv("MECHELEN_XLSX_MAX_ROWS", "7")
    assert SourceLimits.from_env() == SourceLimits(3 * MB, 7)


def test_a_damaged_workbook_gets_a_code(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "people.xlsx", ROWS)
    data = bytearray(path.read_bytes())
    start = data.index(b"PK\x03\x04", 100)  # the second member's compressed bytes
    data[start + 60 : start + 400] = b"\xff" * 340
    path.write_bytes(bytes(data))
    with pytest.raises(ProblemsFound) as raised:
        inspect_source(path, _mapping().source, SourceLimits())
    assert [p.code for p in raised.value.problems] == ["ingest.E006"]
