"""Every country value of the real files in ../shared/data is mapped or knowingly not."""

from __future__ import annotations

import csv
import gzip

from mechelen.core.microdata.codes import OTHER_COUNTRY, UNKNOWN
from mechelen.engine.standardise import CountryMatch, CountryStandardiser
from tests.engine.standardise.shared_data import shared_file

#: UCI Adult "native-country", as written in the file (with its leading space)
UCI_EXPECTED: dict[str, str | None] = {
    " ?": UNKNOWN,
    " Cambodia": "KHM",
    " Canada": "CAN",
    " China": "CHN",
    " Columbia": "COL",  # misspelt Colombia
    " Cuba": "CUB",
    " Dominican-Republic": "DOM",
    " Ecuador": "ECU",
    " El-Salvador": "SLV",
    " England": "GBR",
    " France": "FRA",
    " Germany": "DEU",
    " Greece": "GRC",
    " Guatemala": "GTM",
    " Haiti": "HTI",
    " Holand-Netherlands": "NLD",
    " Honduras": "HND",
    " Hong": "HKG",  # Hong Kong, cut at the space
    " Hungary": "HUN",
    " India": "IND",
    " Iran": "IRN",
    " Ireland": "IRL",
    " Italy": "ITA",
    " Jamaica": "JAM",
    " Japan": "JPN",
    " Laos": "LAO",
    " Mexico": "MEX",
    " Nicaragua": "NIC",
    " Outlying-US(Guam-USVI-etc)": OTHER_COUNTRY,  # several territories in one category
    " Peru": "PER",
    " Philippines": "PHL",
    " Poland": "POL",
    " Portugal": "PRT",
    " Puerto-Rico": "PRI",
    " Scotland": "GBR",
    " South": None,  # probably South Korea, but undocumented: left unrecognised
    " Taiwan": "TWN",
    " Thailand": "THA",
    " Trinadad&Tobago": "TTO",
    " United-States": "USA",
    " Vietnam": "VNM",
    " Yugoslavia": "YUG",
}
UCI_UNRECOGNISED = {" South"}


def uci_native_countries() -> set[str]:
    with shared_file("uci_adult.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = [name.strip() for name in next(reader)]
        column = header.index("native-country")
        return {row[column] for row in reader if len(row) > column}


def test_every_uci_native_country_is_mapped_or_listed(standardiser: CountryStandardiser) -> None:
    values = uci_native_countries()
    assert values == set(UCI_EXPECTED)
    found = {value: match.code for value, match in standardiser.standardise_many(values).items()}
    assert found == UCI_EXPECTED
    unrecognised = {value for value, code in found.items() if code is None}
    assert unrecognised == UCI_UNRECOGNISED


def test_uci_values_need_the_documented_aliases_only(standardiser: CountryStandardiser) -> None:
    methods = {value: standardiser.standardise(value).method for value in UCI_EXPECTED}
    aliased = {value.strip() for value, method in methods.items() if method == "alias"}
    assert aliased == {"Columbia", "England", "Holand-Netherlands", "Hong", "Scotland"} | {
        "Trinadad&Tobago"
    }


def test_every_un_desa_code_is_mapped(standardiser: CountryStandardiser) -> None:
    path = shared_file("undesa_migrant_stock_2020_origin_destination_sex.csv.gz")
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    origins = {row["from"] for row in rows}
    destinations = {row["to"] for row in rows}
    found = standardiser.standardise_many(origins | destinations)
    assert {value for value, match in found.items() if not match.recognised} == set()
    assert found["XXX"] == CountryMatch(OTHER_COUNTRY, "other")
    assert found["CHI"] == CountryMatch("CHI", "alias")
    assert all(match.code == value for value, match in found.items() if value != "XXX")


#: Eurostat migr_pop1ctz labels that are groups of countries or not a country at all
EUROSTAT_GROUPS = {
    "Africa",
    "America",
    "Asia",
    "Australia and New Zealand",
    "Candidate countries from 2022 (8 countries) except reporting country",
    "Candidate countries from 2023 (9 countries) except reporting country",
    "Caribbean",
    "Central Africa",
    "Central America",
    "Central Asia",
    "EU27 countries (from 2020) except reporting country",
    "EU28 countries (2013-2020) except reporting country",
    "Eastern Africa",
    "Eastern Asia",
    "Europe",
    "European Free Trade Association",
    "European Free Trade Association except reporting country",
    "European Union - 28 countries (2013-2020)",
    "Foreign country and stateless",
    "Melanesia",
    "Non-EU27 countries (from 2020) nor reporting country",
    "Non-EU28 countries (2013-2020) nor reporting country",
    "Northern Africa",
    "Northern America",
    "Oceania",
    "Polynesia",
    "Recognised non-citizens",  # a status (Latvia, Estonia), not a country
    "Reporting country",
    "South America",
    "South-Eastern Asia",
    "Southern Africa",
    "Southern Asia",
    "Total",
    "Western Africa",
    "Western Asia",
}


def test_eurostat_citizenship_labels(standardiser: CountryStandardiser) -> None:
    path = shared_file("eurostat_migr_pop1ctz_population_by_citizenship.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        labels = {row["citizen"] for row in csv.DictReader(handle)}
    found = standardiser.standardise_many(labels)
    unrecognised = {label for label, match in found.items() if not match.recognised}
    assert unrecognised == EUROSTAT_GROUPS
    assert found["Kosovo*"].code == "XKX"
    assert found["Stateless"].code == "XXA"
    assert found["Unknown"].code == UNKNOWN
    assert found["Myanmar/Burma"].code == "MMR"
    assert found["Soviet Union"].code == "SUN"
    # known limit: Eurostat's "Micronesia" is the region; as a country name it is FSM
    assert found["Micronesia"].code == "FSM"
