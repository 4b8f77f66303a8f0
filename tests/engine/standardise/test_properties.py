"""Property: case, accent, spacing and punctuation variations of a name map to the same code."""

from __future__ import annotations

import gettext
import unicodedata

import pycountry
from hypothesis import given
from hypothesis import strategies as st

from mechelen.engine.standardise import CountryStandardiser

STANDARDISER = CountryStandardiser()


def _names() -> list[tuple[str, str]]:
    """(name, code) for every country name in the four languages that maps to its country."""
    translators = [gettext.NullTranslations()] + [
        gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        for lang in ("fr", "nl", "es")
    ]
    pairs = set()
    for country in pycountry.countries:
        for translator in translators:
            name = translator.gettext(country.name)
            if STANDARDISER.standardise(name).code == country.alpha_3:
                pairs.add((name, country.alpha_3))
    return sorted(pairs)


NAMES = _names()
ACCENTS = ["\u0301", "\u0300", "\u0302", "\u0308", "\u0327"]  # acute, grave, circumflex...
SEPARATORS = [" ", "  ", "\t", "\u00a0", "-", "_", ".", ",", "'", "/"]


@st.composite
def variations(draw: st.DrawFn) -> tuple[str, str, str]:
    name, code = draw(st.sampled_from(NAMES))
    out = []
    for char in name:
        if char.isalpha():
            flipped = draw(st.sampled_from([char, char.upper(), char.lower()]))
            char = flipped if len(flipped) == 1 else char
            if char.isascii() and draw(st.integers(0, 5)) == 0:
                char = unicodedata.normalize("NFC", char + draw(st.sampled_from(ACCENTS)))
        elif char == " ":
            char = draw(st.sampled_from(SEPARATORS))
        out.append(char)
    before = draw(st.sampled_from(["", " ", "  ", "\t", "\n"]))
    after = draw(st.sampled_from(["", " ", ".", "\n", " *"]))
    return name, code, before + "".join(out) + after


@given(variations())
def test_variations_of_a_name_map_to_the_same_code(case: tuple[str, str, str]) -> None:
    name, code, variant = case
    assert STANDARDISER.standardise(variant).code == code, (name, variant)


@given(st.sampled_from(sorted(c.alpha_3 for c in pycountry.countries)), st.booleans())
def test_codes_with_spacing_and_case_map_to_themselves(code: str, lower: bool) -> None:
    text = f"  {code.lower() if lower else code}\t"
    assert STANDARDISER.standardise(text).code == code


@given(st.lists(st.sampled_from([name for name, _ in NAMES] + [None, "", "?"]), max_size=50))
def test_standardise_many_agrees_with_standardise(values: list[str | None]) -> None:
    many = STANDARDISER.standardise_many(values)
    assert set(many) == set(values)
    assert all(many[value] == STANDARDISER.standardise(value) for value in values)
