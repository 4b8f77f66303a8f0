"""Rows decoded in Python (XLSX, CSV in another encoding than UTF-8) handed to DuckDB as a
stream of Arrow batches holding only the mapped columns: the other columns are dropped as
each row is read and never reach the database, memory beyond one batch, or the disk."""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Iterator, Sequence

import pyarrow as pa

from mechelen.core.problems import ProblemsFound

BATCH_ROWS = 65_536
ROW = "_row"


Fields = Sequence[str | None]


def _picker(positions: Sequence[int]) -> Callable[[Fields], tuple[str | None, ...]]:
    """The fields at ``positions`` of a row, as a tuple (itemgetter: the fast way)."""
    if len(positions) > 1:
        return operator.itemgetter(*positions)
    if positions:
        one = positions[0]
        return lambda row: (row[one],)
    return lambda row: ()


class ArrowRows:
    """``(row number, fields)`` rows as a one-pass Arrow stream of ``_row`` and ``needed``.

    A ProblemsFound raised while the rows are read stops the stream and is kept in
    :attr:`failure`, for the caller to raise once DuckDB reports the stream broken.
    """

    def __init__(
        self,
        rows: Iterable[tuple[int, Fields]],
        header: Sequence[str],
        needed: Sequence[str],
    ) -> None:
        positions = {name: index for index, name in reversed(list(enumerate(header)))}
        self._picks = [positions[name] for name in needed]
        self._pick = _picker(self._picks)
        self._rows = rows
        self.schema = pa.schema([(ROW, pa.int64())] + [(name, pa.string()) for name in needed])
        self.failure: ProblemsFound | None = None

    def reader(self) -> pa.RecordBatchReader:
        return pa.RecordBatchReader.from_batches(self.schema, self._batches())

    def _batches(self) -> Iterator[pa.RecordBatch]:
        numbers: list[int] = []
        picked: list[tuple[str | None, ...]] = []
        width = max(self._picks, default=-1) + 1
        pick = self._pick
        try:
            for number, fields in self._rows:
                numbers.append(number)
                if len(fields) < width:
                    fields = [*fields, *([None] * (width - len(fields)))]
                picked.append(pick(fields))
                if len(numbers) == BATCH_ROWS:
                    yield self._batch(numbers, picked)
                    numbers, picked = [], []
        except ProblemsFound as found:
            self.failure = found
            raise
        if numbers:
            yield self._batch(numbers, picked)

    def _batch(self, numbers: list[int], picked: list[tuple[str | None, ...]]) -> pa.RecordBatch:
        columns = zip(*picked, strict=True)
        arrays = [pa.array(numbers, pa.int64()), *(pa.array(c, pa.string()) for c in columns)]
        return pa.RecordBatch.from_arrays(arrays, schema=self.schema)
