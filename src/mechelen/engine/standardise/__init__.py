"""Standardise values from administrative files to Mechelen's standard codes.

- :mod:`.countries`: country of birth and citizenship to ISO 3166-1 alpha-3 (pycountry),
  with the special codes for stateless (``XXA``), unknown (``XXU``) and other (``XXO``);
- :mod:`.country_groups`: continent (UN M49 region) and the country groups of the
  "country of birth group" and "citizenship group" tables.
"""

from __future__ import annotations

from mechelen.core.microdata.codes import OTHER_COUNTRY, STATELESS, UNKNOWN
from mechelen.engine.standardise.countries import CountryStandardiser
from mechelen.engine.standardise.country_groups import (
    EU27,
    GROUP_ORDER,
    continent_of,
    country_group,
    group_order,
)
from mechelen.engine.standardise.match import CountryMatch, Method

__all__ = [
    "EU27",
    "GROUP_ORDER",
    "OTHER_COUNTRY",
    "STATELESS",
    "UNKNOWN",
    "CountryMatch",
    "CountryStandardiser",
    "Method",
    "continent_of",
    "country_group",
    "group_order",
]
