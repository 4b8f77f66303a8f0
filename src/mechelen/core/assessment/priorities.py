"""Priorities of the sectors from their gap, their urgency and their interdependence.

The method (documented with a worked example in docs/assessment-method.md):

* gap      = how far the sector's consensus scores sit below the top of the scale, as a share
             of the scale (mean over the dimensions that were answered), from 0 to 1;
* urgency  = the consensus urgency rating as a share of the urgency scale, from 0 to 1;
* need     = gap x ((1 - w) + w x urgency), with w the urgency weight (0.5 by default);
* priority = need + the sum, over every sector it blocks directly or indirectly, of
             decay^distance x that sector's need (decay 0.5 by default, distance in edges).

With decay below 1, raising a sector's gap or urgency raises its own priority more than that
of any sector blocking it, so its rank never drops; and a sector that blocks others never
ranks below an identical sector that blocks nothing.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from statistics import fmean

from mechelen.core.assessment.aggregation import AggregateResult
from mechelen.core.framework.graph import blocked_by, distances_from
from mechelen.core.framework.model import Framework


@dataclass(frozen=True)
class PriorityMethod:
    """Parameters of the priority score; the defaults are documented in docs/."""

    urgency_weight: float = 0.5
    decay: float = 0.5
    #: urgency assumed (share of the scale) for a sector nobody rated for urgency
    missing_urgency: float = 0.5

    def __post_init__(self) -> None:
        if not 0.0 <= self.urgency_weight <= 1.0:
            raise ValueError("urgency_weight must lie between 0 and 1")
        if not 0.0 <= self.decay < 1.0:
            raise ValueError("decay must lie in [0, 1)")
        if not 0.0 <= self.missing_urgency <= 1.0:
            raise ValueError("missing_urgency must lie between 0 and 1")

    def need(self, gap: float, urgency: float) -> float:
        return gap * ((1.0 - self.urgency_weight) + self.urgency_weight * urgency)


@dataclass(frozen=True)
class SectorInput:
    """What the priority of a sector is computed from, all as shares from 0 to 1."""

    sector_id: str
    gap: float | None  # None: no dimension of the sector was answered
    urgency: float | None  # None: nobody rated the sector's urgency


@dataclass(frozen=True)
class Blocked:
    sector_id: str
    distance: int
    contribution: float


@dataclass(frozen=True)
class PriorityScore:
    sector_id: str
    rank: int
    score: float
    need: float
    gap: float | None
    urgency: float | None
    urgency_assumed: bool
    blocks: tuple[Blocked, ...]  # sectors it blocks that need work, largest contribution first

    @property
    def assessed(self) -> bool:
        return self.gap is not None


@dataclass(frozen=True)
class WorkStep:
    sector_id: str
    rank: int
    waits_for: tuple[str, ...]  # nearest sectors needing work that block this one


def sector_inputs(framework: Framework, result: AggregateResult) -> tuple[SectorInput, ...]:
    """Gap and urgency per sector, as shares of their scales, from aggregated answers."""
    top = framework.max_score
    top_urgency = framework.max_urgency
    inputs = []
    for sector in framework.sectors:
        consensus = [
            c.consensus
            for c in result.cells
            if c.question.sector_id == sector.id and c.consensus is not None
        ]
        gap = fmean((top - c) / top for c in consensus) if consensus and top else None
        urgency_cell = result.urgency_of(sector.id)
        urgency = (
            urgency_cell.consensus / top_urgency
            if urgency_cell.consensus is not None and top_urgency
            else None
        )
        inputs.append(SectorInput(sector.id, gap, urgency))
    return tuple(inputs)


def prioritise(
    framework: Framework,
    inputs: tuple[SectorInput, ...],
    method: PriorityMethod | None = None,
) -> tuple[PriorityScore, ...]:
    """Score and rank the sectors, highest priority first; unassessed sectors come last."""
    method = method or PriorityMethod()
    order = {s.id: i for i, s in enumerate(framework.sectors)}
    needs: dict[str, float] = {}
    for item in inputs:
        urgency = method.missing_urgency if item.urgency is None else item.urgency
        needs[item.sector_id] = 0.0 if item.gap is None else method.need(item.gap, urgency)
    graph = blocked_by(framework.dependencies)
    unranked = []
    for item in inputs:
        blocks = sorted(
            (
                Blocked(target, distance, method.decay**distance * needs.get(target, 0.0))
                for target, distance in distances_from(graph, item.sector_id).items()
            ),
            key=lambda b: (-b.contribution, b.distance, order.get(b.sector_id, 0)),
        )
        score = needs[item.sector_id] + sum(b.contribution for b in blocks)
        unranked.append((item, score, tuple(b for b in blocks if b.contribution > 0), len(blocks)))
    # scores are compared at 12 decimals so that rounding noise in the sums never breaks a tie
    unranked.sort(
        key=lambda row: (
            row[0].gap is None,
            -round(row[1], 12),
            -row[3],
            order.get(row[0].sector_id, 0),
        )
    )
    return tuple(
        PriorityScore(
            sector_id=item.sector_id,
            rank=rank,
            score=score,
            need=needs[item.sector_id],
            gap=item.gap,
            urgency=item.urgency,
            urgency_assumed=item.urgency is None,
            blocks=blocks,
        )
        for rank, (item, score, blocks, _) in enumerate(unranked, start=1)
    )


def order_of_work(
    framework: Framework, priorities: tuple[PriorityScore, ...]
) -> tuple[WorkStep, ...]:
    """Sectors that need work, highest priority first, but never before a sector blocking them.

    Each step names the nearest sectors it waits for: those blocking it, directly or through
    sectors that need no work, with no other sector needing work in between.
    """
    needing = {p.sector_id: p for p in priorities if p.assessed and p.need > 0}
    graph = blocked_by(framework.dependencies)
    reach = {sector: set(distances_from(graph, sector)) for sector in needing}
    waits_for = {
        target: {blocker for blocker in needing if target in reach[blocker]} for target in needing
    }
    nearest = {
        target: {b for b in blockers if not any(c in reach[b] for c in blockers if c != b)}
        for target, blockers in waits_for.items()
    }
    remaining = {sector: set(blockers) for sector, blockers in waits_for.items()}
    ready = [(needing[s].rank, s) for s, blockers in remaining.items() if not blockers]
    heapq.heapify(ready)
    steps: list[WorkStep] = []
    while ready:
        _, sector = heapq.heappop(ready)
        waits = tuple(sorted(nearest[sector], key=lambda s: needing[s].rank))
        steps.append(WorkStep(sector, needing[sector].rank, waits))
        for other, blockers in remaining.items():
            if sector in blockers:
                blockers.discard(sector)
                if not blockers:
                    heapq.heappush(ready, (needing[other].rank, other))
    return tuple(steps)
