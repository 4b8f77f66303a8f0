"""Protection methods, each registered with a stable id: ``cell-key``, ``suppression``,
``differential-privacy``. Each turns built tables into tables ready to publish."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from mechelen.core.disclosure.cell_key import default_ptable, perturb
from mechelen.core.problems import Problem, ProblemsFound
from mechelen.core.tabulation.relations import DerivedDimension
from mechelen.core.tabulation.spec import UNPROTECTED, Filter, Protection
from mechelen.core.tabulation.table import CellTable
from mechelen.engine.publish.earlier import EarlierRelease
from mechelen.engine.publish.protected import (
    CONF_FREE,
    CONF_PRIMARY,
    PERTURBED,
    SUPPRESSED,
    DisclosureReport,
    ProtectedTable,
)
from mechelen.engine.tables.build import BuiltTable


@dataclass(frozen=True)
class ProtectionContext:
    """What a method may need besides the tables: the privacy budget left, and the public
    relations between the release's dimensions (:mod:`mechelen.engine.tables.relations`)."""

    budget_left: float = float("inf")
    relations: tuple[DerivedDimension, ...] = ()
    #: the population the tables describe (``release_files.filter_signature``)
    population: str = "all"
    filters: tuple[Filter, ...] = ()
    #: earlier suppression releases of the same dataset, protected together with these
    earlier: tuple[EarlierRelease, ...] = ()
    #: (population, table): tables nobody publishes that link tables through a status
    derived: tuple[tuple[str, CellTable], ...] = ()


Method = Callable[[Sequence[BuiltTable], Protection, ProtectionContext], list[ProtectedTable]]
PROTECTION_METHODS: dict[str, Method] = {}


def protection_method(method_id: str) -> Callable[[Method], Method]:
    def register(method: Method) -> Method:
        PROTECTION_METHODS[method_id] = method
        return method

    return register


def protect(
    tables: Sequence[BuiltTable], protection: Protection, context: ProtectionContext
) -> list[ProtectedTable]:
    """The tables protected by the spec's method; ProblemsFound (spec.E019, spec.E017) for a
    method that is not registered, e.g. ``none`` in a spec that was not read by read_spec."""
    method = PROTECTION_METHODS.get(protection.method)
    if method is None:
        allowed = ", ".join(sorted(PROTECTION_METHODS))
        problem = (
            Problem("spec.E019", {"allowed": allowed})
            if protection.method == UNPROTECTED
            else Problem("spec.E017", {"value": protection.method, "allowed": allowed})
        )
        raise ProblemsFound([problem])
    return method(tables, protection, context)


@protection_method("cell-key")
def cell_key_method(
    tables: Sequence[BuiltTable], protection: Protection, context: ProtectionContext
) -> list[ProtectedTable]:
    """Cell key perturbation, then the small-count threshold.

    Every published cell is flagged ``perturbed`` whether or not its noise was zero: flagging
    only the changed cells would tell which counts are exact.
    """
    ptable = default_ptable()
    protected = []
    for built in tables:
        result = perturb(built.table.counts, built.record_key_sums, ptable, protection.threshold)
        published = result.published
        shown = ~result.suppressed
        noise = np.abs(result.noise[shown]) if shown.any() else np.zeros(1)
        report = DisclosureReport(
            table=built.table.name,
            method="cell-key",
            parameters={
                "threshold": protection.threshold,
                "ptable": ptable.name,
                "key_range": ptable.key_range,
                "max_pcv": ptable.max_pcv,
            },
            cells=len(built.table),
            suppressed_primary=int(result.suppressed.sum()),
            perturbed=int(result.perturbed.sum()),
            information_loss={
                "share_of_cells_suppressed": float(result.suppressed.mean())
                if len(published)
                else 0.0,
                "mean_absolute_perturbation": float(noise.mean()),
                "max_absolute_perturbation": float(noise.max()),
            },
        )
        protected.append(
            ProtectedTable(
                table=built.table,
                published=published,
                flags=tuple(SUPPRESSED if s else PERTURBED for s in result.suppressed),
                confidentiality=tuple(CONF_PRIMARY if s else CONF_FREE for s in result.suppressed),
                report=report,
                labels=built.labels,
            )
        )
    return protected
