"""Country names from pycountry's catalogues, in each language, sorted without system locales."""

from __future__ import annotations

from mechelen.i18n.countries import collation_key, countries, country_name


def test_names_in_each_language() -> None:
    assert [country_name("ESP", lang) for lang in ("en", "fr", "es", "fr-be")] == [
        "Spain",
        "Espagne",
        "España",
        "Espagne",
    ]
    assert country_name("DZA", "es") == "Argelia"  # pycountry leaves it in English
    assert country_name("XYZ", "fr") == "XYZ"


def test_lists_sort_letters_before_accents_and_case() -> None:
    assert collation_key("Égypte") < collation_key("Espagne") < collation_key("Zambie")
    assert collation_key("Åland") < collation_key("Albania")  # a, l, a, n < a, l, b
    french = [name for _code, name in countries("fr")]
    assert french.index("Égypte") < french.index("Érythrée") < french.index("Fidji")
    assert french == sorted(french, key=collation_key)
    assert countries("fr") is not countries("fr")  # a copy: callers cannot change the cache
    assert len(countries("es")) == len(countries("en")) == 249
