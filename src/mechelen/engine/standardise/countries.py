"""Standardise country of birth and citizenship values to ISO 3166-1 alpha-3.

Administrative files write countries in many ways: ``"BE"``, ``"BEL"``, ``56``, ``"056"``,
``"Belgique"``, ``"België"``, ``"Bélgica"``, ``" United-States"``, ``"UK"``, ``"Yugoslavia"``,
``"apatride"``, ``"?"``. :class:`CountryStandardiser` turns each into one code and says how it
matched (:class:`~mechelen.engine.standardise.match.CountryMatch`).

What it reads, ignoring case, accents, spacing and punctuation:

- ISO 3166-1 alpha-2, alpha-3 and numeric codes (``"56"``, ``"056"``, ``56``, ``56.0``);
- names, official names and common names in English, French, Dutch and Spanish, from pycountry
  and its bundled translations (see :mod:`.country_index`);
- historic countries (ISO 3166-3) by code and name: states split between several of today's
  countries keep their historic code (``YUG``, ``SUN``, ``CSK``, ``SCG``, ``ANT``); renamed or
  absorbed ones become today's country (``"Zaire"`` -> ``COD``, ``"DDR"`` -> ``DEU``), following
  the UN census recommendation to code country of birth by present borders;
- the small alias table of :mod:`.aliases` (Eurostat's ``EL`` and ``UK``, Kosovo, ``"Holland"``,
  ``"Ivory Coast"``, the UCI Adult spellings...) and the special values: stateless ``XXA``,
  unknown ``XXU``, other (unnamed) country ``XXO``; the choice of these codes and their sources
  are documented in :mod:`.aliases`.

Missing values (``None``, NaN, pandas' NA, an empty or blank string) give
``CountryMatch("XXU", "missing")``: unknown, but told apart from a stated "unknown" (method
``"unknown"``) so that callers may treat them as missing. A value made only of punctuation
(``"?"``, ``"-"``) is a stated unknown. Anything else that is not recognised gives
``CountryMatch(None, "none")``.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Hashable, Iterable, Mapping

from mechelen.core.microdata.codes import OTHER_COUNTRY, STATELESS, UNKNOWN
from mechelen.core.problems import Problem, ProblemsFound
from mechelen.engine.standardise.country_index import CountryIndex, country_index
from mechelen.engine.standardise.match import (
    MISSING,
    SPECIAL_METHODS,
    STATED_UNKNOWN,
    UNRECOGNISED,
    CountryMatch,
    method_for,
)
from mechelen.engine.standardise.text_keys import (
    code_key,
    has_word,
    name_key,
    numeric_key,
    words,
)

__all__ = ["OTHER_COUNTRY", "STATELESS", "UNKNOWN", "CountryMatch", "CountryStandardiser"]

#: words an extra alias may map to instead of a code
_SPECIAL_WORDS: dict[str, str] = {method: code for code, method in SPECIAL_METHODS.items()}
#: type names of the missing-value markers of pandas (checked by name: no pandas import here)
_MISSING_TYPES = frozenset({"NAType", "NaTType"})


class CountryStandardiser:
    """Map country values to ISO 3166-1 alpha-3 codes.

    ``extra_aliases`` maps source-specific values to a code or to one of the words
    ``"stateless"``, ``"unknown"``, ``"other"``, e.g. ``{"South": "KOR", "ETR": "other"}``;
    its keys are compared ignoring case, accents, spacing and punctuation, and win over
    everything else. An alias to a code the standardiser cannot return raises
    :class:`~mechelen.core.problems.ProblemsFound` (``standardise.E001``; ``standardise.E002``
    for an alias without any letter or digit).
    """

    def __init__(self, extra_aliases: Mapping[str, str] | None = None) -> None:
        self._index: CountryIndex = country_index()
        self._extra: dict[str, CountryMatch] = {}
        problems: list[Problem] = []
        for alias, target in (extra_aliases or {}).items():
            code = self._target_code(target)
            key = "".join(words(alias))
            if code is None:
                problems.append(Problem("standardise.E001", {"alias": alias, "code": target}))
            elif not key:
                problems.append(Problem("standardise.E002", {"alias": alias}))
            else:
                self._extra[key] = CountryMatch(code, method_for(code, "alias"))
        if problems:
            raise ProblemsFound(problems)

    def _target_code(self, target: str) -> str | None:
        cleaned = target.strip()
        if cleaned.casefold() in _SPECIAL_WORDS:
            return _SPECIAL_WORDS[cleaned.casefold()]
        code = cleaned.upper()
        return code if code in self._index.output_codes else None

    @property
    def output_codes(self) -> frozenset[str]:
        """Every code a match can carry: current ISO codes, kept historic, special, XKX, CHI."""
        return self._index.output_codes

    def standardise(self, value: object) -> CountryMatch:
        """The code of one value (a string, an integer ISO numeric code, or a missing value)."""
        if value is None:
            return MISSING
        if isinstance(value, str):
            return self._from_text(value)
        if isinstance(value, bool):
            return UNRECOGNISED
        if isinstance(value, numbers.Integral):
            return self._from_numeric(int(value))
        if isinstance(value, numbers.Real):
            number = float(value)
            if math.isnan(number):
                return MISSING
            return self._from_numeric(int(number)) if number.is_integer() else UNRECOGNISED
        if type(value).__name__ in _MISSING_TYPES:
            return MISSING
        return UNRECOGNISED

    def standardise_many(self, values: Iterable[Hashable]) -> dict[Hashable, CountryMatch]:
        """The match of each distinct value, keyed by the value as given.

        Each distinct value is standardised once, so a column of millions of rows with a few
        hundred distinct values costs little more than one pass over it; the result can be
        used directly as a lookup table (``{value: match.code}``).
        """
        return {value: self.standardise(value) for value in dict.fromkeys(values)}

    def _from_numeric(self, number: int) -> CountryMatch:
        if not 0 <= number <= 999:
            return UNRECOGNISED
        return self._index.numerics.get(f"{number:03d}", UNRECOGNISED)

    def _from_text(self, text: str) -> CountryMatch:
        if not text.strip():
            return MISSING
        if not has_word(text):
            return STATED_UNKNOWN
        if self._extra:
            extra = self._extra.get("".join(words(text)))
            if extra is not None:
                return extra
        numeric = numeric_key(text)
        if numeric is not None:
            return self._index.numerics.get(numeric, UNRECOGNISED)
        code = code_key(text)
        if code is not None:
            match = self._index.codes.get(code)
            if match is not None:
                return match
        return self._index.names.get(name_key(text)) or UNRECOGNISED
