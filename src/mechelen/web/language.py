"""The language of the page being served, as the engine and the messages take it."""

from __future__ import annotations

from django.utils.translation import get_language

from mechelen.i18n import LANGUAGES


def page_language() -> str:
    """The active language without its region (``fr`` for ``fr-be``), English when Mechelen
    does not speak it."""
    lang = (get_language() or "en").split("-")[0]
    return lang if lang in LANGUAGES else "en"
