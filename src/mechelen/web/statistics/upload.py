"""Check an uploaded data file by its content, not its name: size, then kind.

A file is accepted as CSV (text), gzip-compressed CSV (gzip magic, text inside), XLSX (a zip
archive with the OOXML workbook parts) or Parquet (``PAR1`` at both ends), and its name must
agree with its content: a renamed file is refused. Each refusal has a stable code; the
message is translated on display.
"""

from __future__ import annotations

import gzip
import zipfile
from dataclasses import dataclass, field
from typing import IO

from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

#: kind -> the file name endings that may carry it
EXTENSIONS: dict[str, tuple[str, ...]] = {
    "csv": (".csv", ".txt", ".tsv"),
    "csv.gz": (".csv.gz", ".txt.gz", ".tsv.gz", ".gz"),
    "xlsx": (".xlsx", ".xlsm"),
    "parquet": (".parquet", ".pq"),
}
#: what the workspace file is called for each kind (the engine reads the kind from the name)
STORED_SUFFIX = {"csv": ".csv", "csv.gz": ".csv.gz", "xlsx": ".xlsx", "parquet": ".parquet"}

MESSAGES = {
    "upload.E001": _("The file is {size} MB; the largest file accepted is {limit} MB."),
    "upload.E002": _("The file is empty."),
    "upload.E003": _(
        "The file is binary, not a data file: give a CSV (may be .gz), XLSX or Parquet file."
    ),
    "upload.E004": _(
        "The file's name says {named} but its content is {found}: was it renamed? "
        "Give the file with its own extension."
    ),
    "upload.E005": _("The file name {name} is not one of: .csv, .csv.gz, .xlsx, .parquet."),
    "upload.E006": _("The zip archive is not an Excel workbook (XLSX)."),
    "upload.E007": _("The compressed file does not hold text (CSV)."),
}

_SNIFF = 1 << 16
_GZIP = b"\x1f\x8b"
_ZIP = b"PK\x03\x04"
_PARQUET = b"PAR1"


@dataclass(frozen=True)
class UploadRefused(Exception):
    code: str
    params: dict[str, object] = field(default_factory=dict)

    def message(self) -> str:
        """The message in the active language, numbers written its way."""
        params = {
            k: number_format(v, 1) if isinstance(v, float) else v for k, v in self.params.items()
        }
        return str(MESSAGES[self.code]).format(**params)


def _named_kind(name: str) -> str | None:
    lowered = name.lower()
    # the longest ending first, so that "x.csv.gz" is csv.gz, not a bare .gz
    endings = sorted(
        ((ending, kind) for kind, items in EXTENSIONS.items() for ending in items),
        key=lambda item: -len(item[0]),
    )
    return next((kind for ending, kind in endings if lowered.endswith(ending)), None)


def _is_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 13))
    return control <= len(head) // 1000


def _zip_kind(handle: IO[bytes]) -> str:
    try:
        with zipfile.ZipFile(handle) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile:
        raise UploadRefused("upload.E006") from None
    if "[Content_Types].xml" in names and "xl/workbook.xml" in names:
        return "xlsx"
    raise UploadRefused("upload.E006")


def _gzip_kind(handle: IO[bytes]) -> str:
    try:
        with gzip.GzipFile(fileobj=handle) as inner:
            head = inner.read(_SNIFF)
    except (OSError, EOFError):
        raise UploadRefused("upload.E007") from None
    if not head.strip() or not _is_text(head):
        raise UploadRefused("upload.E007")
    return "csv.gz"


def content_kind(handle: IO[bytes]) -> str:
    """csv, csv.gz, xlsx or parquet, from the bytes; UploadRefused when none of them."""
    handle.seek(0)
    head = handle.read(_SNIFF)
    handle.seek(0)
    if not head:
        raise UploadRefused("upload.E002")
    if head.startswith(_GZIP):
        return _gzip_kind(handle)
    if head.startswith(_ZIP):
        return _zip_kind(handle)
    if head.startswith(_PARQUET):
        handle.seek(-4, 2)
        tail = handle.read(4)
        handle.seek(0)
        if tail == _PARQUET:
            return "parquet"
        raise UploadRefused("upload.E003")
    if _is_text(head):
        return "csv"
    raise UploadRefused("upload.E003")


def check_upload(name: str, size: int, handle: IO[bytes], limit_mb: int) -> str:
    """The kind of an uploaded file; raises UploadRefused (too large, wrong, renamed)."""
    if size > limit_mb * 1024 * 1024:
        raise UploadRefused("upload.E001", {"size": size / 1024 / 1024, "limit": limit_mb})
    if size == 0:
        raise UploadRefused("upload.E002")
    named = _named_kind(name)
    if named is None:
        raise UploadRefused("upload.E005", {"name": name})
    found = content_kind(handle)
    if found != named:
        raise UploadRefused("upload.E004", {"named": named, "found": found})
    return found
