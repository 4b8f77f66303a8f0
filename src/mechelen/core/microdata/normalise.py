"""Text as the vocabularies compare it: lower case, no accents, words separated by one space.

``"AufenthaltsTitel_Nr2"``, ``"aufenthalts-titel nr 2"`` and ``"AUFENTHALTS.TITEL.NR.2"`` all
become ``"aufenthalts titel nr 2"``: case, accents and separators (snake_case, camelCase,
hyphens, spaces, dots, apostrophes) do not matter, and ``ß`` is ``ss``.
"""

from __future__ import annotations

import re
import unicodedata

#: a word boundary inside camelCase or PascalCase: "legalStatus", "OQTFDate"
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
#: a boundary between letters and digits: "permit2", "B1visa"
_DIGITS = re.compile(r"(?<=[A-Za-z])(?=[0-9])|(?<=[0-9])(?=[A-Za-z])")
_SEPARATORS = re.compile(r"[^a-z0-9]+")


def normalise(text: str) -> str:
    """Lower case, without accents, camelCase and digits split, separators as single spaces."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    split = _DIGITS.sub(" ", _CAMEL.sub(" ", plain))
    return " ".join(_SEPARATORS.split(split.casefold())).strip()
