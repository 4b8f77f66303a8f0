"""tau-Argus (pytauargus, HiGHS build) as a reference for secondary suppression.

:func:`tauargus_secondary` rebuilds the microdata of a frequency table (one record per
person in each inner cell), runs tau-Argus's modular (MOD, HiTaS) and optimal (OPT) methods
with the frequency rule, and reports per method ``(seconds, secondary cells, value of the
secondary cells)``; :func:`tauargus_run` also gives each cell's tau-Argus status in the
table's own order. Usable by the benchmarks as well as the tests.

Each run happens in a child process, working in a temporary folder (tau-Argus works from
files and its solvers write logs in the working folder), killed after ``time_limit`` seconds
if given (the run is then reported as timed out, ``TauArgusRun.timed_out``):
pytauargus 0.6.0's modular method corrupts memory on some three-dimensional tables (the
process dies with "corrupted double-linked list" or a segmentation fault, and a run after
such a run in the same process can report different patterns). A method whose child dies
or fails is left out of :func:`tauargus_secondary` (``None`` from :func:`tauargus_run`).

tau-Argus's frequency rule protects a sensitive cell by ``safety_range`` per cent of its
value (at least 1) on both sides; to compare like with like, run our methods with
``MinFrequency(threshold, protection_percent=safety_range)``.
"""

from __future__ import annotations

import multiprocessing
import os
import tempfile
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

import numpy as np

from mechelen.core.tabulation.hierarchy import TOTAL, Hierarchy
from mechelen.core.tabulation.table import CellTable

METHODS = ("MOD", "OPT")
TAU_TOTAL = "Total"


@dataclass(frozen=True)
class TauArgusRun:
    """One tau-Argus run: seconds (the engine run, files included) and statuses."""

    method: str
    seconds: float
    #: per cell of the table, in its order: S safe, U primary, M secondary, E empty, P protected
    status: tuple[str, ...]
    #: stopped at the time limit (no status then)
    timed_out: bool = False

    @property
    def secondary(self) -> np.ndarray:
        return np.array([s == "M" for s in self.status])

    @property
    def primary(self) -> np.ndarray:
        return np.array([s == "U" for s in self.status])


def tauargus_run(
    table: CellTable,
    threshold: int,
    method: str,
    safety_range: int = 30,
    time_limit: float | None = None,
) -> TauArgusRun | None:
    """Run tau-Argus on a frequency table with ``FREQ(threshold, safety_range)``.

    None when tau-Argus fails or its process dies; a run stopped at ``time_limit`` seconds
    has ``timed_out`` set.
    """
    if not table.is_frequency:
        raise ValueError("tau-Argus reference runs frequency tables only")
    dimensions = list(table.dimensions)
    columns: dict[str, list[object]] = {d: [] for d in dimensions}
    columns["persons"] = []
    leaf_sets = [set(table.hierarchies[d].leaves) for d in dimensions]
    for key, count in zip(table.keys, table.counts, strict=True):
        if all(code in leaves for code, leaves in zip(key, leaf_sets, strict=True)):
            for dimension, code in zip(dimensions, key, strict=True):
                columns[dimension].extend([code] * int(count))
            columns["persons"].extend([1] * int(count))
    hierarchies = {
        d: _hrc_text(table.hierarchies[d])
        for d in dimensions
        if any(parent != TOTAL for parent in table.hierarchies[d].parents.values())
    }
    rule = f"FREQ({threshold},{safety_range})"
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(
        target=_child, args=(sender, columns, dimensions, hierarchies, rule, method)
    )
    started = time.perf_counter()
    child.start()
    sender.close()
    try:
        if not receiver.poll(time_limit):
            child.kill()
            return TauArgusRun(method, time.perf_counter() - started, (), timed_out=True)
        outcome = receiver.recv()
    except (EOFError, OSError):  # the child died
        return None
    finally:
        child.join()
        receiver.close()
    if outcome is None:
        return None
    seconds, rows = outcome
    by_key = {tuple(_code(row[d]) for d in dimensions): str(row["status"]) for row in rows}
    return TauArgusRun(method, seconds, tuple(by_key.get(key, "?") for key in table.keys))


def tauargus_secondary(
    table: CellTable, threshold: int, safety_range: int = 30, time_limit: float | None = None
) -> dict[str, tuple[float, int, float]]:
    """Per method (MOD, OPT): (seconds, number of secondary cells, their total value).

    A method that tau-Argus fails to run, or that does not finish within ``time_limit``
    seconds, is left out.
    """
    out = {}
    for method in METHODS:
        run = tauargus_run(table, threshold, method, safety_range, time_limit)
        if run is None or run.timed_out:
            continue
        secondary = run.secondary
        out[method] = (run.seconds, int(secondary.sum()), float(table.values[secondary].sum()))
    return out


def _child(
    sender: Connection,
    columns: dict[str, list[object]],
    dimensions: list[str],
    hierarchies: dict[str, str],
    rule: str,
    method: str,
) -> None:
    """In the child process: run tau-Argus and send the outcome (None if it fails)."""
    try:
        outcome: tuple[float, list[dict[str, object]]] | None = _protect(
            columns, dimensions, hierarchies, rule, method
        )
    except Exception:  # pytauargus's BatchError and the like
        outcome = None
    sender.send(outcome)
    sender.close()


def _protect(
    columns: dict[str, list[object]],
    dimensions: list[str],
    hierarchies: dict[str, str],
    rule: str,
    method: str,
) -> tuple[float, list[dict[str, object]]]:
    """In the child process: write the hierarchy files, run tau-Argus, read its table."""
    from pytauargus import protect

    with tempfile.TemporaryDirectory(prefix="tauargus_") as folder:
        os.chdir(folder)  # tau-Argus's solvers write their logs in the working folder
        hrc = {}
        for dimension, text in hierarchies.items():
            path = Path(folder) / f"{dimension}.hrc"
            path.write_text(text, encoding="utf-8")
            hrc[dimension] = str(path)
        started = time.perf_counter()
        result = protect(
            columns,
            dimensions,
            response="persons",
            safety_rules=rule,
            suppress=f"{method}(1)",
            hrc=hrc or None,
            totcode=TAU_TOTAL,
            workdir=str(Path(folder) / "run"),
        )
        seconds = time.perf_counter() - started
        return seconds, result.tables[0].rows


def _code(written: object) -> str:
    code = str(written).strip()  # tau-Argus pads codes to a fixed width
    return TOTAL if code == TAU_TOTAL else code


def _hrc_text(hierarchy: Hierarchy) -> str:
    lines: list[str] = []

    def walk(code: str, depth: int) -> None:
        for child in hierarchy.children(code):
            lines.append("@" * depth + child)
            walk(child, depth + 1)

    walk(TOTAL, 0)
    return "\n".join(lines) + "\n"
