"""Punctuation as each language wants it: French puts a narrow no-break space before
``:`` ``;`` ``?`` ``!`` and ``%`` (``Cible : 80 %``), English and Spanish none."""

from __future__ import annotations

import re

NARROW_NO_BREAK_SPACE = "\u202f"
_SPACE_BEFORE_MARK = re.compile(r"[ \u00a0\u202f]+(?=[:;?!%»])")


def spaced_punctuation(text: str, lang: str) -> str:
    """``text`` with the space before ``: ; ? ! %`` made narrow and unbreakable in French
    (a line never starts with the mark); unchanged in other languages. Only spaces already
    there are changed: a mark without one (``https://``, ``10:30``) stays as it is."""
    if not lang.startswith("fr"):
        return text
    return _SPACE_BEFORE_MARK.sub(NARROW_NO_BREAK_SPACE, text)


def punctuation_mark(mark: str, lang: str) -> str:
    """``:`` ``;`` ``?`` or ``!`` as ``lang`` writes it after a word: with a narrow no-break
    space before it in French, none in English and Spanish."""
    return NARROW_NO_BREAK_SPACE + mark if lang.startswith("fr") and mark in ":;?!" else mark


def colon(lang: str) -> str:
    """The colon after a label: ``:`` in English and Spanish, `` :`` (narrow space) in French."""
    return punctuation_mark(":", lang)
