"""The picture of a network: who endorsed, which commitments are taken and achieved, the shared
assessment results and the published indicators of its members, side by side.

Only what members share reaches it: assessment rounds a city chose to share with its networks,
indicator values from published figures, public commitments.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from statistics import fmean

from mechelen.core.framework.model import Framework
from mechelen.core.reporting.assessment_report import AssessmentReport
from mechelen.core.reporting.follow_up.model import CommitmentEntry, Place


@dataclass(frozen=True)
class Member:
    key: str  # the city's slug
    place: Place

    @property
    def endorsed(self) -> bool:
        return self.place.endorsed_on is not None


@dataclass(frozen=True)
class CommitmentTally:
    """How many members took a commitment of the Declaration, and how many achieved it."""

    paragraph: int
    taken: int
    achieved: int


@dataclass(frozen=True)
class SectorAcross:
    """A sector's average consensus across the members that shared an assessment."""

    sector_id: str
    cities: int
    mean: float | None
    low: float | None
    high: float | None


@dataclass(frozen=True)
class CityValue:
    city: str
    year: int
    value: float


@dataclass(frozen=True)
class IndicatorAcross:
    """One indicator, compared on the members' published figures."""

    indicator_id: str
    label: str
    unit: str
    values: tuple[CityValue, ...]


@dataclass(frozen=True)
class CountryCount:
    country: str  # ISO 3166-1 alpha-3
    members: int
    endorsed: int


@dataclass(frozen=True)
class NetworkReport:
    framework: Framework
    name: str
    description: str
    members: tuple[Member, ...]
    countries: tuple[CountryCount, ...]
    commitments: tuple[CommitmentTally, ...]
    sectors: tuple[SectorAcross, ...]
    assessed: tuple[str, ...]  # names of the members whose shared round is counted
    indicators: tuple[IndicatorAcross, ...]

    @property
    def endorsed(self) -> int:
        return sum(1 for m in self.members if m.endorsed)

    @property
    def fictional(self) -> bool:
        return any(m.place.fictional for m in self.members)

    @property
    def most_taken(self) -> tuple[CommitmentTally, ...]:
        return tuple(sorted(self.commitments, key=lambda t: (-t.taken, t.paragraph)))

    @property
    def most_achieved(self) -> tuple[CommitmentTally, ...]:
        found = [t for t in self.commitments if t.achieved]
        return tuple(sorted(found, key=lambda t: (-t.achieved, -t.taken, t.paragraph)))


def count_countries(members: Iterable[Member]) -> tuple[CountryCount, ...]:
    members = list(members)
    total = Counter(m.place.country for m in members)
    endorsed = Counter(m.place.country for m in members if m.endorsed)
    return tuple(
        CountryCount(country, total[country], endorsed[country]) for country in sorted(total)
    )


def tally_commitments(
    by_member: Mapping[str, Iterable[CommitmentEntry]],
) -> tuple[CommitmentTally, ...]:
    """Per paragraph of the Declaration: members that took it (dropped ones do not count) and
    members that achieved it."""
    taken: Counter[int] = Counter()
    achieved: Counter[int] = Counter()
    for entries in by_member.values():
        for paragraph, status in {
            e.paragraph: e.status for e in entries if e.paragraph is not None
        }.items():
            if status == "dropped":
                continue
            taken[paragraph] += 1
            if status == "achieved":
                achieved[paragraph] += 1
    return tuple(CommitmentTally(p, taken[p], achieved[p]) for p in sorted(taken))


def sectors_across(
    framework: Framework, shared: Mapping[str, AssessmentReport]
) -> tuple[SectorAcross, ...]:
    """Each sector's consensus averaged over its dimensions in each city, then across cities."""
    rows = []
    for sector in framework.sectors:
        per_city = []
        for key in sorted(shared):
            scores = [
                c.consensus
                for c in shared[key].aggregate.cells
                if c.question.sector_id == sector.id and c.consensus is not None
            ]
            if scores:
                per_city.append(fmean(scores))
        rows.append(
            SectorAcross(
                sector.id,
                len(per_city),
                fmean(per_city) if per_city else None,
                min(per_city) if per_city else None,
                max(per_city) if per_city else None,
            )
        )
    return tuple(rows)


def build_network_report(
    framework: Framework,
    name: str,
    description: str,
    members: Iterable[Member],
    commitments: Mapping[str, Iterable[CommitmentEntry]],
    shared: Mapping[str, AssessmentReport],
    indicators: Iterable[IndicatorAcross] = (),
) -> NetworkReport:
    """``commitments`` and ``shared`` are keyed by member key; only members count."""
    ordered = tuple(sorted(members, key=lambda m: (m.place.name.casefold(), m.key)))
    keys = {m.key for m in ordered}
    names = {m.key: m.place.name for m in ordered}
    shared_here = {k: r for k, r in shared.items() if k in keys and r.respondent_count}
    return NetworkReport(
        framework=framework,
        name=name,
        description=description,
        members=ordered,
        countries=count_countries(ordered),
        commitments=tally_commitments({k: v for k, v in commitments.items() if k in keys}),
        sectors=sectors_across(framework, shared_here),
        assessed=tuple(sorted(names[k] for k in shared_here)),
        indicators=tuple(
            IndicatorAcross(
                i.indicator_id,
                i.label,
                i.unit,
                tuple(sorted((v for v in i.values), key=lambda v: v.city.casefold())),
            )
            for i in indicators
            if i.values
        ),
    )
