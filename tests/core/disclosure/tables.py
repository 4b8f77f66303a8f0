"""Tables for the disclosure tests: small worked examples and a hypothesis strategy."""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

import numpy as np
from hypothesis import strategies as st

from mechelen.core.tabulation.hierarchy import TOTAL, Hierarchy
from mechelen.core.tabulation.table import CellTable, full_table_from_leaves

SMALL_AND_LARGE = (0, 1, 2, 3, 5, 8, 12, 20, 35, 60)


def two_by_two(small: int = 3) -> CellTable:
    """Rows a, b by columns x, y with margins; (a, x) is small."""
    rows = Hierarchy.flat("row", ["a", "b"])
    columns = Hierarchy.flat("col", ["x", "y"])
    return full_table_from_leaves(
        "two-by-two",
        [rows, columns],
        {("a", "x"): small, ("a", "y"): 20, ("b", "x"): 15, ("b", "y"): 30},
    )


def regions_by_sex() -> CellTable:
    """Municipalities under two regions, by sex; (n1, F) = 2 is the only small cell."""
    regions = Hierarchy(
        "region",
        {
            "North": TOTAL,
            "South": TOTAL,
            "n1": "North",
            "n2": "North",
            "s1": "South",
            "s2": "South",
        },
    )
    sex = Hierarchy.flat("sex", ["F", "M"])
    return full_table_from_leaves(
        "regions-by-sex",
        [regions, sex],
        {
            ("n1", "F"): 2,
            ("n1", "M"): 30,
            ("n2", "F"): 25,
            ("n2", "M"): 35,
            ("s1", "F"): 40,
            ("s1", "M"): 45,
            ("s2", "F"): 50,
            ("s2", "M"): 55,
        },
    )


def table_of(
    name: str, hierarchies: Sequence[Hierarchy], leaf_counts: Mapping[tuple[str, ...], int]
) -> CellTable:
    return full_table_from_leaves(name, hierarchies, leaf_counts)


def magnitude_table(
    name: str,
    hierarchies: Sequence[Hierarchy],
    contributions: Mapping[tuple[str, ...], Sequence[float]],
    top: int = 3,
) -> CellTable:
    """A magnitude table with every margin from each inner cell's contributions."""
    codes = [h.codes for h in hierarchies]
    cells: dict[tuple[str, ...], list[float]] = {k: [] for k in itertools.product(*codes)}
    for leaf, amounts in contributions.items():
        chains = []
        for hierarchy, code in zip(hierarchies, leaf, strict=True):
            chain = [code]
            while chain[-1] != TOTAL:
                chain.append(hierarchy.parents[chain[-1]])
            chains.append(chain)
        for key in itertools.product(*chains):
            cells[key].extend(amounts)
    keys = tuple(cells)
    largest = np.zeros((len(keys), top))
    for i, key in enumerate(keys):
        ordered = sorted(cells[key], reverse=True)[:top]
        largest[i, : len(ordered)] = ordered
    return CellTable(
        name=name,
        dimensions=tuple(h.dimension for h in hierarchies),
        keys=keys,
        counts=np.array([len(cells[k]) for k in keys], dtype=np.int64),
        values=np.array([float(sum(cells[k])) for k in keys]),
        hierarchies={h.dimension: h for h in hierarchies},
        top_contributions=largest,
    )


@st.composite
def hierarchies(draw: st.DrawFn, dimension: str) -> Hierarchy:
    """A flat dimension of 2-4 codes, or two levels: 2-3 groups of 1-3 codes."""
    if draw(st.booleans()):
        size = draw(st.integers(2, 4))
        return Hierarchy.flat(dimension, [f"{dimension}{i}" for i in range(size)])
    parents: dict[str, str] = {}
    for group in range(draw(st.integers(2, 3))):
        parents[f"{dimension}G{group}"] = TOTAL
        for child in range(draw(st.integers(1, 3))):
            parents[f"{dimension}G{group}.{child}"] = f"{dimension}G{group}"
    return Hierarchy(dimension, parents)


@st.composite
def frequency_tables(draw: st.DrawFn, max_dimensions: int = 3, max_inner: int = 40) -> CellTable:
    """Tables of 1-3 dimensions with every margin and random counts, some of them small."""
    n = draw(st.integers(1, max_dimensions))
    chosen = [draw(hierarchies(f"d{k}")) for k in range(n)]
    inner = list(itertools.product(*(h.leaves for h in chosen)))
    if len(inner) > max_inner:
        chosen = chosen[:1]
        inner = list(itertools.product(*(h.leaves for h in chosen)))
    counts = draw(
        st.lists(st.sampled_from(SMALL_AND_LARGE), min_size=len(inner), max_size=len(inner))
    )
    return full_table_from_leaves("random", chosen, dict(zip(inner, counts, strict=True)))


def population_table(name: str, sizes: Sequence[int], seed: int, mean: float = 30) -> CellTable:
    """Counts of persons by 2-3 flat dimensions with every margin: Poisson counts around
    ``mean``, with lognormal sizes of the categories so that some cells are small."""
    rng = np.random.default_rng(seed)
    chosen = [Hierarchy.flat(f"d{k}", [f"c{i:02d}" for i in range(n)]) for k, n in enumerate(sizes)]
    weights = [rng.lognormal(0, 1, n) for n in sizes]
    weights = [w / w.mean() for w in weights]
    leaves: dict[tuple[str, ...], int] = {}
    for index in itertools.product(*(range(n) for n in sizes)):
        expected = mean * float(np.prod([w[i] for w, i in zip(weights, index, strict=True)]))
        key = tuple(h.leaves[i] for h, i in zip(chosen, index, strict=True))
        leaves[key] = int(rng.poisson(expected))
    return full_table_from_leaves(name, chosen, leaves)
