"""Reports write dates as the site does: day, month, year."""

from __future__ import annotations

from datetime import date

from django.utils import formats, translation

from mechelen.i18n.dates import format_long_date

DAY = date(2017, 11, 17)


def test_long_dates_in_each_language() -> None:
    assert [format_long_date(DAY, lang) for lang in ("en", "fr", "es", "de")] == [
        "17 November 2017",
        "17 novembre 2017",
        "17 de noviembre de 2017",
        "17 November 2017",
    ]


def test_the_same_as_the_site_s_date_format() -> None:
    for lang in ("en", "fr", "es"):
        with translation.override(lang):
            assert formats.date_format(DAY, "DATE_FORMAT") == format_long_date(DAY, lang)
