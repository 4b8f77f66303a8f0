"""Recognise a source file: its format, text encoding, delimiter and header.

CSV exports of Belgian and French offices come in UTF-8, UTF-8 with a byte-order mark,
Windows-1252 or Latin-1, separated by semicolons as often as by commas, sometimes gzipped.
DuckDB reads UTF-8 CSV and Parquet files itself; anything else (another encoding, XLSX) is
decoded here while streaming, row by row, and never written to disk.

An XLSX file is a zip archive: before it is opened its members are decompressed, a chunk at a
time, and it is refused (E021) as soon as they hold more than the limit; its rows are counted
while they are read and refused (E022) past the row limit. Both limits come from
``MECHELEN_XLSX_MAX_UNPACKED_MB`` and ``MECHELEN_XLSX_MAX_ROWS``.
"""

from __future__ import annotations

import csv
import gzip
import io
import os
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from mechelen.core.microdata.mapping import SourceOptions
from mechelen.core.problems import Location, Problem, ProblemsFound

_SNIFF_BYTES = 1 << 16
_CHUNK = 1 << 20
MEGABYTE = 1 << 20
#: the most an XLSX file's members may hold decompressed, in MB (MECHELEN_XLSX_MAX_UNPACKED_MB)
XLSX_MAX_UNPACKED_MB = 256
#: the most data rows a sheet may hold (MECHELEN_XLSX_MAX_ROWS); Excel's own limit
XLSX_MAX_ROWS = 1_048_575


@dataclass(frozen=True)
class SourceLimits:
    """How much an XLSX source may hold: decompressed bytes of its members, rows of its sheet."""

    xlsx_unpacked_bytes: int = XLSX_MAX_UNPACKED_MB * MEGABYTE
    xlsx_rows: int = XLSX_MAX_ROWS

    @classmethod
    def from_env(cls) -> SourceLimits:
        megabytes = int(os.environ.get("MECHELEN_XLSX_MAX_UNPACKED_MB", XLSX_MAX_UNPACKED_MB))
        rows = int(os.environ.get("MECHELEN_XLSX_MAX_ROWS", XLSX_MAX_ROWS))
        return cls(megabytes * MEGABYTE, rows)


@dataclass(frozen=True)
class SourceInfo:
    path: Path
    format: str  # csv | xlsx | parquet
    encoding: str = "utf-8"
    delimiter: str = ","
    columns: tuple[str, ...] = ()


def _fail(code: str, source: Path, **params: object) -> ProblemsFound:
    return ProblemsFound([Problem(code, params, Location(file=source.name))])


def _format(path: Path, options: SourceOptions) -> str:
    if options.format != "auto":
        return options.format
    name = path.name.lower().removesuffix(".gz")
    if name.endswith((".xlsx", ".xlsm")):
        return "xlsx"
    if name.endswith((".parquet", ".pq")):
        return "parquet"
    return "csv"


def _open_bytes(path: Path) -> BinaryIO:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def _chunks(path: Path) -> Iterator[bytes]:
    with _open_bytes(path) as handle:
        while chunk := handle.read(_CHUNK):
            yield chunk


def detect_encoding(path: Path) -> str:
    """utf-8-sig, utf-8, cp1252 or latin-1, by decoding the whole file (streamed)."""
    decoder = __import__("codecs").getincrementaldecoder("utf-8")()
    first = True
    try:
        for chunk in _chunks(path):
            if first and chunk.startswith(b"\xef\xbb\xbf"):
                return "utf-8-sig"
            first = False
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        for chunk in _chunks(path):
            chunk.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        return "latin-1"


def detect_delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in (";", ",", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def inspect_source(
    path: Path, options: SourceOptions, limits: SourceLimits | None = None
) -> SourceInfo:
    """Format, encoding, delimiter and header of a file; ProblemsFound if it is unusable."""
    if not path.is_file():
        raise _fail("ingest.E001", path, path=str(path))
    if path.stat().st_size == 0:
        raise _fail("ingest.E002", path)
    kind = _format(path, options)
    if kind == "xlsx":
        return _inspect_xlsx(path, options, limits or SourceLimits.from_env())
    if kind == "parquet":
        return _inspect_parquet(path)
    return _inspect_csv(path, options)


def _inspect_csv(path: Path, options: SourceOptions) -> SourceInfo:
    try:
        with _open_bytes(path) as handle:
            head = handle.read(_SNIFF_BYTES)
    except (OSError, EOFError, gzip.BadGzipFile):
        raise _fail("ingest.E006", path, format="gzip") from None
    if not head.strip():
        raise _fail("ingest.E002", path)
    if b"\x00" in head or head.startswith((b"PK\x03\x04", b"%PDF", b"\x89PNG")):
        raise _fail("ingest.E003", path)
    encoding = detect_encoding(path) if options.encoding == "auto" else options.encoding
    text = head.decode(encoding, errors="replace").lstrip("\ufeff")
    header_line = text.splitlines()[0] if text.splitlines() else ""
    delimiter = detect_delimiter(header_line) if options.delimiter == "auto" else options.delimiter
    row = next(csv.reader([header_line], delimiter=delimiter), [])
    columns = tuple(c.strip() for c in row)
    if not any(columns):
        raise _fail("ingest.E007", path)
    return SourceInfo(path, "csv", encoding, delimiter, columns)


def check_xlsx_size(path: Path, limits: SourceLimits) -> None:
    """Refuse (E021) an archive whose members hold more than the limit, declared or actual.

    The members are decompressed a chunk at a time and nothing is kept: a "zip bomb" is
    refused as soon as the limit is passed, within seconds.
    """
    limit = limits.xlsx_unpacked_bytes
    refused = _fail("ingest.E021", path, limit=limit // MEGABYTE)
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if sum(m.file_size for m in members) > limit:
                raise refused
            unpacked = 0
            for member in members:
                with archive.open(member) as handle:
                    while chunk := handle.read(_CHUNK):
                        unpacked += len(chunk)
                        if unpacked > limit:
                            raise refused
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error, NotImplementedError):
        # NotImplementedError: a compression method zipfile does not know
        raise _fail("ingest.E006", path, format="xlsx") from None


def _inspect_xlsx(path: Path, options: SourceOptions, limits: SourceLimits) -> SourceInfo:
    from openpyxl import load_workbook

    check_xlsx_size(path, limits)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        raise _fail("ingest.E006", path, format="xlsx") from None
    try:
        name = options.sheet or book.sheetnames[0]
        if name not in book.sheetnames:
            raise _fail("ingest.E008", path, sheet=name, sheets=", ".join(book.sheetnames))
        first = book[name].iter_rows(max_row=1, values_only=True)
        header = next(first, ())
        first.close()  # the reader holds the file open until it ends (see xlsx_rows)
    finally:
        book.close()
    columns = tuple("" if c is None else str(c).strip() for c in header)
    if not any(columns):
        raise _fail("ingest.E007", path)
    return SourceInfo(path, "xlsx", columns=columns)


def _inspect_parquet(path: Path) -> SourceInfo:
    import pyarrow.parquet as pq

    try:
        schema = pq.read_schema(path)
    except Exception:  # pyarrow raises several unrelated types for a broken file
        raise _fail("ingest.E006", path, format="parquet") from None
    return SourceInfo(path, "parquet", columns=tuple(schema.names))


def text_rows(info: SourceInfo) -> Iterator[tuple[int, list[str]]]:
    """(row number, fields) of every data row of a CSV in any encoding, decoded while streaming.

    Numbered and padded as DuckDB's reader does: the header is row 1, blank lines are skipped,
    a short row is padded with empty fields; a row with too many fields is refused (E009).
    """
    width = len(info.columns)
    with _open_bytes(info.path) as raw:
        text = io.TextIOWrapper(raw, encoding=info.encoding, newline="")
        reader = csv.reader(text, delimiter=info.delimiter, quotechar='"', strict=True)
        number = 1
        try:
            next(reader, None)
            for row in reader:
                if not row:
                    continue
                number += 1
                if len(row) > width:
                    detail = f"CSV Error on Line: {reader.line_num} ({len(row)} fields, {width} expected)"
                    raise _fail("ingest.E009", info.path, detail=detail)
                yield number, row + [""] * (width - len(row))
        except csv.Error:
            raise _fail(
                "ingest.E009", info.path, detail=f"CSV Error on Line: {reader.line_num}"
            ) from None


def xlsx_rows(
    info: SourceInfo, sheet: str | None, limits: SourceLimits
) -> Iterator[tuple[int, list[str | None]]]:
    """(sheet row number, cell texts) of every non-empty data row, streamed; refused past
    ``limits.xlsx_rows`` rows (E022)."""
    from openpyxl import load_workbook

    check_xlsx_size(info.path, limits)
    book = load_workbook(info.path, read_only=True, data_only=True)
    rows = None
    try:
        rows = book[sheet or book.sheetnames[0]].iter_rows(min_row=2, values_only=True)
        for number, row in enumerate(rows, start=2):
            if number - 1 > limits.xlsx_rows:
                raise _fail("ingest.E022", info.path, limit=limits.xlsx_rows)
            cells = [None if v is None else _cell_text(v) for v in row]
            if any(c not in (None, "") for c in cells):
                yield number, cells
    finally:
        # the sheet's reader holds the file open until it ends: end it before the book,
        # or a refused or abandoned read leaves the file open until garbage collection
        if rows is not None:
            rows.close()
        book.close()


def _cell_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
