"""Punctuation in the page's language: ``{% colon %}`` after a label gives ``:`` in English
and Spanish, a narrow no-break space and ``:`` in French (``Cible : 80``); ``{% mark ";" %}``
does the same for ``;`` ``?`` ``!``."""

from __future__ import annotations

from django import template

from mechelen.i18n.typography import punctuation_mark
from mechelen.web.language import page_language

register = template.Library()


@register.simple_tag
def colon() -> str:
    return punctuation_mark(":", page_language())


@register.simple_tag
def mark(punctuation: str) -> str:
    return punctuation_mark(punctuation, page_language())
