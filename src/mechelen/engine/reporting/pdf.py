"""PDF of the reports: the HTML laid out by WeasyPrint with its print stylesheet (A4).

WeasyPrint needs Pango from Debian (``libpango-1.0-0``, ``libpangoft2-1.0-0``; installed by
``scripts/ensure-system-packages.sh``). It is imported when a PDF is asked for, so that the
HTML report works without it. The PDF carries no creation date unless one is given, so the
same HTML gives the same PDF.
"""

from __future__ import annotations

from datetime import date
from typing import Any


def html_to_pdf(html: str, title: str = "", created: date | None = None) -> bytes:
    """The PDF of a self-contained HTML page (inline SVG, no external resource)."""
    from weasyprint import HTML  # type: ignore[import-untyped]

    document: Any = HTML(string=html, base_url=None)
    rendered = document.render()
    if title:
        rendered.metadata.title = title
    stamp = created.isoformat() if created else None
    rendered.metadata.created = stamp
    rendered.metadata.modified = stamp
    pdf: bytes = rendered.write_pdf()
    return pdf
