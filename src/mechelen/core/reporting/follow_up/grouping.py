"""Regroup a city's commitments, indicators and assessed sectors by global framework item.

A Voluntary Local Review is written by SDG target, a GCM review by objective, and a New Urban
Agenda report by theme: these groups let a city lift the right pieces into each. The links come
from the framework's crosswalk (commitments and sectors) and from what each indicator serves.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from mechelen.core.framework.model import REFERENCE_SCHEMES, Framework, Reference
from mechelen.core.framework.text import Text
from mechelen.core.reporting.follow_up.model import (
    CommitmentEntry,
    IndicatorEntry,
    ReferenceGroup,
    SchemeGroups,
)


def natural_key(code: str) -> tuple[tuple[int, int | str], ...]:
    """Sort ``10.c`` after ``10.7`` and ``17.18`` after ``17.2``: numbers as numbers."""
    parts = re.split(r"[.\-:]", code)
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts)


def _reference(framework: Framework, key: str) -> Reference:
    found = framework.reference(key)
    if found is not None:
        return found
    scheme, _, code = key.partition(":")
    return Reference(scheme=scheme, code=code, title=Text({"en": key}))


def commitment_links(framework: Framework, entry: CommitmentEntry) -> tuple[str, ...]:
    """The framework items a commitment of the Declaration serves (none for an own one)."""
    if entry.paragraph is None:
        return ()
    item = next((c for c in framework.commitments if c.paragraph == entry.paragraph), None)
    if item is None:
        return ()
    return tuple(dict.fromkeys(link.target for link in item.crosswalk))


def sector_links(framework: Framework, sector_id: str) -> tuple[str, ...]:
    try:
        sector = framework.sector(sector_id)
    except KeyError:
        return ()
    return tuple(dict.fromkeys(link.target for link in sector.crosswalk))


def group_by_reference(
    framework: Framework,
    commitments: Iterable[CommitmentEntry],
    indicators: Iterable[IndicatorEntry],
    sectors: Iterable[str] = (),
) -> tuple[SchemeGroups, ...]:
    """One :class:`SchemeGroups` per scheme (GCM, SDG, NUA), each item with what serves it.

    Items nothing serves are left out. Items follow the framework's order of references;
    items it does not list come after, in natural order of their codes.
    """
    found: dict[str, tuple[list[CommitmentEntry], list[IndicatorEntry], list[str]]] = {}

    def slot(key: str) -> tuple[list[CommitmentEntry], list[IndicatorEntry], list[str]]:
        return found.setdefault(key, ([], [], []))

    for commitment in commitments:
        for key in commitment_links(framework, commitment):
            slot(key)[0].append(commitment)
    for indicator in indicators:
        for key in dict.fromkeys(indicator.serves.references):
            slot(key)[1].append(indicator)
    for sector_id in sectors:
        for key in sector_links(framework, sector_id):
            slot(key)[2].append(sector_id)

    order = {ref.key: index for index, ref in enumerate(framework.references)}
    schemes = []
    for scheme in REFERENCE_SCHEMES:
        keys = [k for k in found if k.split(":", 1)[0] == scheme]
        keys.sort(key=lambda k: (order.get(k, len(order)), natural_key(k.split(":", 1)[1])))
        groups = tuple(
            ReferenceGroup(
                reference=_reference(framework, key),
                commitments=tuple(found[key][0]),
                indicators=tuple(found[key][1]),
                sectors=tuple(found[key][2]),
            )
            for key in keys
        )
        if groups:
            schemes.append(SchemeGroups(scheme, groups))
    return tuple(schemes)
