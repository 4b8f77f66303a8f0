"""The cell key method (ONS Census 2021, ABS TableBuilder) for frequency tables.

Every record carries a record key, 0-255, from a keyed hash of its id (computed by the
engine). A cell's key is the sum of its records' keys modulo 256, so the same set of persons
has the same key, and therefore the same noise, in every table where it forms a cell:
differencing overlapping tables gives nothing away. The noise is read from a perturbation
table (p-table) by cell value and cell key; after perturbation, published counts below the
threshold (default 10) are suppressed, as in the ONS method.

The p-table layout is the ONS one (columns pcv, ckey, pvalue): values above ``max_pcv`` reuse
the rows ``reuse_from``..``max_pcv`` cyclically. :func:`default_ptable` is the documented
default: zero-mean noise of at most ±2 with variance 0.8 (probabilities 5%, 20%, 50%, 20%, 5%
for -2..+2), narrowed for the values 1 and 2 so that no count turns negative.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

KEY_RANGE = 256
DEFAULT_THRESHOLD = 10
DEFAULT_NOISE = {-2: 0.05, -1: 0.20, 0: 0.50, 1: 0.20, 2: 0.05}


@dataclass(frozen=True, eq=False)
class PerturbationTable:
    """``noise[pcv, ckey]`` for pcv 0..max_pcv (row 0: zero cells, never perturbed)."""

    noise: npt.NDArray[np.int64]
    reuse_from: int
    name: str = "custom"

    @property
    def max_pcv(self) -> int:
        return int(self.noise.shape[0] - 1)

    @property
    def key_range(self) -> int:
        return int(self.noise.shape[1])

    def pcv(self, counts: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        """Row of the p-table used for each count (ONS: counts above 750 cycle 501-750)."""
        cycle = self.max_pcv - self.reuse_from + 1
        reused = ((counts - 1) % cycle) + self.reuse_from
        return np.where(counts <= self.max_pcv, counts, reused)

    def noise_for(
        self, counts: npt.NDArray[np.int64], cell_keys: npt.NDArray[np.int64]
    ) -> npt.NDArray[np.int64]:
        rows = self.pcv(counts)
        return np.where(counts > 0, self.noise[rows, cell_keys % self.key_range], 0)

    def rows(self) -> Iterable[tuple[int, int, int]]:
        """(pcv, ckey, pvalue) rows in the ONS layout."""
        for pcv in range(1, self.max_pcv + 1):
            for ckey in range(self.key_range):
                yield pcv, ckey, int(self.noise[pcv, ckey])

    @classmethod
    def from_rows(
        cls, rows: Iterable[tuple[int, int, int]], reuse_from: int = 501, name: str = "custom"
    ) -> PerturbationTable:
        table = list(rows)
        max_pcv = max(r[0] for r in table)
        key_range = max(r[1] for r in table) + 1
        noise = np.zeros((max_pcv + 1, key_range), dtype=np.int64)
        for pcv, ckey, value in table:
            noise[pcv, ckey] = value
        return cls(noise, min(reuse_from, max_pcv), name)


def _key_counts(probabilities: dict[int, float], key_range: int) -> dict[int, int]:
    """How many of the ``key_range`` keys get each noise value (largest remainder method)."""
    exact = {v: p * key_range for v, p in probabilities.items()}
    counts = {v: int(x) for v, x in exact.items()}
    missing = key_range - sum(counts.values())
    for value in sorted(exact, key=lambda v: (-(exact[v] - counts[v]), abs(v)))[:missing]:
        counts[value] += 1
    return counts


def default_ptable(
    max_pcv: int = 750, reuse_from: int = 501, key_range: int = KEY_RANGE
) -> PerturbationTable:
    """The documented default p-table (module docstring)."""
    noise = np.zeros((max_pcv + 1, key_range), dtype=np.int64)
    for pcv in range(1, max_pcv + 1):
        if pcv == 1:
            probabilities = {-1: 0.25, 0: 0.5, 1: 0.25}
        elif pcv == 2:
            probabilities = {-2: 0.05, -1: 0.20, 0: 0.50, 1: 0.20, 2: 0.05}
        else:
            probabilities = DEFAULT_NOISE
        probabilities = {v: p for v, p in probabilities.items() if pcv + v >= 0}
        column = 0
        for value, count in sorted(_key_counts(probabilities, key_range).items()):
            noise[pcv, column : column + count] = value
            column += count
    return PerturbationTable(noise, reuse_from, "mechelen-default-2x0.8")


@dataclass(frozen=True, eq=False)
class CellKeyResult:
    """Per cell: the published count (None if suppressed), the noise and the flags."""

    published: npt.NDArray[np.float64]  # NaN where suppressed
    noise: npt.NDArray[np.int64]
    suppressed: npt.NDArray[np.bool_]

    @property
    def perturbed(self) -> npt.NDArray[np.bool_]:
        perturbed: npt.NDArray[np.bool_] = (self.noise != 0) & ~self.suppressed
        return perturbed


def cell_keys(
    record_key_sums: npt.NDArray[np.int64], key_range: int = KEY_RANGE
) -> npt.NDArray[np.int64]:
    return record_key_sums % key_range


def perturb(
    counts: npt.NDArray[np.int64],
    record_key_sums: npt.NDArray[np.int64],
    ptable: PerturbationTable | None = None,
    threshold: int = DEFAULT_THRESHOLD,
) -> CellKeyResult:
    """Apply the cell key method to the counts of a table's cells (margins included)."""
    table = ptable or default_ptable()
    keys = cell_keys(record_key_sums, table.key_range)
    noise = table.noise_for(counts, keys)
    values = counts + noise
    suppressed = values < threshold
    published = np.where(suppressed, np.nan, values.astype(np.float64))
    return CellKeyResult(published, noise, suppressed)
