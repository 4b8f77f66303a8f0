"""Groups and blocks of linked suppressed cells, for the attacker's LPs.

Suppressed cells connected through an equation form a *group*; the bounds of a cell depend on
its group only (:class:`LinkedGroups`).

A large group is cut into blocks. A block is a set of at most ``size`` suppressed cells held together by short equations: the
equations are taken from the fewest suppressed cells up (inner cells of one row of one table
first, long geographic sums last), and an equation joins the blocks of its cells when the
joined block stays within ``size`` (a union-find capped by size). An LP over one block, the
other cells held at their true values, is small and can be re-solved warm for every cell of
the block; its solutions are tables the attacker cannot rule out (:mod:`.model`).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

IndexArray = npt.NDArray[np.intp]


class LinkedGroups:
    """The groups of the suppressed cells (columns of ``matrix``, equations x cells), and the
    blocks of the large groups, made on first use."""

    def __init__(self, matrix: sp.csr_array, block_size: int) -> None:
        self.matrix = matrix
        self.block_size = block_size
        incidence = (matrix != 0).astype(np.int8)
        adjacency = (incidence.T @ incidence).tocsr()
        _, labels = connected_components(adjacency, directed=False)
        #: the group of each cell
        self.labels: IndexArray = np.asarray(labels, dtype=np.intp)
        #: the number of cells of each group
        self.size: IndexArray = np.bincount(labels) if len(labels) else np.zeros(0, np.intp)
        by_label = np.argsort(labels, kind="stable")
        starts = np.concatenate(([0], np.cumsum(self.size)))
        #: the cells of each group
        self.members = [by_label[starts[g] : starts[g + 1]] for g in range(len(starts) - 1)]
        first = matrix.indices[matrix.indptr[:-1]]
        n_rows = matrix.shape[0]
        #: the group of each equation
        self.row_labels: IndexArray = labels[first] if n_rows else np.zeros(0, np.intp)
        #: the block of each cell (-1 until its group is cut into blocks)
        self.block_of = np.full(len(labels), -1, dtype=np.intp)
        #: the cells of each block
        self.blocks: list[IndexArray] = []

    def block_ids(self, label: int) -> IndexArray:
        """The block of each cell, after cutting the group ``label`` into blocks if not yet."""
        if self.block_of[self.members[label][0]] < 0:
            for block in blocks(self.matrix, self.members[label], self.block_size):
                self.block_of[block] = len(self.blocks)
                self.blocks.append(block)
        return self.block_of


def blocks(matrix: sp.csr_array, columns: IndexArray, size: int) -> list[IndexArray]:
    """Partition ``columns`` of ``matrix`` (equations x cells) into blocks of at most ``size``.

    Each block is sorted; blocks come in the order of their smallest column.
    """
    parent = {int(c): int(c) for c in columns}
    weight = dict.fromkeys(parent, 1)

    def root(c: int) -> int:
        while parent[c] != c:
            parent[c] = parent[parent[c]]
            c = parent[c]
        return c

    rows = np.unique(sp.csc_array(matrix)[:, columns].indices)
    lengths = np.diff(matrix.indptr)[rows]
    for row in rows[np.argsort(lengths, kind="stable")].tolist():
        members = matrix.indices[matrix.indptr[row] : matrix.indptr[row + 1]].tolist()
        roots = sorted({root(c) for c in members if c in parent})
        if len(roots) < 2 or sum(weight[r] for r in roots) > size:
            continue
        for other in roots[1:]:
            parent[other] = roots[0]
            weight[roots[0]] += weight.pop(other)
    found: dict[int, list[int]] = {}
    for c in sorted(parent):
        found.setdefault(root(c), []).append(c)
    return [np.array(members, dtype=np.intp) for members in found.values()]
