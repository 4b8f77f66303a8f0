"""The small, hand-kept tables the standardiser adds to pycountry's codes and names.

Everything here is something ISO 3166 (as shipped by pycountry, with its French, Dutch and
Spanish translations) does not provide; a test checks that no name alias is redundant with
pycountry's own names.

Special codes (the same as :mod:`mechelen.core.microdata.codes`), all in the ISO 3166-1
user-assigned range (``AAA``-``AAZ``, ``QMA``-``QZZ``, ``XAA``-``XZZ``, ``ZZA``-``ZZZ``), so they
can never clash with a country code:

- ``XXA`` stateless: the code ICAO Doc 9303 (machine readable travel documents, part 3) gives a
  stateless person in the sense of article 1 of the 1954 Convention relating to the Status of
  Stateless Persons. Eurostat's citizenship code list writes the same category ``STLS``; both
  are read here.
- ``XXU`` unknown / not stated: a Mechelen code. Eurostat writes ``UNK``; ICAO's ``XXX``
  ("unspecified nationality") is not used as an output because UN DESA's migrant stock files use
  ``XXX`` for "other" (below).
- ``XXO`` other country that the source does not name: UN DESA's ``XXX`` ("other", origins not
  broken down by country), Statbel's ``ETR`` (foreign national, no country given) and UCI Adult's
  ``Outlying-US(Guam-USVI-etc)`` (several territories in one category).

ICAO's refugee codes ``XXB`` and ``XXC`` are deliberately not read: they describe a legal status,
which Mechelen never stores (the firewall, docs/statistics.md), not a citizenship.

Non-ISO codes that the standardiser returns:

- ``XKX`` Kosovo: the user-assigned code the IMF and the World Bank use (Eurostat and the
  European Commission use the alpha-2 ``XK``; ICAO uses ``RKS``). Read from all three.
- ``CHI`` Channel Islands: the code UN DESA and the World Bank use for Guernsey and Jersey
  together (UN M49 area 830); kept as is because it is not one ISO country.
"""

from __future__ import annotations

from mechelen.core.microdata.codes import OTHER_COUNTRY, STATELESS, UNKNOWN

KOSOVO = "XKX"
CHANNEL_ISLANDS = "CHI"

#: non-ISO country codes returned by the standardiser (besides the special codes)
EXTRA_COUNTRY_CODES = frozenset({KOSOVO, CHANNEL_ISLANDS})

#: codes (2 to 4 letters, compared upper-cased) that are not ISO 3166-1 codes of that country
CODE_ALIASES: dict[str, str] = {
    "EL": "GRC",  # Eurostat and the EU Interinstitutional Style Guide write Greece EL
    "UK": "GBR",  # ... and the United Kingdom UK
    "XK": KOSOVO,  # Eurostat, European Commission
    "XKX": KOSOVO,  # IMF, World Bank
    "RKS": KOSOVO,  # ICAO Doc 9303
    "CHI": CHANNEL_ISLANDS,  # UN DESA, World Bank
    "UAE": "ARE",
    "DRC": "COD",
    "STLS": STATELESS,  # Eurostat
    "XXA": STATELESS,  # ICAO Doc 9303
    "UNK": UNKNOWN,  # Eurostat (ICAO uses UNK for UNMIK documents: not read that way here)
    "XXU": UNKNOWN,
    "XXO": OTHER_COUNTRY,
    "XXX": OTHER_COUNTRY,  # UN DESA migrant stock: "other" origins
    "ETR": OTHER_COUNTRY,  # Statbel: étranger, a foreign national of an unnamed country
}

#: names pycountry does not know, in the four languages read; each maps to a code
NAME_ALIASES: dict[str, str] = {
    # other names of current countries
    "Holland": "NLD",
    "Great Britain": "GBR",
    "Britain": "GBR",
    "England": "GBR",
    "Scotland": "GBR",
    "Wales": "GBR",
    "Northern Ireland": "GBR",
    "Grande-Bretagne": "GBR",
    "Angleterre": "GBR",
    "Écosse": "GBR",
    "Groot-Brittannië": "GBR",
    "Engeland": "GBR",
    "Schotland": "GBR",
    "Gran Bretaña": "GBR",
    "Inglaterra": "GBR",
    "Escocia": "GBR",
    "Russia": "RUS",
    "Rusia": "RUS",
    "Biélorussie": "BLR",
    "Argelia": "DZA",  # pycountry's Spanish short name is left untranslated
    "Ivory Coast": "CIV",
    "Congo-Kinshasa": "COD",
    "Congo (Kinshasa)": "COD",
    "DR Congo": "COD",
    "RD Congo": "COD",
    "Congo-Brazzaville": "COG",
    "Congo (Brazzaville)": "COG",
    "Turkey": "TUR",
    "Macedonia": "MKD",
    "Former Yugoslav Republic of Macedonia": "MKD",
    "FYROM": "MKD",
    "Swaziland": "SWZ",
    "Cape Verde": "CPV",
    "Myanmar/Burma": "MMR",  # the EU's name
    "Faroes": "FRO",
    "Sint Maarten": "SXM",  # pycountry: "Sint Maarten (Dutch part)"; the island is shared
    "Saint Martin": "MAF",  # pycountry: "Saint Martin (French part)"
    "Pitcairn Islands": "PCN",
    "Bonaire, Saint Eustatius and Saba": "BES",
    "Palestinian Territories": "PSE",
    "Occupied Palestinian Territory": "PSE",
    "West Bank and Gaza": "PSE",
    "Vatican": "VAT",
    "Vatican City": "VAT",
    "East Germany": "DEU",
    "West Germany": "DEU",
    "Soviet Union": "SUN",
    "Union soviétique": "SUN",
    "Sovjet-Unie": "SUN",
    "Unión Soviética": "SUN",
    # Kosovo and the Channel Islands
    "Kosovo": KOSOVO,
    "Kosova": KOSOVO,
    "Kosovo under UNSCR 1244": KOSOVO,
    "Kosovo (UNSCR 1244/99)": KOSOVO,
    "Channel Islands": CHANNEL_ISLANDS,
    "Îles Anglo-Normandes": CHANNEL_ISLANDS,
    "Kanaaleilanden": CHANNEL_ISLANDS,
    "Islas del Canal": CHANNEL_ISLANDS,
    # the UCI Adult file (1994 US Current Population Survey), spelled as there
    "Holand-Netherlands": "NLD",
    "Trinadad&Tobago": "TTO",
    "Columbia": "COL",  # misspelt Colombia; no country is called Columbia
    "Hong": "HKG",  # "Hong Kong" cut at the space; no other country starts with Hong
    "Outlying-US(Guam-USVI-etc)": OTHER_COUNTRY,  # Guam (GUM), US Virgin Islands (VIR)...
    # "South" is deliberately absent: probably South Korea (the list has no Korea), but the
    # UCI documentation does not say; pass extra_aliases={"South": "KOR"} to accept that.
}

#: words for the special codes, English, French, Dutch and Spanish
SPECIAL_TERMS: dict[str, tuple[str, ...]] = {
    STATELESS: (
        "stateless",
        "stateless person",
        "no nationality",
        "without nationality",
        "apatride",
        "sans nationalité",
        "staatloos",
        "staatloze",
        "statenloos",
        "geen nationaliteit",
        "zonder nationaliteit",
        "apátrida",
        "sin nacionalidad",
    ),
    UNKNOWN: (
        "unknown",
        "not known",
        "not stated",
        "not specified",
        "unspecified",
        "unknown country",
        "n/a",
        "inconnu",
        "inconnue",
        "pays inconnu",
        "non déclaré",
        "non précisé",
        "onbekend",
        "onbekend land",
        "niet opgegeven",
        "desconocido",
        "desconocida",
        "no consta",
        "no especificado",
    ),
    OTHER_COUNTRY: (
        "other",
        "others",
        "other country",
        "other countries",
        "autre",
        "autres",
        "autre pays",
        "autres pays",
        "ander land",
        "andere landen",
        "overige",
        "overige landen",
        "otro",
        "otros",
        "otro país",
        "otros países",
    ),
}

#: historic ISO 3166-3 entries that lie wholly in one current country: renamed or absorbed.
#: Following the UN census recommendations (country of birth coded by today's borders), these
#: are returned as that country. Historic states split between several countries (CSK, SUN,
#: YUG, SCG, ANT, GEL, NTZ, PCI) keep their historic code.
HISTORIC_SUCCESSORS: dict[str, str] = {
    "AFI": "DJI",  # French Afars and Issas
    "ATB": "ATA",  # British Antarctic Territory
    "ATN": "ATA",  # Dronning Maud Land
    "BUR": "MMR",  # Burma
    "BYS": "BLR",  # Byelorussian SSR
    "CTE": "KIR",  # Canton and Enderbury Islands
    "DDR": "DEU",  # German Democratic Republic
    "DHY": "BEN",  # Dahomey
    "FXX": "FRA",  # France, Metropolitan
    "HVO": "BFA",  # Upper Volta
    "JTN": "UMI",  # Johnston Island
    "MID": "UMI",  # Midway Islands
    "NHB": "VUT",  # New Hebrides
    "PCZ": "PAN",  # Panama Canal Zone
    "PUS": "UMI",  # US Miscellaneous Pacific Islands
    "RHO": "ZWE",  # Southern Rhodesia
    "SKM": "IND",  # Sikkim
    "TMP": "TLS",  # East Timor
    "VDR": "VNM",  # Democratic Republic of Viet-Nam
    "WAK": "UMI",  # Wake Island
    "YMD": "YEM",  # People's Democratic Republic of Yemen
    "ZAR": "COD",  # Zaire
}
