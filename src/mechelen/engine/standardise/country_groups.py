"""Country groups for "country of birth group" and "citizenship group" tables.

One grouping serves both, from a standardised code (see :mod:`.countries`):

========================  ==============================================================
group                     codes
========================  ==============================================================
own country (``"BEL"``)   the reporting country, configurable
``EU27 (other)``          the other member states of the EU since 1 February 2020
``Other Europe``          the rest of M49 region Europe (150), with Kosovo ``XKX``, the
                          Channel Islands ``CHI``, and ``SUN``, ``YUG``, ``SCG``
``Africa``                M49 region 002
``Asia``                  M49 region 142 (so Turkey, Georgia, Armenia and Azerbaijan, as in
                          M49; Cyprus is in the EU27)
``Americas``              M49 region 019
``Oceania``               M49 region 009
``Other``                 another country the source does not name (``XXO``), and
                          Antarctica, which belongs to no M49 region
``Stateless``             ``XXA``
``Unknown``               ``XXU`` or not recognised (``None``)
========================  ==============================================================

Regions come from the UN M49 table of :mod:`.m49`. Historic codes are placed by their territory:
``CSK`` (both successors in the EU) is in ``EU27 (other)``. Territories with their own ISO code
(Réunion, French Guiana, Åland...) are placed by their own M49 region, not their state's.

The labels are English; a table translates them where it is shown.
"""

from __future__ import annotations

from mechelen.core.microdata.codes import OTHER_COUNTRY, STATELESS, UNKNOWN
from mechelen.core.problems import Problem, ProblemsFound
from mechelen.engine.standardise.m49 import m49_area_names, m49_placements

EU27_OTHER = "EU27 (other)"
OTHER_EUROPE = "Other Europe"
OTHER = "Other"
STATELESS_GROUP = "Stateless"
UNKNOWN_GROUP = "Unknown"
EUROPE = "150"

#: group labels in table order, after the own country
GROUP_ORDER = (
    EU27_OTHER,
    OTHER_EUROPE,
    "Africa",
    "Asia",
    "Americas",
    "Oceania",
    OTHER,
    STATELESS_GROUP,
    UNKNOWN_GROUP,
)

#: the member states of the European Union since 1 February 2020, from the M49 data file
EU27: frozenset[str] = frozenset(
    code
    for code, placement in m49_placements().items()
    if placement.eu27 and len(code) == 3 and code != "CSK"
)


def continent_of(code: str) -> str | None:
    """The M49 region of ``code``: Africa, Americas, Asia, Europe or Oceania.

    ``None`` for codes without a region: the special codes and Antarctica. Raises
    :class:`~mechelen.core.problems.ProblemsFound` (``standardise.E003``) for a code the
    standardiser never returns.
    """
    placement = m49_placements().get(code)
    if placement is None:
        if code in (STATELESS, UNKNOWN, OTHER_COUNTRY):
            return None
        raise ProblemsFound([Problem("standardise.E003", {"code": code})])
    return m49_area_names()[placement.region] if placement.region else None


def country_group(code: str | None, own_country: str = "BEL") -> str:
    """The group of a standardised code; ``own_country`` is returned as its own group."""
    if own_country not in m49_placements():
        raise ProblemsFound([Problem("standardise.E003", {"code": own_country})])
    if code is None or code == UNKNOWN:
        return UNKNOWN_GROUP
    if code == STATELESS:
        return STATELESS_GROUP
    if code == own_country:
        return own_country
    if code == OTHER_COUNTRY:
        return OTHER
    placement = m49_placements().get(code)
    if placement is None:
        raise ProblemsFound([Problem("standardise.E003", {"code": code})])
    if placement.eu27:
        return EU27_OTHER
    if placement.region is None:
        return OTHER
    if placement.region == EUROPE:
        return OTHER_EUROPE
    return m49_area_names()[placement.region]


def group_order(own_country: str = "BEL") -> tuple[str, ...]:
    """Every group label in table order, the own country first."""
    return (own_country, *GROUP_ORDER)
