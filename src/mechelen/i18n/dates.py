"""Dates in the reader's language, written as the web pages write them.

The pages write a date with Django's ``DATE_FORMAT`` (``17 November 2017``, ``17 novembre
2017``, ``17 de noviembre de 2017``, see ``mechelen.web.formats``); the reports, written
without Django, use :func:`format_long_date`, the same pattern in Babel's terms, so that a
report never says ``November 17, 2017`` where the site says ``17 November 2017``.
"""

from __future__ import annotations

from datetime import date

from babel.dates import format_date

#: language -> the long date pattern (CLDR), the same as the web's DATE_FORMAT
LONG_DATE: dict[str, str] = {
    "en": "d MMMM y",
    "fr": "d MMMM y",
    "es": "d 'de' MMMM 'de' y",
}


def format_long_date(day: date, lang: str) -> str:
    """``day`` written out in ``lang``: ``17 November 2017``, ``17 novembre 2017``."""
    base = (lang or "en").split("-")[0].split("_")[0].lower()
    if base not in LONG_DATE:
        base = "en"
    return format_date(day, format=LONG_DATE[base], locale=base)
