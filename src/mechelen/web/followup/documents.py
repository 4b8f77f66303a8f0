"""Check an evidence document by its content, not its name: size, then kind.

Accepted: PDF (``%PDF-``), OpenDocument text (a zip whose ``mimetype`` says so), Word DOCX
(a zip with ``word/document.xml``), PNG, JPEG, GIF and WebP images. The name's extension must
agree with the content, as for the statistics uploads (a renamed file is refused). Each
refusal has a stable code; its message is translated on display.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from typing import IO

from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

#: kind -> (file name endings, media type)
KINDS: dict[str, tuple[tuple[str, ...], str]] = {
    "pdf": ((".pdf",), "application/pdf"),
    "odt": ((".odt",), "application/vnd.oasis.opendocument.text"),
    "docx": (
        (".docx",),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "png": ((".png",), "image/png"),
    "jpeg": ((".jpg", ".jpeg"), "image/jpeg"),
    "gif": ((".gif",), "image/gif"),
    "webp": ((".webp",), "image/webp"),
}

MESSAGES = {
    "evidence.E001": _("The file is {size} MB; the largest file accepted is {limit} MB."),
    "evidence.E002": _("The file is empty."),
    "evidence.E003": _(
        "The file is not a PDF, ODT or DOCX document or a PNG, JPEG, GIF or WebP image."
    ),
    "evidence.E004": _(
        "The file's name says {named} but its content is {found}: was it renamed? "
        "Give the file with its own extension."
    ),
    "evidence.E005": _(
        "The file name {name} is not one of: .pdf, .odt, .docx, .png, .jpg, .gif, .webp."
    ),
}

_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


@dataclass(frozen=True)
class DocumentRefused(Exception):
    code: str
    params: dict[str, object] = field(default_factory=dict)

    def message(self) -> str:
        params = {
            k: number_format(v, 1) if isinstance(v, float) else v for k, v in self.params.items()
        }
        return str(MESSAGES[self.code]).format(**params)


def media_type(kind: str) -> str:
    return KINDS[kind][1]


def named_kind(name: str) -> str | None:
    lowered = name.lower()
    return next((kind for kind, (endings, _t) in KINDS.items() if lowered.endswith(endings)), None)


def _zip_kind(handle: IO[bytes]) -> str | None:
    try:
        with zipfile.ZipFile(handle) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and archive.read("mimetype").strip() == _ODT_MIMETYPE:
                return "odt"
    except (zipfile.BadZipFile, KeyError, OSError):
        return None
    if "[Content_Types].xml" in names and "word/document.xml" in names:
        return "docx"
    return None


def content_kind(handle: IO[bytes]) -> str | None:
    """pdf, odt, docx, png, jpeg, gif or webp from the bytes; None when none of them."""
    handle.seek(0)
    head = handle.read(16)
    handle.seek(0)
    found: str | None = None
    if head.startswith(b"%PDF-"):
        found = "pdf"
    elif head.startswith(b"\x89PNG\r\n\x1a\n"):
        found = "png"
    elif head.startswith(b"\xff\xd8\xff"):
        found = "jpeg"
    elif head.startswith((b"GIF87a", b"GIF89a")):
        found = "gif"
    elif head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        found = "webp"
    elif head.startswith(b"PK\x03\x04"):
        found = _zip_kind(handle)
    handle.seek(0)
    return found


def check_document(name: str, size: int, handle: IO[bytes], limit_mb: int) -> str:
    """The kind of an uploaded evidence document; raises DocumentRefused."""
    if size > limit_mb * 1024 * 1024:
        raise DocumentRefused("evidence.E001", {"size": size / 1024 / 1024, "limit": limit_mb})
    if size == 0:
        raise DocumentRefused("evidence.E002")
    named = named_kind(name)
    if named is None:
        raise DocumentRefused("evidence.E005", {"name": name})
    found = content_kind(handle)
    if found is None:
        raise DocumentRefused("evidence.E003")
    if found != named:
        raise DocumentRefused("evidence.E004", {"named": named, "found": found})
    return found
