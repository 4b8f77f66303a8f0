"""Differential privacy for counts through OpenDP, with a privacy budget per dataset.

Adding or removing one person changes, in every table, exactly one cell of each combination
of margins (each "grouping set"); the L1 sensitivity of the whole release is therefore the
total number of grouping sets over its tables. One discrete Laplace measurement (OpenDP
``make_laplace`` on integer vectors) with scale = sensitivity / epsilon covers every cell at
once, and OpenDP's privacy map confirms the epsilon spent. Noisy counts are then rounded at
zero and the small-count threshold applied (post-processing costs no privacy).

Releases are random by nature: building one twice gives different values and spends the
budget twice. The budget of a dataset is kept in the workspace ledger (see release.py).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import opendp.prelude as dp

from mechelen.core.problems import Problem, ProblemsFound
from mechelen.core.tabulation.spec import Protection
from mechelen.engine.publish.protect import ProtectionContext, protection_method
from mechelen.engine.publish.protected import (
    CONF_FREE,
    CONF_PRIMARY,
    PERTURBED,
    SUPPRESSED,
    DisclosureReport,
    ProtectedTable,
)
from mechelen.engine.tables.build import BuiltTable

dp.enable_features("contrib")


def grouping_sets(built: BuiltTable) -> int:
    """How many cells one person touches in this table: one per combination of margins."""
    return math.prod(h.depth + 1 for h in built.table.hierarchies.values())


@protection_method("differential-privacy")
def differential_privacy(
    tables: Sequence[BuiltTable], protection: Protection, context: ProtectionContext
) -> list[ProtectedTable]:
    epsilon = protection.epsilon
    if epsilon > context.budget_left + 1e-12:
        raise ProblemsFound(
            [Problem("dp.E001", {"epsilon": epsilon, "left": round(context.budget_left, 6)})]
        )
    sensitivity = sum(grouping_sets(b) for b in tables)
    counts = np.concatenate([b.table.counts for b in tables])
    if counts.max(initial=0) >= 2**31:
        raise ProblemsFound([Problem("dp.E002", {})])
    space = dp.vector_domain(dp.atom_domain(T=int)), dp.l1_distance(T=int)
    measurement = dp.m.make_laplace(*space, scale=sensitivity / epsilon)
    spent = float(measurement.map(sensitivity))  # type: ignore[no-untyped-call]
    noisy = np.asarray(measurement([int(c) for c in counts]), dtype=np.int64)
    noisy = np.maximum(noisy, 0)
    protected = []
    offset = 0
    for built in tables:
        size = len(built.table)
        values = noisy[offset : offset + size]
        offset += size
        suppressed = values < protection.threshold
        published = np.where(suppressed, np.nan, values.astype(np.float64))
        error = np.abs(values - built.table.counts)
        protected.append(
            ProtectedTable(
                table=built.table,
                published=published,
                flags=tuple(SUPPRESSED if s else PERTURBED for s in suppressed),
                confidentiality=tuple(CONF_PRIMARY if s else CONF_FREE for s in suppressed),
                report=DisclosureReport(
                    table=built.table.name,
                    method="differential-privacy",
                    parameters={
                        "epsilon_release": round(spent, 9),
                        "mechanism": "discrete Laplace (OpenDP make_laplace)",
                        "l1_sensitivity_release": sensitivity,
                        "scale": sensitivity / epsilon,
                        "threshold": protection.threshold,
                    },
                    cells=size,
                    suppressed_primary=int(suppressed.sum()),
                    perturbed=int((values != built.table.counts).sum()),
                    information_loss={
                        "mean_absolute_error": float(error.mean()) if size else 0.0,
                        "expected_absolute_error": sensitivity / epsilon,
                    },
                ),
                labels=built.labels,
            )
        )
    return protected
