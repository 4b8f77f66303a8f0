"""Lookup keys ignore case, accents, spacing and punctuation."""

from __future__ import annotations

import pytest

from mechelen.engine.standardise.text_keys import code_key, fold, name_key, numeric_key


def test_fold() -> None:
    assert fold("Bélgica") == "belgica"
    assert fold("Færøerne") == "faeroerne"
    assert fold("Łódź") == "lodz"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Viet Nam", "vietnam"),
        ("The Democratic Republic of the Congo", "Democratic Republic of Congo"),
        ("St. Kitts & Nevis", "Saint Kitts and Nevis"),
        ("United-States", "united states"),
        ("Côte d’Ivoire", "Cote d'Ivoire"),
        ("Côte ď'Ivoire", "COTE D'IVOIRE"),
        ("Territoire britannique de_ĺ'océan Indien", "Territoire britannique de l'océan Indien"),
    ],
)
def test_name_keys_match(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    ("text", "key"),
    [("be", "BE"), (" BEL ", "BEL"), ("U.K.", "UK"), ("STLS", "STLS"), ("N/A", None), ("B", None)],
)
def test_code_key(text: str, key: str | None) -> None:
    assert code_key(text) == key


@pytest.mark.parametrize(
    ("text", "key"),
    [("56", "056"), ("056", "056"), ("0056", "056"), ("56.0", "056"), ("5a", None)],
)
def test_numeric_key(text: str, key: str | None) -> None:
    assert numeric_key(text) == key
