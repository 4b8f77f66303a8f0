"""A network's picture as the core's model, from what its members publish or share with it.

Public commitments, the latest closed round each member shares with its networks (with its
results) and the indicators compared on values computed from published releases: a member's
follow-up as a visitor sees it (the policy's ``visible_…`` for a visitor), never more.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from mechelen.core.reporting.follow_up import CommitmentEntry, RoundSummary
from mechelen.core.reporting.follow_up.network import (
    CityValue,
    IndicatorAcross,
    Member,
    NetworkReport,
    build_network_report,
)
from mechelen.web.commitments import policy as commitment_policy
from mechelen.web.followup.change.rounds import ClosedRounds
from mechelen.web.followup.indicators.progress import indicator_progress
from mechelen.web.followup.indicators.specs import catalogue
from mechelen.web.followup.report.city import place_of
from mechelen.web.framework_data import framework
from mechelen.web.tenancy.access import VISITOR
from mechelen.web.tenancy.models import Network, Organisation


def shared_rounds(members: Iterable[Organisation]) -> dict[str, RoundSummary]:
    """Each member's latest closed round shared with its networks, with its results, by the
    member's slug (a member that shares none is left out)."""
    found = {}
    for member in members:
        rounds = ClosedRounds(member)
        chosen = rounds.latest_shared
        if chosen is not None:
            found[member.slug] = rounds.summary(chosen)
    return found


def _compared(members: Iterable[Organisation], lang: str) -> tuple[IndicatorAcross, ...]:
    found: dict[str, tuple[str, str, list[CityValue]]] = {}
    for member in members:
        for row in indicator_progress(member, lang, VISITOR):
            latest = row.latest_published  # compared on published figures, never by hand
            if latest is None:
                continue
            slot = found.setdefault(row.spec.id, (row.label, row.unit, []))
            value = latest.observation
            slot[2].append(CityValue(member.name, value.year, value.value))
    order = {indicator_id: n for n, indicator_id in enumerate(catalogue().ids)}
    return tuple(
        IndicatorAcross(key, label, unit, tuple(values))
        for key, (label, unit, values) in sorted(
            found.items(), key=lambda item: (order.get(item[0], len(order)), item[0])
        )
    )


def network_report(
    network: Network, lang: str, shared: Mapping[str, RoundSummary] | None = None
) -> NetworkReport:
    """The network's picture; ``shared``: the members' :func:`shared_rounds`, when the caller
    has them already."""
    members = list(network.members.all())
    commitments: dict[str, list[CommitmentEntry]] = {}
    for member in members:
        commitments[member.slug] = [
            CommitmentEntry(
                key=f"p{item.paragraph}" if item.paragraph else f"own:{item.pk}",
                title=item.own_title,
                status=item.status,
                paragraph=item.paragraph,
            )
            for item in commitment_policy.visible_commitments(VISITOR, member)
        ]
    if shared is None:
        shared = shared_rounds(members)
    return build_network_report(
        framework(),
        network.name,
        network.description,
        [Member(m.slug, place_of(m)) for m in members],
        commitments,
        {slug: summary.report for slug, summary in shared.items() if summary.report is not None},
        _compared(members, lang),
    )
