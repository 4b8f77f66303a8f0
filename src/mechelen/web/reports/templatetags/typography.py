"""Punctuation in the page's language: ``{% colon %}`` after a label gives ``:`` in English
and Spanish, a narrow no-break space and ``:`` in French (``Cible : 80``); ``{% mark ";" %}``
does the same for ``;`` ``?`` ``!``."""

from __future__ import annotations

from django import template
from django.utils.translation import get_language

from mechelen.i18n.typography import punctuation_mark

register = template.Library()


def _language() -> str:
    return (get_language() or "en").split("-")[0]


@register.simple_tag
def colon() -> str:
    return punctuation_mark(":", _language())


@register.simple_tag
def mark(punctuation: str) -> str:
    return punctuation_mark(punctuation, _language())
