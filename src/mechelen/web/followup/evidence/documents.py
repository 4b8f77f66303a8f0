"""Check an evidence document by its content, not its name: size, then kind.

Accepted: PDF (``%PDF-``), OpenDocument text (a zip whose ``mimetype`` says so), Word DOCX
(a zip with ``word/document.xml``), PNG, JPEG, GIF and WebP images. The name's extension must
agree with the content, as for the statistics uploads (a renamed file is refused); the
checking is the shared one of :mod:`mechelen.web.uploads`. Each refusal has a stable code;
its message is translated on display.
"""

from __future__ import annotations

from typing import IO

from django.utils.translation import gettext_lazy as _

from mechelen.web import uploads

#: the kinds of evidence document accepted
ALLOWED = ("pdf", "odt", "docx", "png", "jpeg", "gif", "webp")
#: kind -> (file name endings, media type)
KINDS: dict[str, tuple[tuple[str, ...], str]] = {
    kind: (uploads.KINDS[kind].endings, uploads.KINDS[kind].media_type) for kind in ALLOWED
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

#: reason of the shared check -> code
CODES = {
    "too_large": "evidence.E001",
    "empty": "evidence.E002",
    "not_recognised": "evidence.E003",
    "unknown_zip": "evidence.E003",
    "renamed": "evidence.E004",
    "unknown_name": "evidence.E005",
}


def media_type(kind: str) -> str:
    return KINDS[kind][1]


def named_kind(name: str) -> str | None:
    return uploads.named_kind(name, ALLOWED)


def content_kind(handle: IO[bytes]) -> str | None:
    """pdf, odt, docx, png, jpeg, gif or webp from the bytes; None when none of them."""
    try:
        return uploads.content_kind(handle, ALLOWED)
    except uploads.FileRefused:
        return None


def check_document(name: str, size: int, handle: IO[bytes], limit_mb: int) -> str:
    """The kind of an uploaded evidence document; raises FileRefused."""
    try:
        return uploads.check_file(name, size, handle, ALLOWED, limit_mb)
    except uploads.FileRefused as refused:
        raise refused.coded(CODES, MESSAGES) from None
