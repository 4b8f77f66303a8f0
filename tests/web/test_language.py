"""The page's language: the active one without its region, English when Mechelen lacks it."""

from __future__ import annotations

from django.utils import translation

from mechelen.web.language import page_language


def test_the_page_language_is_one_mechelen_speaks() -> None:
    with translation.override("fr-be"):
        assert page_language() == "fr"
    with translation.override("es"):
        assert page_language() == "es"
    with translation.override("de"):
        assert page_language() == "en"
    with translation.override(None):
        assert page_language() == "en"
