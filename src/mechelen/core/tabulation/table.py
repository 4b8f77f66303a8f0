"""A table of cells over several dimensions, each cell keyed by one code per dimension.

Margins and totals are cells like any other, with TOTAL (or a parent code) on the summed
dimensions. Cells of several tables that describe the same population and share a key are the
same cell: that is how linked tables share their margins.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from mechelen.core.tabulation.hierarchy import TOTAL, Hierarchy

Key = tuple[str, ...]


@dataclass(frozen=True, eq=False)
class CellTable:
    """Cells of one table: their keys, record counts and measure values.

    ``counts[i]`` is the number of records (persons) in cell i; ``values[i]`` the measure
    (equal to the count for frequency tables, a sum for magnitude tables). For magnitude
    tables ``top_contributions[i]`` holds the cell's largest contributions, descending,
    padded with zeros.
    """

    name: str
    dimensions: tuple[str, ...]
    keys: tuple[Key, ...]
    counts: npt.NDArray[np.int64]
    values: npt.NDArray[np.float64]
    hierarchies: Mapping[str, Hierarchy]
    top_contributions: npt.NDArray[np.float64] | None = None
    _index: dict[Key, int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        n = len(self.keys)
        if self.counts.shape != (n,) or self.values.shape != (n,):
            raise ValueError("counts and values need one entry per key")
        if any(len(key) != len(self.dimensions) for key in self.keys):
            raise ValueError("every key needs one code per dimension")
        missing = [d for d in self.dimensions if d not in self.hierarchies]
        if missing:
            raise ValueError(f"no hierarchy for {missing}")
        object.__setattr__(self, "_index", {key: i for i, key in enumerate(self.keys)})

    def __len__(self) -> int:
        return len(self.keys)

    def index(self, key: Key) -> int | None:
        return self._index.get(key)

    @property
    def is_frequency(self) -> bool:
        return bool(np.array_equal(self.counts.astype(np.float64), self.values))

    def equations(self) -> list[tuple[int, tuple[int, ...]]]:
        """Every additive relation ``cell[total] = sum(cell[parts])`` the table publishes.

        For each cell and each dimension on which the cell's code has children, the cell
        equals the sum of the cells with each child code there and the same codes elsewhere,
        when all those cells are in the table.
        """
        relations: list[tuple[int, tuple[int, ...]]] = []
        for total_index, key in enumerate(self.keys):
            for position, dimension in enumerate(self.dimensions):
                children = self.hierarchies[dimension].children(key[position])
                if not children:
                    continue
                parts = []
                for child in children:
                    part = self._index.get((*key[:position], child, *key[position + 1 :]))
                    if part is None:
                        break
                    parts.append(part)
                else:
                    relations.append((total_index, tuple(parts)))
        return relations


def merged_hierarchies(tables: Iterable[CellTable]) -> dict[str, Hierarchy]:
    """The hierarchy of each dimension over all the tables: the union of their codes."""
    parents: dict[str, dict[str, str]] = {}
    for table in tables:
        for name, hierarchy in table.hierarchies.items():
            parents.setdefault(name, {}).update(hierarchy.parents)
    return {name: Hierarchy(name, codes) for name, codes in parents.items()}


def table_from_cells(
    name: str,
    hierarchies: Sequence[Hierarchy],
    cells: Mapping[Key, tuple[int, float]],
) -> CellTable:
    """A table from ``{key: (count, value)}``; keys use codes of the hierarchies (or TOTAL)."""
    keys = tuple(cells)
    return CellTable(
        name=name,
        dimensions=tuple(h.dimension for h in hierarchies),
        keys=keys,
        counts=np.array([cells[k][0] for k in keys], dtype=np.int64),
        values=np.array([cells[k][1] for k in keys], dtype=np.float64),
        hierarchies={h.dimension: h for h in hierarchies},
    )


def full_table_from_leaves(
    name: str,
    hierarchies: Sequence[Hierarchy],
    leaf_counts: Mapping[Key, int],
) -> CellTable:
    """A frequency table with every margin, from the counts of its leaf cells (test helper)."""
    import itertools

    totals: dict[Key, int] = {}
    for key in itertools.product(*(h.codes for h in hierarchies)):
        totals[key] = 0
    for leaf, count in leaf_counts.items():
        ancestors = []
        for hierarchy, code in zip(hierarchies, leaf, strict=True):
            chain = [code]
            while chain[-1] != TOTAL:
                chain.append(hierarchy.parents[chain[-1]])
            ancestors.append(chain)
        for key in itertools.product(*ancestors):
            totals[key] += count
    return table_from_cells(name, hierarchies, {k: (v, float(v)) for k, v in totals.items()})
