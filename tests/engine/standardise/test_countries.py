"""Country values from administrative files standardised to ISO 3166-1 alpha-3."""

from __future__ import annotations

import gettext

import pycountry
import pytest

from mechelen.core.microdata.codes import OTHER_COUNTRY, STATELESS, UNKNOWN
from mechelen.core.problems import ProblemsFound
from mechelen.engine.standardise import CountryMatch, CountryStandardiser

CURRENT = list(pycountry.countries)

EXAMPLES = {
    # ISO codes in every form
    "BE": ("BEL", "alpha2"),
    "be": ("BEL", "alpha2"),
    "BEL": ("BEL", "alpha3"),
    " bel ": ("BEL", "alpha3"),
    "56": ("BEL", "numeric"),
    "056": ("BEL", "numeric"),
    "56.0": ("BEL", "numeric"),
    # names in English, French, Dutch and Spanish
    "Belgium": ("BEL", "name:en"),
    "Belgique": ("BEL", "name:fr"),
    "België": ("BEL", "name:nl"),
    "Bélgica": ("BEL", "name:es"),
    "Maroc": ("MAR", "name:fr"),
    "Marokko": ("MAR", "name:nl"),
    "Marruecos": ("MAR", "name:es"),
    "Allemagne": ("DEU", "name:fr"),
    "Duitsland": ("DEU", "name:nl"),
    "Alemania": ("DEU", "name:es"),
    "Congo, The Democratic Republic of the": ("COD", "name:en"),
    "République démocratique du Congo": ("COD", "name:fr"),
    "Democratic Republic of the Congo": ("COD", "name:en"),
    "Türkiye": ("TUR", "name:en"),
    "Turkey": ("TUR", "alias"),
    "Turquie": ("TUR", "name:fr"),
    "Turkije": ("TUR", "name:nl"),
    "Turquía": ("TUR", "name:es"),
    # national and statistical codes
    "EL": ("GRC", "alias"),
    "UK": ("GBR", "alias"),
    "Kosovo": ("XKX", "alias"),
    "XK": ("XKX", "alias"),
    "XKX": ("XKX", "alias"),
    # historic countries split between several of today's: their historic code
    "Yugoslavia": ("YUG", "historic"),
    "YUG": ("YUG", "historic"),
    "USSR": ("SUN", "historic"),
    "SUN": ("SUN", "historic"),
    "Czechoslovakia": ("CSK", "historic"),
    "CSK": ("CSK", "historic"),
    "Serbia and Montenegro": ("SCG", "historic"),
    # renamed or absorbed: today's country
    "Zaire": ("COD", "historic"),
    "Burma": ("MMR", "historic"),
    "East Timor": ("TLS", "historic"),
    "DDR": ("DEU", "historic"),
    "German Democratic Republic": ("DEU", "historic"),
    # obvious variants
    "Holland": ("NLD", "alias"),
    "Great Britain": ("GBR", "alias"),
    "USA": ("USA", "alpha3"),
    "U.S.A.": ("USA", "alpha3"),
    "United States of America": ("USA", "name:en"),
    "Russia": ("RUS", "alias"),
    "South Korea": ("KOR", "name:en"),
    "North Korea": ("PRK", "name:en"),
    "Ivory Coast": ("CIV", "alias"),
    "Côte d’Ivoire": ("CIV", "name:en"),
    "Congo-Kinshasa": ("COD", "alias"),
    "Congo-Brazzaville": ("COG", "alias"),
    "Congo": ("COG", "name:en"),
    "Syria": ("SYR", "name:en"),
    "Iran": ("IRN", "name:en"),
    "Viet Nam": ("VNM", "name:en"),
    "Vietnam": ("VNM", "name:en"),
    "Laos": ("LAO", "name:en"),
    "Bolivia": ("BOL", "name:en"),
    "Tanzania": ("TZA", "name:en"),
    "Moldova": ("MDA", "name:en"),
    "Palestine": ("PSE", "name:en"),
    "The Gambia": ("GMB", "name:en"),
    "Congo, Dem. Rep.": ("COD", "name:en"),
    "R.D. Congo": ("COD", "alias"),
    "L'État de Palestine": ("PSE", "name:fr"),
    "St. Lucia": ("LCA", "name:en"),
    "Channel Islands": ("CHI", "alias"),
    # stateless, in four languages and as codes
    "stateless": (STATELESS, "stateless"),
    "Stateless": (STATELESS, "stateless"),
    "apatride": (STATELESS, "stateless"),
    "staatloos": (STATELESS, "stateless"),
    "apátrida": (STATELESS, "stateless"),
    "sans nationalité": (STATELESS, "stateless"),
    "STLS": (STATELESS, "stateless"),
    "XXA": (STATELESS, "stateless"),
    # stated unknown
    "unknown": (UNKNOWN, "unknown"),
    "inconnu": (UNKNOWN, "unknown"),
    "onbekend": (UNKNOWN, "unknown"),
    "desconocido": (UNKNOWN, "unknown"),
    "not stated": (UNKNOWN, "unknown"),
    "UNK": (UNKNOWN, "unknown"),
    "N/A": (UNKNOWN, "unknown"),
    "?": (UNKNOWN, "unknown"),
    "--": (UNKNOWN, "unknown"),
    # another country the source does not name
    "XXX": (OTHER_COUNTRY, "other"),
    "ETR": (OTHER_COUNTRY, "other"),
    "other": (OTHER_COUNTRY, "other"),
    # not recognised
    "Korea": (None, "none"),
    "Virgin Islands": (None, "none"),
    "Atlantis": (None, "none"),
    "Europe": (None, "none"),
    "XXB": (None, "none"),
    "891": (None, "none"),
    "1234": (None, "none"),
}


@pytest.mark.parametrize(("value", "expected"), EXAMPLES.items(), ids=list(EXAMPLES))
def test_examples(standardiser: CountryStandardiser, value: str, expected: tuple[str, str]) -> None:
    assert standardiser.standardise(value) == CountryMatch(*expected)


def test_na_is_namibia_but_slashed_na_is_unknown(standardiser: CountryStandardiser) -> None:
    assert standardiser.standardise("NA").code == "NAM"
    assert standardiser.standardise("n.a").code == UNKNOWN


@pytest.mark.parametrize("value", [None, "", "   ", "\t", float("nan")])
def test_missing_values_are_unknown_with_method_missing(
    standardiser: CountryStandardiser, value: object
) -> None:
    assert standardiser.standardise(value) == CountryMatch(UNKNOWN, "missing")


def test_pandas_like_missing_markers_are_missing(standardiser: CountryStandardiser) -> None:
    class NAType:  # stands for pandas.NA, which has no truth value
        def __bool__(self) -> bool:
            raise TypeError("boolean value of NA is ambiguous")

    assert standardiser.standardise(NAType()).method == "missing"


@pytest.mark.parametrize(
    ("value", "expected"),
    [(56, "BEL"), (4, "AFG"), (56.0, "BEL"), (200, "CSK"), (180, "COD")],
)
def test_numbers(standardiser: CountryStandardiser, value: object, expected: str) -> None:
    assert standardiser.standardise(value).code == expected


@pytest.mark.parametrize("value", [True, 56.5, -56, 1000, 0, b"BEL", object()])
def test_other_objects_are_not_recognised(standardiser: CountryStandardiser, value: object) -> None:
    assert standardiser.standardise(value) == CountryMatch(None, "none")


def test_every_iso_code_round_trips(standardiser: CountryStandardiser) -> None:
    for country in CURRENT:
        alpha_3 = country.alpha_3
        assert standardiser.standardise(country.alpha_2) == CountryMatch(alpha_3, "alpha2")
        assert standardiser.standardise(country.alpha_2.lower()).code == alpha_3
        assert standardiser.standardise(alpha_3) == CountryMatch(alpha_3, "alpha3")
        assert standardiser.standardise(alpha_3.lower()).code == alpha_3
        assert standardiser.standardise(country.numeric) == CountryMatch(alpha_3, "numeric")
        assert standardiser.standardise(int(country.numeric)).code == alpha_3
        assert standardiser.standardise(str(int(country.numeric))).code == alpha_3


def test_every_english_name_maps_to_its_country(standardiser: CountryStandardiser) -> None:
    for country in CURRENT:
        for attr in ("name", "official_name", "common_name"):
            name = getattr(country, attr, None)
            if name:
                assert standardiser.standardise(name).code == country.alpha_3, name


@pytest.mark.parametrize("lang", ["fr", "nl", "es"])
def test_every_translated_short_name_maps_to_its_country(
    standardiser: CountryStandardiser, lang: str
) -> None:
    translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
    wrong = {}
    for country in CURRENT:
        name = translation.gettext(country.name)
        found = standardiser.standardise(name).code
        if found != country.alpha_3:
            wrong[name] = (country.alpha_3, found)
    assert wrong == {}


# names written by hand (not taken from pycountry) for 28 countries common in Belgian registers
MULTILINGUAL = [
    # code, English, French, Dutch, Spanish
    ("MAR", "Morocco", "Maroc", "Marokko", "Marruecos"),
    ("TUR", "Turkey", "Turquie", "Turkije", "Turquía"),
    ("FRA", "France", "France", "Frankrijk", "Francia"),
    ("NLD", "Netherlands", "Pays-Bas", "Nederland", "Países Bajos"),
    ("ITA", "Italy", "Italie", "Italië", "Italia"),
    ("ESP", "Spain", "Espagne", "Spanje", "España"),
    ("POL", "Poland", "Pologne", "Polen", "Polonia"),
    ("ROU", "Romania", "Roumanie", "Roemenië", "Rumania"),
    ("DEU", "Germany", "Allemagne", "Duitsland", "Alemania"),
    ("PRT", "Portugal", "Portugal", "Portugal", "Portugal"),
    (
        "COD",
        "DR Congo",
        "République démocratique du Congo",
        "Democratische Republiek Congo",
        "República Democrática del Congo",
    ),
    ("BGR", "Bulgaria", "Bulgarie", "Bulgarije", "Bulgaria"),
    ("GBR", "United Kingdom", "Royaume-Uni", "Verenigd Koninkrijk", "Reino Unido"),
    ("USA", "United States", "États-Unis", "Verenigde Staten", "Estados Unidos"),
    ("CHN", "China", "Chine", "China", "China"),
    ("IND", "India", "Inde", "India", "India"),
    ("SYR", "Syria", "Syrie", "Syrië", "Siria"),
    ("AFG", "Afghanistan", "Afghanistan", "Afghanistan", "Afganistán"),
    ("RUS", "Russia", "Russie", "Rusland", "Rusia"),
    ("BRA", "Brazil", "Brésil", "Brazilië", "Brasil"),
    ("GRC", "Greece", "Grèce", "Griekenland", "Grecia"),
    ("CMR", "Cameroon", "Cameroun", "Kameroen", "Camerún"),
    ("DZA", "Algeria", "Algérie", "Algerije", "Argelia"),
    ("TUN", "Tunisia", "Tunisie", "Tunesië", "Túnez"),
    ("UKR", "Ukraine", "Ukraine", "Oekraïne", "Ucrania"),
    ("GIN", "Guinea", "Guinée", "Guinee", "Guinea"),
    ("SWE", "Sweden", "Suède", "Zweden", "Suecia"),
    ("CHE", "Switzerland", "Suisse", "Zwitserland", "Suiza"),
]


@pytest.mark.parametrize("row", MULTILINGUAL, ids=[row[0] for row in MULTILINGUAL])
def test_common_countries_in_four_languages(
    standardiser: CountryStandardiser, row: tuple[str, ...]
) -> None:
    code, *names = row
    for name in names:
        assert standardiser.standardise(name).code == code, name
        assert standardiser.standardise(name.upper()).code == code, name


def test_extra_aliases_win_and_accept_special_words() -> None:
    standardiser = CountryStandardiser({"South": "KOR", "B": "bel", "vreemd": "other"})
    assert standardiser.standardise(" South") == CountryMatch("KOR", "alias")
    assert standardiser.standardise("b") == CountryMatch("BEL", "alias")
    assert standardiser.standardise("Vreemd") == CountryMatch(OTHER_COUNTRY, "other")
    assert standardiser.standardise("Belgique").code == "BEL"


def test_extra_alias_to_an_unknown_code_is_a_problem() -> None:
    with pytest.raises(ProblemsFound) as raised:
        CountryStandardiser({"Narnia": "NAR", "?": "BEL"})
    assert [(p.code, dict(p.params)) for p in raised.value.problems] == [
        ("standardise.E001", {"alias": "Narnia", "code": "NAR"}),
        ("standardise.E002", {"alias": "?"}),
    ]


def test_every_output_code_is_a_known_code(standardiser: CountryStandardiser) -> None:
    from mechelen.engine.standardise.country_index import country_index

    index = country_index()
    matches = [*index.codes.values(), *index.numerics.values()]
    matches += [match for match in index.names.values() if match is not None]
    assert {match.code for match in matches} <= standardiser.output_codes


def test_standardise_many_keys_by_the_values_as_given(standardiser: CountryStandardiser) -> None:
    result = standardiser.standardise_many(["BE", "Belgique", "BE", None, 56, "South"])
    assert result == {
        "BE": CountryMatch("BEL", "alpha2"),
        "Belgique": CountryMatch("BEL", "name:fr"),
        None: CountryMatch(UNKNOWN, "missing"),
        56: CountryMatch("BEL", "numeric"),
        "South": CountryMatch(None, "none"),
    }
