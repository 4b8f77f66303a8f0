"""Standard codes of the dimensions every dataset is standardised to.

Country of birth and citizenship use ISO 3166-1 alpha-3 plus the special codes below; sex uses
SDMX codes; migratory status is derived from country of birth and citizenship only, whatever
a person's legal status (UN recommendation), and is never read from a file; the engine derives
it in SQL at ingest (``mechelen.engine.ingest.pipeline``) from the codes below.
"""

from __future__ import annotations

from mechelen.core.tabulation.hierarchy import TOTAL

#: stateless person (ICAO Doc 9303 code, also used by UN DESA)
STATELESS = "XXA"
#: country not known or not stated
UNKNOWN = "XXU"
#: another country that the source does not name (e.g. Statbel's "ETR", foreign national)
OTHER_COUNTRY = "XXO"

SEX_CODES = ("F", "M")
SEX_UNKNOWN = "_U"

# derived statuses
NATIVE_BORN, FOREIGN_BORN = "native-born", "foreign-born"
CITIZEN, NON_CITIZEN = "citizen", "non-citizen"
STATELESS_STATUS = "stateless"
UNKNOWN_STATUS = "unknown"

BIRTH_STATUSES = (NATIVE_BORN, FOREIGN_BORN, UNKNOWN_STATUS)
CITIZENSHIP_STATUSES = (CITIZEN, NON_CITIZEN, STATELESS_STATUS, UNKNOWN_STATUS)

#: reasons for migration (UNECE Conference of European Statisticians categories)
REASONS_FOR_MIGRATION = (
    "family",
    "work",
    "education",
    "international-protection",
    "other",
    "unknown",
)

__all__ = [
    "BIRTH_STATUSES",
    "CITIZEN",
    "CITIZENSHIP_STATUSES",
    "FOREIGN_BORN",
    "NATIVE_BORN",
    "NON_CITIZEN",
    "OTHER_COUNTRY",
    "REASONS_FOR_MIGRATION",
    "SEX_CODES",
    "SEX_UNKNOWN",
    "STATELESS",
    "STATELESS_STATUS",
    "TOTAL",
    "UNKNOWN",
    "UNKNOWN_STATUS",
]
