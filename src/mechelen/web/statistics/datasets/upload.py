"""Check an uploaded data file by its content, not its name: size, then kind.

A file is accepted as CSV (text), gzip-compressed CSV (gzip magic, text inside), XLSX (a zip
archive with the OOXML workbook parts) or Parquet (``PAR1`` at both ends), and its name must
agree with its content: a renamed file is refused. The checking is the shared one of
:mod:`mechelen.web.uploads`; each refusal has a stable code here, and the message is
translated on display.
"""

from __future__ import annotations

from typing import IO

from django.utils.translation import gettext_lazy as _

from mechelen.web import uploads

#: the kinds of data file accepted
ALLOWED = ("csv", "csv.gz", "xlsx", "parquet")
#: kind -> the file name endings that may carry it
EXTENSIONS: dict[str, tuple[str, ...]] = {kind: uploads.KINDS[kind].endings for kind in ALLOWED}
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
    "upload.E008": _(
        "Decompressed, the file holds more than {limit} MB, the most accepted: give a smaller file."
    ),
    "upload.E009": _("The compressed file is damaged: it ends too early or fails its checksum."),
}

#: reason of the shared check -> code
CODES = {
    "too_large": "upload.E001",
    "empty": "upload.E002",
    "not_recognised": "upload.E003",
    "renamed": "upload.E004",
    "unknown_name": "upload.E005",
    "unknown_zip": "upload.E006",
    "not_text": "upload.E007",
    "too_large_unpacked": "upload.E008",
    "damaged": "upload.E009",
}


def content_kind(handle: IO[bytes]) -> str:
    """csv, csv.gz, xlsx or parquet, from the bytes; FileRefused when none of them."""
    try:
        return uploads.content_kind(handle, ALLOWED)
    except uploads.FileRefused as refused:
        raise refused.coded(CODES, MESSAGES) from None


def check_upload(name: str, size: int, handle: IO[bytes], limit_mb: int) -> str:
    """The kind of an uploaded file; raises FileRefused (too large, wrong, renamed)."""
    try:
        return uploads.check_file(name, size, handle, ALLOWED, limit_mb)
    except uploads.FileRefused as refused:
        raise refused.coded(CODES, MESSAGES) from None
