"""Check an uploaded file by its content, not its name: the kinds known, and one check.

Each app allows a few kinds of the registry below and keeps its own refusal codes and
translated messages: :func:`check_file` raises :class:`FileRefused`, a core :class:`Problem`
whose code is a stable reason id (one of :data:`REASONS`) with its parameters, and the app
gives it its own code and messages (:meth:`FileRefused.coded`) to show it.

A kind is recognised from the first bytes of the file or, for the zip-based office formats,
from the members of the archive; a kind may add its own check once it is recognised (a
gzip file must hold text, a Parquet file ends as it starts). The name's ending must agree
with the content: a renamed file is refused.

A gzip file is decompressed to its end, a chunk at a time, and refused as soon as it holds
more than ``settings.MAX_UNPACKED_MB`` (a "gzip bomb" is never read into memory or stored).
"""

from __future__ import annotations

import gzip
import zipfile
import zlib
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import IO

from django.conf import settings
from django.utils.formats import number_format

from mechelen.core.problems import Problem

#: the reasons a file is refused, with the parameters each carries
REASONS = {
    "too_large": ("size", "limit"),  # size in MB (float), limit in MB
    "empty": (),
    "unknown_name": ("name",),  # the name ends in none of the allowed kinds' endings
    "not_recognised": (),  # the content is none of the allowed kinds
    "unknown_zip": (),  # a zip archive, but none of the allowed zip-based kinds
    "not_text": (),  # a gzip file that does not hold text
    "too_large_unpacked": ("limit",),  # a compressed file holds more than limit MB
    "damaged": (),  # a compressed file that ends too early or fails its checksum
    "renamed": ("named", "found"),  # the kind the name says, the kind the content is
}

#: how much of the file the sniffing reads
SNIFF_BYTES = 1 << 16
#: how much of a compressed file is decompressed at a time while it is measured
UNPACK_CHUNK = 1 << 20
MEGABYTE = 1024 * 1024
ZIP_MAGIC = b"PK\x03\x04"
GZIP_MAGIC = b"\x1f\x8b"
PARQUET_MAGIC = b"PAR1"
#: the parts every Excel workbook (OOXML spreadsheet) holds
XLSX_PARTS = ("[Content_Types].xml", "xl/workbook.xml")
DOCX_PARTS = ("[Content_Types].xml", "word/document.xml")
ODT_MEDIA_TYPE = "application/vnd.oasis.opendocument.text"


class FileRefused(Exception):
    """A refused file, as a core :class:`Problem`: from the shared check, its code is a reason
    of REASONS; once an app has given it its own code (:meth:`coded`), its messages word it."""

    def __init__(self, problem: Problem, messages: Mapping[str, object] | None = None) -> None:
        super().__init__(problem.code)
        self.problem = problem
        self.messages: Mapping[str, object] = messages or {}

    @property
    def code(self) -> str:
        return self.problem.code

    def coded(self, codes: Mapping[str, str], messages: Mapping[str, object]) -> FileRefused:
        """The same refusal under the app's code for its reason, worded by the app's messages."""
        return FileRefused(Problem(codes[self.code], self.problem.params), messages)

    def message(self) -> str:
        """The message in the active language, numbers written its way."""
        return render(self.messages[self.code], self.problem.params)


def refusal(reason: str, **params: object) -> FileRefused:
    """The refusal of the shared check for ``reason`` (one of REASONS) with its parameters."""
    return FileRefused(Problem(reason, params))


def render(template: object, params: Mapping[str, object]) -> str:
    """A (lazily translated) message with its parameters, numbers written the active way."""
    shown = {k: number_format(v, 1) if isinstance(v, float) else v for k, v in params.items()}
    return str(template).format(**shown)


@dataclass(frozen=True)
class FileKind:
    """A kind of file: how it is named, served and recognised.

    ``sniff`` looks at the first bytes; ``zip_sniff`` (zip-based kinds) at the open archive.
    ``verify(handle, unpacked_limit_mb)`` runs once the kind is recognised and raises
    FileRefused when the file is not sound after all.
    """

    id: str
    endings: tuple[str, ...]
    media_type: str
    sniff: Callable[[bytes], bool] | None = None
    zip_sniff: Callable[[zipfile.ZipFile], bool] | None = None
    verify: Callable[[IO[bytes], int], None] | None = None


def is_text(head: bytes) -> bool:
    """No NUL byte and hardly any control character (tab, line ends allowed)."""
    if b"\x00" in head:
        return False
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 13))
    return control <= len(head) // 1000


def _has_parts(*parts: str) -> Callable[[zipfile.ZipFile], bool]:
    def sniff(archive: zipfile.ZipFile) -> bool:
        names = set(archive.namelist())
        return all(part in names for part in parts)

    return sniff


def _is_odt(archive: zipfile.ZipFile) -> bool:
    return (
        "mimetype" in archive.namelist()
        and archive.read("mimetype").strip() == ODT_MEDIA_TYPE.encode()
    )


def _gzip_holds_text(handle: IO[bytes], unpacked_limit_mb: int) -> None:
    """Text at the start, and no more than the limit to the end (read a chunk at a time)."""
    with gzip.GzipFile(fileobj=handle) as inner:
        try:
            head = inner.read(SNIFF_BYTES)
        except (OSError, EOFError, zlib.error):
            raise refusal("not_text") from None
        if not head.strip() or not is_text(head):
            raise refusal("not_text")
        unpacked = len(head)
        try:
            while chunk := inner.read(UNPACK_CHUNK):
                unpacked += len(chunk)
                if unpacked > unpacked_limit_mb * MEGABYTE:
                    raise refusal("too_large_unpacked", limit=unpacked_limit_mb)
        except (OSError, EOFError, zlib.error):
            raise refusal("damaged") from None


def _parquet_tail(handle: IO[bytes], unpacked_limit_mb: int) -> None:
    handle.seek(-4, 2)
    if handle.read(4) != PARQUET_MAGIC:
        raise refusal("not_recognised")


def _starts(*magic: bytes) -> Callable[[bytes], bool]:
    return lambda head: head.startswith(magic)


#: every kind known, in the order they are tried (text, the catch-all, last)
KINDS: dict[str, FileKind] = {
    kind.id: kind
    for kind in (
        FileKind("pdf", (".pdf",), "application/pdf", _starts(b"%PDF-")),
        FileKind("png", (".png",), "image/png", _starts(b"\x89PNG\r\n\x1a\n")),
        FileKind("jpeg", (".jpg", ".jpeg"), "image/jpeg", _starts(b"\xff\xd8\xff")),
        FileKind("gif", (".gif",), "image/gif", _starts(b"GIF87a", b"GIF89a")),
        FileKind(
            "webp",
            (".webp",),
            "image/webp",
            lambda head: head.startswith(b"RIFF") and head[8:12] == b"WEBP",
        ),
        FileKind("odt", (".odt",), ODT_MEDIA_TYPE, zip_sniff=_is_odt),
        FileKind(
            "docx",
            (".docx",),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            zip_sniff=_has_parts(*DOCX_PARTS),
        ),
        FileKind(
            "xlsx",
            (".xlsx", ".xlsm"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            zip_sniff=_has_parts(*XLSX_PARTS),
        ),
        FileKind(
            "csv.gz",
            (".csv.gz", ".txt.gz", ".tsv.gz", ".gz"),
            "application/gzip",
            _starts(GZIP_MAGIC),
            verify=_gzip_holds_text,
        ),
        FileKind(
            "parquet",
            (".parquet", ".pq"),
            "application/vnd.apache.parquet",
            _starts(PARQUET_MAGIC),
            verify=_parquet_tail,
        ),
        FileKind("csv", (".csv", ".txt", ".tsv"), "text/csv", is_text),
    )
}


def named_kind(name: str, allowed: Collection[str]) -> str | None:
    """The allowed kind the name's ending says (the longest ending first: x.csv.gz is csv.gz)."""
    lowered = name.lower()
    endings = sorted(
        ((ending, kind.id) for kind in _allowed(allowed) for ending in kind.endings),
        key=lambda item: -len(item[0]),
    )
    return next((kind for ending, kind in endings if lowered.endswith(ending)), None)


def content_kind(
    handle: IO[bytes], allowed: Collection[str], unpacked_limit_mb: int | None = None
) -> str:
    """The allowed kind the bytes are; FileRefused (empty, not recognised, ...) otherwise.

    A zip archive is only ever one of the allowed zip-based kinds, whatever its first bytes
    look like; the handle is left at the start. A compressed file may hold at most
    ``unpacked_limit_mb`` (default ``settings.MAX_UNPACKED_MB``).
    """
    if unpacked_limit_mb is None:
        unpacked_limit_mb = settings.MAX_UNPACKED_MB
    kinds = _allowed(allowed)
    try:
        handle.seek(0)
        head = handle.read(SNIFF_BYTES)
        handle.seek(0)
        if not head:
            raise refusal("empty")
        zipped = [kind for kind in kinds if kind.zip_sniff is not None]
        if zipped and head.startswith(ZIP_MAGIC):
            return _zip_kind(handle, zipped)
        for kind in kinds:
            if kind.sniff is not None and kind.sniff(head):
                if kind.verify is not None:
                    kind.verify(handle, unpacked_limit_mb)
                return kind.id
        raise refusal("not_recognised")
    finally:
        handle.seek(0)


def _zip_kind(handle: IO[bytes], kinds: list[FileKind]) -> str:
    try:
        with zipfile.ZipFile(handle) as archive:
            found = next((k.id for k in kinds if k.zip_sniff and k.zip_sniff(archive)), None)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        found = None
    if found is None:
        raise refusal("unknown_zip")
    return found


def check_file(
    name: str | None,
    size: int | None,
    handle: IO[bytes],
    allowed: Collection[str],
    limit_mb: int,
    unpacked_limit_mb: int | None = None,
) -> str:
    """The kind of an uploaded file, one of ``allowed``; raises FileRefused.

    In order: too large, empty, a name of none of the allowed kinds, content of none of them
    (or refused by its kind's own check: a compressed file holding more than
    ``unpacked_limit_mb``, by default ``settings.MAX_UNPACKED_MB``), a name saying another
    kind than the content. With no ``size`` the size is not checked; with no ``name`` neither
    is the name.
    """
    if size is not None and size > limit_mb * MEGABYTE:
        raise refusal("too_large", size=size / MEGABYTE, limit=limit_mb)
    if size == 0:
        raise refusal("empty")
    named = None if name is None else named_kind(name, allowed)
    if name is not None and named is None:
        raise refusal("unknown_name", name=name)
    found = content_kind(handle, allowed, unpacked_limit_mb)
    if named is not None and found != named:
        raise refusal("renamed", named=named, found=found)
    return found


def media_type(kind: str) -> str:
    return KINDS[kind].media_type


def _allowed(allowed: Collection[str]) -> list[FileKind]:
    unknown = set(allowed) - KINDS.keys()
    if unknown:
        raise ValueError(f"unknown file kinds: {sorted(unknown)}")
    return [kind for kind in KINDS.values() if kind.id in allowed]
