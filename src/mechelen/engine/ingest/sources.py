"""Recognise a source file: its format, text encoding, delimiter and header.

CSV exports of Belgian and French offices come in UTF-8, UTF-8 with a byte-order mark,
Windows-1252 or Latin-1, separated by semicolons as often as by commas, sometimes gzipped.
Anything that is not UTF-8 is transcoded to a temporary UTF-8 copy that DuckDB reads.
"""

from __future__ import annotations

import csv
import gzip
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from mechelen.core.microdata.mapping import SourceOptions
from mechelen.core.problems import Location, Problem, ProblemsFound

_SNIFF_BYTES = 1 << 16
_CHUNK = 1 << 20


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


def inspect_source(path: Path, options: SourceOptions) -> SourceInfo:
    """Format, encoding, delimiter and header of a file; ProblemsFound if it is unusable."""
    if not path.is_file():
        raise _fail("ingest.E001", path, path=str(path))
    if path.stat().st_size == 0:
        raise _fail("ingest.E002", path)
    kind = _format(path, options)
    if kind == "xlsx":
        return _inspect_xlsx(path, options)
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


def _inspect_xlsx(path: Path, options: SourceOptions) -> SourceInfo:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        raise _fail("ingest.E006", path, format="xlsx") from None
    try:
        name = options.sheet or book.sheetnames[0]
        if name not in book.sheetnames:
            raise _fail("ingest.E008", path, sheet=name, sheets=", ".join(book.sheetnames))
        header = next(book[name].iter_rows(max_row=1, values_only=True), ())
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


def write_utf8_copy(info: SourceInfo, target: Path) -> Path:
    """The CSV re-encoded as UTF-8 (no BOM), for DuckDB; streamed, any size."""
    with _open_bytes(info.path) as raw, target.open("w", encoding="utf-8", newline="") as out:
        reader = io.TextIOWrapper(raw, encoding=info.encoding, newline="")
        while chunk := reader.read(_CHUNK):
            out.write(chunk)
    return target


def write_xlsx_as_csv(info: SourceInfo, sheet: str | None, target: Path) -> Path:
    """The first (or named) sheet as a UTF-8 CSV of text cells, streamed row by row."""
    from openpyxl import load_workbook

    book = load_workbook(info.path, read_only=True, data_only=True)
    try:
        rows = book[sheet or book.sheetnames[0]].iter_rows(values_only=True)
        with target.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            for row in rows:
                writer.writerow(["" if v is None else _cell_text(v) for v in row])
    finally:
        book.close()
    return target


def _cell_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
