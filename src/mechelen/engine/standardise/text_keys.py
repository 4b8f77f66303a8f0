"""Lookup keys for country values: case, accents, spacing and punctuation do not matter.

Two keys are used:

- :func:`code_key` for things that look like a code (``"be"``, ``" BEL "``, ``"U.S.A."``): the
  letters upper-cased, or ``None`` when the value is not code-shaped;
- :func:`name_key` for names: accents and ligatures folded, case folded, punctuation and spaces
  dropped, a few connecting words dropped (``the``, ``of``, ``and``, ``de``, ``du``, ``van``,
  ``y``, the French elisions ``d'`` and ``l'``...) and a few abbreviations expanded (``St.`` -> ``saint``, ``Rep.`` -> ``republic``), so
  ``"Congo, The Democratic Republic of the"``, ``"Democratic Republic of the Congo"`` and
  ``"Congo, Dem. Rep."`` share one key, and so do ``"Viet Nam"``, ``"Vietnam"`` and
  ``"viêt-nam"``.
"""

from __future__ import annotations

import re
import unicodedata

#: letters that Unicode does not decompose into a base letter and an accent
_FOLD = str.maketrans(
    {
        "ø": "o",
        "Ø": "o",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "þ": "th",
        "ı": "i",
    }
)

#: connecting words of English, French, Dutch and Spanish country names
STOPWORDS = frozenset(
    {
        *("the", "of", "and"),
        *("et", "de", "du", "des", "la", "le", "les"),
        *("en", "het", "van", "der", "den"),
        *("y", "e", "el", "los", "las", "del"),
    }
)

#: abbreviations found in statistical labels ("St. Lucia", "Congo, Dem. Rep.")
ABBREVIATIONS = {"st": "saint", "ste": "sainte", "rep": "republic", "dem": "democratic"}

_WORD = re.compile(r"[^\W_]+")
_ELISION = re.compile(r"(?<![^\W_])[dl]['’]")  # French d', l' ("Côte d'Ivoire")
_CODE = re.compile(r"[A-Za-z]{2,4}|(?:[A-Za-z]\.){2,3}")
_NUMERIC = re.compile(r"0*(\d{1,3})(?:\.0*)?")


def fold(text: str) -> str:
    """``text`` without accents, ligatures or case: ``"Bélgica"`` -> ``"belgica"``."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def words(text: str) -> list[str]:
    """The folded words of ``text``; punctuation and spacing are separators."""
    return _WORD.findall(fold(text))


def name_key(text: str) -> str:
    """The key a name is indexed and looked up by (empty when nothing is left)."""
    unelided = _ELISION.sub(" ", fold(text))
    kept = (ABBREVIATIONS.get(word, word) for word in _WORD.findall(unelided))
    return "".join(word for word in kept if word not in STOPWORDS)


def code_key(text: str) -> str | None:
    """``"BE"``, ``"bel"``, ``"U.K."`` -> the upper-cased letters; ``None`` for anything else."""
    stripped = text.strip()
    if not _CODE.fullmatch(stripped):
        return None
    return stripped.replace(".", "").upper()


def numeric_key(text: str) -> str | None:
    """``"56"``, ``"056"``, ``"56.0"`` -> ``"056"`` (the ISO 3166-1 numeric form), else ``None``."""
    match = _NUMERIC.fullmatch(text.strip())
    return match.group(1).zfill(3) if match else None


def has_word(text: str) -> bool:
    """Whether ``text`` has any letter or digit (``"?"`` and ``"--"`` have none)."""
    return _WORD.search(text) is not None
