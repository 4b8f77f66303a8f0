"""The result of standardising one value: a code and how it was found."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from mechelen.core.microdata.codes import OTHER_COUNTRY, STATELESS, UNKNOWN

Method = Literal[
    "alpha2",
    "alpha3",
    "numeric",
    "name:en",
    "name:fr",
    "name:nl",
    "name:es",
    "alias",
    "historic",
    "stateless",
    "unknown",
    "other",
    "missing",
    "none",
]

#: the method reported for each special code, however it was reached
SPECIAL_METHODS: dict[str, Method] = {
    STATELESS: "stateless",
    UNKNOWN: "unknown",
    OTHER_COUNTRY: "other",
}


@dataclass(frozen=True, slots=True)
class CountryMatch:
    """A standardised value: ``code`` is ISO 3166-1 alpha-3 (or a documented special or
    historic code), ``None`` when the value was not recognised; ``method`` says how it matched.
    """

    code: str | None
    method: Method

    @property
    def recognised(self) -> bool:
        return self.code is not None


def method_for(code: str, method: Method) -> Method:
    """``method``, unless ``code`` is a special code, which reports its own kind."""
    return SPECIAL_METHODS.get(code, method)


MISSING = CountryMatch(UNKNOWN, "missing")
STATED_UNKNOWN = CountryMatch(UNKNOWN, "unknown")
UNRECOGNISED = CountryMatch(None, "none")
