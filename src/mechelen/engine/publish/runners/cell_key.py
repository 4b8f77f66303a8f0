"""The cell key method on built tables: perturb each table's counts with the record keys'
cell keys (:mod:`mechelen.core.disclosure.perturbative.cell_key`), then report."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from mechelen.core.disclosure import (
    CELL_KEY,
    CONF_FREE,
    CONF_PRIMARY,
    PERTURBED,
    SUPPRESSED,
    DisclosureReport,
    ProtectedTable,
    default_ptable,
    perturb,
)
from mechelen.core.tabulation.spec import Protection
from mechelen.engine.publish.runners.context import ProtectionContext
from mechelen.engine.tables.build import BuiltTable


def cell_key(
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
            method=CELL_KEY.id,
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
