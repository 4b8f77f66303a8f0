"""A sparse integer basis of the null space of a system of equations, published cells fixed.

A null-space vector ``z`` changes the cells without breaking any equation (``A z = 0``) and
without changing a published cell (``z_c = 0``): added to the true table, it gives another
table the published cells cannot tell apart from it. A suppressed cell can be recomputed
exactly from what is published precisely when every such vector leaves it unchanged, i.e.
when no basis vector has a non-zero entry for it.

The basis starts as the unit vectors of all cells and is narrowed one linear condition at a
time (an equation, or "cell c is published"): the vectors on which the condition is not zero
are combined with one of them, the pivot, which is then dropped. Integer arithmetic
(fraction free, divided by the gcd) keeps it exact. Pivots are the sparsest vectors, and
when building from the equations, the ones holding the cells published last: cells
published early then sit in few vectors, so publishing them is cheap.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

import numpy as np
import numpy.typing as npt

Vector = dict[int, int]


class NullSpaceBasis:
    """Vectors (sparse, integer) spanning the null space; see the module docstring."""

    def __init__(self, n_cells: int) -> None:
        self._vectors: dict[int, Vector] = {}
        self._holders: list[set[int]] = [set() for _ in range(n_cells)]
        self._next = 0

    @classmethod
    def of_equations(
        cls,
        n_cells: int,
        equations: Iterable[tuple[int, tuple[int, ...]]],
        lateness: npt.NDArray[np.int64],
    ) -> NullSpaceBasis:
        """The null space of the equations alone (nothing published yet).

        ``lateness[c]`` is larger for cells to be published later (or never).
        """
        basis = cls(n_cells)
        for cell in range(n_cells):
            basis._add({cell: 1})
        for total, parts in sorted(equations, key=lambda equation: len(equation[1])):
            functional: Vector = {total: 1}
            for part in parts:
                functional[part] = functional.get(part, 0) - 1
            basis.impose(functional, lateness)
        return basis

    def __len__(self) -> int:
        return len(self._vectors)

    def vectors(self) -> list[Mapping[int, int]]:
        return list(self._vectors.values())

    def is_fixed(self, cell: int) -> bool:
        """No null-space vector changes the cell: it can be recomputed from what is published."""
        return not self._holders[cell]

    def impose(self, functional: Mapping[int, int], lateness: npt.NDArray[np.int64]) -> None:
        """Keep only the vectors on which the linear functional is zero."""
        candidates: set[int] = set()
        for cell in functional:
            candidates |= self._holders[cell]
        values: dict[int, int] = {}
        for vid in candidates:
            value = _apply(functional, self._vectors[vid])
            if value:
                values[vid] = value
        if not values:
            return
        pivot = min(
            values,
            key=lambda vid: (
                len(self._vectors[vid]),
                -max(int(lateness[c]) for c in self._vectors[vid]),
                vid,
            ),
        )
        self._eliminate(pivot, values)

    def publication_fixes(self, cell: int, protected: npt.NDArray[np.bool_]) -> bool:
        """Would publishing ``cell`` make some protected cell exactly recomputable?"""
        holders = self._holders[cell]
        if not holders:
            return False
        pivot = self._sparsest(holders)
        pivot_vector = self._vectors[pivot]
        a = pivot_vector[cell]
        held: dict[int, int] = {}
        for vid in holders:
            for other in self._vectors[vid]:
                if protected[other]:
                    held[other] = held.get(other, 0) + 1
        for other, count in held.items():
            if len(self._holders[other]) > count:
                continue  # a vector that publishing leaves alone still changes it
            p = pivot_vector.get(other, 0)
            if p and len(holders) > count:
                continue  # the pivot carries it into a vector that did not hold it
            if not any(
                a * self._vectors[q][other] - self._vectors[q][cell] * p
                for q in self._holders[other]
                if q != pivot
            ):
                return True
        return False

    def publish(self, cell: int) -> None:
        """Keep only the vectors that leave ``cell`` unchanged."""
        holders = self._holders[cell]
        if not holders:
            return
        pivot = self._sparsest(holders)
        self._eliminate(pivot, {vid: self._vectors[vid][cell] for vid in holders})

    def _sparsest(self, holders: set[int]) -> int:
        return min(holders, key=lambda vid: (len(self._vectors[vid]), vid))

    def _add(self, vector: Vector) -> None:
        vid = self._next
        self._next += 1
        self._vectors[vid] = vector
        for cell in vector:
            self._holders[cell].add(vid)

    def _drop(self, vid: int) -> None:
        for cell in self._vectors.pop(vid):
            self._holders[cell].discard(vid)

    def _eliminate(self, pivot: int, values: dict[int, int]) -> None:
        """``z_q <- a z_q - b_q z_pivot`` for every other vector, then drop the pivot."""
        pivot_vector = self._vectors[pivot]
        a = values[pivot]
        for vid, b in values.items():
            if vid != pivot:
                self._combine(vid, a, b, pivot_vector)
        self._drop(pivot)

    def _combine(self, vid: int, a: int, b: int, pivot_vector: Vector) -> None:
        vector = self._vectors[vid]
        holders = self._holders
        if a in (1, -1):
            factor = b * a
            scaled = False
        else:
            g = math.gcd(a, b)
            scale, factor = a // g, b // g
            for cell in vector:
                vector[cell] *= scale
            scaled = True
        for cell, value in pivot_vector.items():
            new = vector.get(cell, 0) - factor * value
            if new:
                if cell not in vector:
                    holders[cell].add(vid)
                vector[cell] = new
            elif cell in vector:
                del vector[cell]
                holders[cell].discard(vid)
        if scaled and vector:
            g = math.gcd(*vector.values())
            if g > 1:
                for cell in vector:
                    vector[cell] //= g


def _apply(functional: Mapping[int, int], vector: Mapping[int, int]) -> int:
    if len(vector) < len(functional):
        return sum(value * functional.get(cell, 0) for cell, value in vector.items())
    return sum(value * vector.get(cell, 0) for cell, value in functional.items())
