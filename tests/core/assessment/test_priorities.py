"""Priorities rise with gap, urgency and what a sector blocks; the order of work respects it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mechelen.core.assessment.priorities import (
    PriorityMethod,
    SectorInput,
    order_of_work,
    prioritise,
)
from tests.core.assessment.frameworks import make_framework

SECTORS = [f"s{i}" for i in range(6)]
shares = st.floats(0, 1, allow_nan=False)
maybe_shares = st.one_of(st.none(), shares)


@st.composite
def dags(draw: st.DrawFn) -> list[tuple[str, str]]:
    """Random acyclic dependencies: an edge only from a lower to a higher sector number."""
    pairs = [(a, b) for i, a in enumerate(SECTORS) for b in SECTORS[i + 1 :]]
    return draw(st.lists(st.sampled_from(pairs), unique=True, max_size=10))


@st.composite
def situations(draw: st.DrawFn) -> tuple[list[tuple[str, str]], tuple[SectorInput, ...]]:
    edges = draw(dags())
    inputs = tuple(SectorInput(s, draw(maybe_shares), draw(maybe_shares)) for s in SECTORS)
    return edges, inputs


def ranks(
    edges: list[tuple[str, str]], inputs: tuple[SectorInput, ...]
) -> dict[str, tuple[int, float]]:
    framework = make_framework(SECTORS, edges)
    return {p.sector_id: (p.rank, p.score) for p in prioritise(framework, inputs)}


def test_worked_example_from_the_docs() -> None:
    # docs/assessment-method.md: documents block shelter, shelter blocks education
    framework = make_framework(
        ["documents", "shelter", "education"], [("documents", "shelter"), ("shelter", "education")]
    )
    inputs = (
        SectorInput("documents", gap=0.5, urgency=0.75),
        SectorInput("shelter", gap=0.6, urgency=1.0),
        SectorInput("education", gap=0.4, urgency=0.5),
    )
    result = {p.sector_id: p for p in prioritise(framework, inputs)}
    assert result["documents"].need == pytest.approx(0.4375)
    assert result["shelter"].need == pytest.approx(0.6)
    assert result["education"].need == pytest.approx(0.3)
    assert result["shelter"].score == pytest.approx(0.6 + 0.5 * 0.3)
    assert result["documents"].score == pytest.approx(0.4375 + 0.5 * 0.6 + 0.25 * 0.3)
    assert [p.sector_id for p in prioritise(framework, inputs)] == [
        "documents",
        "shelter",
        "education",
    ]
    assert [s.sector_id for s in order_of_work(framework, prioritise(framework, inputs))] == [
        "documents",
        "shelter",
        "education",
    ]


@given(situations(), st.sampled_from(SECTORS), shares, st.sampled_from(["gap", "urgency"]))
def test_raising_gap_or_urgency_never_lowers_a_sector(situation, sector, new_value, field) -> None:  # type: ignore[no-untyped-def]
    edges, inputs = situation
    old = next(i for i in inputs if i.sector_id == sector)
    current = getattr(old, field)
    if current is not None and new_value < current:
        return
    if field == "gap" and old.gap is None:
        return  # an unassessed sector is not ranked by gap
    raised = tuple(
        SectorInput(
            i.sector_id, *((new_value, i.urgency) if field == "gap" else (i.gap, new_value))
        )
        if i.sector_id == sector
        else i
        for i in inputs
    )
    before, after = ranks(edges, inputs)[sector], ranks(edges, raised)[sector]
    if current is not None:
        assert after[1] >= before[1] - 1e-12
        assert after[0] <= before[0]


@given(dags(), shares, shares)
def test_a_sector_others_depend_on_never_ranks_below_an_identical_free_one(
    edges: list[tuple[str, str]], gap: float, urgency: float
) -> None:
    framework = make_framework([*SECTORS, "free"], edges)
    blockers = {a for a, _ in edges}
    if not blockers:
        return
    blocker = sorted(blockers)[0]
    inputs = tuple(
        SectorInput(s, gap, urgency) if s in (blocker, "free") else SectorInput(s, 0.3, 0.5)
        for s in [*SECTORS, "free"]
    )
    rank = {p.sector_id: p.rank for p in prioritise(framework, inputs)}
    assert rank[blocker] < rank["free"]


@given(situations())
def test_order_of_work_never_puts_a_sector_before_its_blocker(situation) -> None:  # type: ignore[no-untyped-def]
    edges, inputs = situation
    framework = make_framework(SECTORS, edges)
    priorities = prioritise(framework, inputs)
    steps = [s.sector_id for s in order_of_work(framework, priorities)]
    needing = {p.sector_id for p in priorities if p.assessed and p.need > 0}
    assert set(steps) == needing
    position = {s: i for i, s in enumerate(steps)}
    reach = {a: set() for a in SECTORS}
    for a, b in sorted(edges, key=lambda e: e[0], reverse=True):
        reach[a] |= {b} | reach[b]
    for a in needing:
        for b in reach[a] & needing:
            assert position[a] < position[b]


def test_unassessed_sectors_come_last_and_missing_urgency_is_assumed() -> None:
    framework = make_framework(["a", "b"])
    result = prioritise(framework, (SectorInput("a", None, None), SectorInput("b", 0.1, None)))
    assert [p.sector_id for p in result] == ["b", "a"]
    assert result[0].urgency_assumed and result[0].need == pytest.approx(0.1 * 0.75)


@pytest.mark.parametrize(
    "kwargs", [{"decay": 1.0}, {"urgency_weight": -0.1}, {"missing_urgency": 2}]
)
def test_method_parameters_are_checked(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        PriorityMethod(**kwargs)
