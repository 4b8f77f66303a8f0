"""The protection methods run on built tables, one runner per method of
:mod:`mechelen.core.disclosure.methods`: each turns the tables built from the workspace into
tables ready to publish (:class:`~mechelen.core.disclosure.report.ProtectedTable`).

The methods themselves are pure and live in :mod:`mechelen.core.disclosure`; a runner adds
what needs the engine: the record keys and labels of built tables, the earlier releases and
unpublished tables an attacker knows, and the disclosure report of each table.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from mechelen.core.disclosure import (
    CELL_KEY,
    DIFFERENTIAL_PRIVACY,
    SUPPRESSION,
    UNPROTECTED,
    ProtectedTable,
)
from mechelen.core.problems import Problem, ProblemsFound
from mechelen.core.tabulation.spec import Protection
from mechelen.engine.publish.runners.cell_key import cell_key
from mechelen.engine.publish.runners.context import ProtectionContext, Runner
from mechelen.engine.publish.runners.differential_privacy import differential_privacy
from mechelen.engine.publish.runners.suppression import suppression
from mechelen.engine.tables.build import BuiltTable

__all__ = ["RUNNERS", "ProtectionContext", "protect"]

#: the runner of each method, by the method's id
RUNNERS: Mapping[str, Runner] = {
    CELL_KEY.id: cell_key,
    SUPPRESSION.id: suppression,
    DIFFERENTIAL_PRIVACY.id: differential_privacy,
}


def protect(
    tables: Sequence[BuiltTable], protection: Protection, context: ProtectionContext
) -> list[ProtectedTable]:
    """The tables protected by the spec's method; ProblemsFound (spec.E019, spec.E017) for a
    method that has no runner, e.g. ``none`` in a spec that was not read by read_spec."""
    runner = RUNNERS.get(protection.method)
    if runner is None:
        allowed = ", ".join(sorted(RUNNERS))
        problem = (
            Problem("spec.E019", {"allowed": allowed})
            if protection.method == UNPROTECTED
            else Problem("spec.E017", {"value": protection.method, "allowed": allowed})
        )
        raise ProblemsFound([problem])
    return runner(tables, protection, context)
