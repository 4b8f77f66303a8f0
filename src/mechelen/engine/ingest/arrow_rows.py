"""Rows decoded in Python (XLSX, CSV in another encoding than UTF-8) handed to DuckDB as a
stream of Arrow batches holding only the mapped columns: the other columns are dropped as
each row is read and never reach the database, memory beyond one batch, or the disk."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import pyarrow as pa

from mechelen.core.problems import ProblemsFound

BATCH_ROWS = 65_536
ROW = "_row"


class ArrowRows:
    """``(row number, fields)`` rows as a one-pass Arrow stream of ``_row`` and ``needed``.

    A ProblemsFound raised while the rows are read stops the stream and is kept in
    :attr:`failure`, for the caller to raise once DuckDB reports the stream broken.
    """

    def __init__(
        self,
        rows: Iterable[tuple[int, Sequence[str | None]]],
        header: Sequence[str],
        needed: Sequence[str],
    ) -> None:
        positions = {name: index for index, name in reversed(list(enumerate(header)))}
        self._picks = [positions[name] for name in needed]
        self._rows = rows
        self.schema = pa.schema([(ROW, pa.int64())] + [(name, pa.string()) for name in needed])
        self.failure: ProblemsFound | None = None

    def reader(self) -> pa.RecordBatchReader:
        return pa.RecordBatchReader.from_batches(self.schema, self._batches())

    def _batches(self) -> Iterator[pa.RecordBatch]:
        numbers: list[int] = []
        columns: list[list[str | None]] = [[] for _ in self._picks]
        try:
            for number, fields in self._rows:
                numbers.append(number)
                for column, index in zip(columns, self._picks, strict=True):
                    column.append(fields[index] if index < len(fields) else None)
                if len(numbers) == BATCH_ROWS:
                    yield self._batch(numbers, columns)
                    numbers, columns = [], [[] for _ in self._picks]
        except ProblemsFound as found:
            self.failure = found
            raise
        if numbers:
            yield self._batch(numbers, columns)

    def _batch(self, numbers: list[int], columns: list[list[str | None]]) -> pa.RecordBatch:
        arrays = [pa.array(numbers, pa.int64())] + [pa.array(c, pa.string()) for c in columns]
        return pa.RecordBatch.from_arrays(arrays, schema=self.schema)
