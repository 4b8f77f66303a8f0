"""The integer perturbation basis against plain linear algebra."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from mechelen.core.disclosure.linked import CellSystem, link_tables
from mechelen.core.disclosure.secondary.null_space import NullSpaceBasis
from mechelen.core.tabulation.table import CellTable
from tests.core.disclosure.tables import frequency_tables, two_by_two


def recomputable_cells(matrix: np.ndarray, suppressed: list[int]) -> set[int]:
    """Plain linear algebra: the suppressed cells whose unit vector lies in the row space of
    the equations restricted to the suppressed cells (they can be recomputed exactly)."""
    restricted = matrix[:, suppressed]
    if not restricted.size:
        return set()
    _, singular, vt = np.linalg.svd(restricted)
    rows = vt[: int((singular > 1e-9).sum())]
    projection = (rows**2).sum(axis=0)  # diagonal of the projector on the row space
    return {c for c, p in zip(suppressed, projection, strict=True) if p > 1 - 1e-9}


def basis_of(system: CellSystem) -> NullSpaceBasis:
    lateness = np.arange(len(system), dtype=np.int64)
    return NullSpaceBasis.of_equations(len(system), system.equations, lateness)


def test_basis_of_a_two_by_two_table_has_one_vector_per_inner_cell() -> None:
    system = link_tables([two_by_two()])
    basis = basis_of(system)
    assert len(basis) == 4
    matrix = system.equation_matrix.toarray()
    for vector in basis.vectors():
        z = np.zeros(len(system))
        for cell, value in vector.items():
            z[cell] = value
        assert np.allclose(matrix @ z, 0)


@settings(max_examples=25)
@given(frequency_tables(max_inner=12), st.randoms(use_true_random=False))
def test_publishing_matches_brute_force_linear_algebra(table: CellTable, rnd: object) -> None:
    system = link_tables([table])
    matrix = system.equation_matrix.toarray()
    basis = basis_of(system)
    assert len(basis) == len(system) - np.linalg.matrix_rank(matrix)
    cells = list(range(len(system)))
    rnd.shuffle(cells)  # type: ignore[attr-defined]
    protected = np.zeros(len(system), dtype=np.bool_)
    protected[cells[: max(1, len(cells) // 4)]] = True
    targets = {int(p) for p in np.flatnonzero(protected)}
    if targets & recomputable_cells(matrix, list(range(len(system)))):
        return  # recomputable from the equations alone
    published: set[int] = set()
    for cell in cells[max(1, len(cells) // 4) :]:
        still = [c for c in range(len(system)) if c not in published and c != cell]
        expected = bool(targets & recomputable_cells(matrix, still))
        assert basis.publication_fixes(cell, protected) == expected
        if not expected:
            basis.publish(cell)
            published.add(cell)
    remaining = [c for c in range(len(system)) if c not in published]
    fixed = recomputable_cells(matrix, remaining)
    for p in targets:
        assert basis.is_fixed(p) == (p in fixed)
