"""Blocks of a large group of linked suppressed cells, for local attacker LPs.

A block is a set of at most ``size`` suppressed cells held together by short equations: the
equations are taken from the fewest suppressed cells up (inner cells of one row of one table
first, long geographic sums last), and an equation joins the blocks of its cells when the
joined block stays within ``size`` (a union-find capped by size). An LP over one block, the
other cells held at their true values, is small and can be re-solved warm for every cell of
the block; its solutions are tables the attacker cannot rule out (:mod:`.attacker`).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

IndexArray = npt.NDArray[np.intp]


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
