"""Differential privacy on built tables, with a privacy budget per dataset.

One discrete Laplace measurement covers every cell of the release at once
(:mod:`mechelen.core.disclosure.perturbative.differential_privacy`, which explains the
sensitivity); then the small-count threshold is applied (post-processing costs no privacy)
and each table gets its report.

Releases are random by nature: building one twice gives different values and spends the
budget twice. The budget of a dataset is kept in the workspace ledger (see release.py).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from mechelen.core.disclosure import (
    CONF_FREE,
    CONF_PRIMARY,
    DIFFERENTIAL_PRIVACY,
    PERTURBED,
    SUPPRESSED,
    DisclosureReport,
    ProtectedTable,
    grouping_sets,
    laplace_counts,
)
from mechelen.core.tabulation.spec import Protection
from mechelen.engine.publish.runners.context import ProtectionContext
from mechelen.engine.tables.build import BuiltTable


def differential_privacy(
    tables: Sequence[BuiltTable], protection: Protection, context: ProtectionContext
) -> list[ProtectedTable]:
    sensitivity = sum(grouping_sets(b.table) for b in tables)
    counts = np.concatenate([b.table.counts for b in tables])
    noisy = laplace_counts(counts, sensitivity, protection.epsilon, context.budget_left)
    protected = []
    offset = 0
    for built in tables:
        size = len(built.table)
        values = noisy.counts[offset : offset + size]
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
                    method=DIFFERENTIAL_PRIVACY.id,
                    parameters={
                        "epsilon_release": round(noisy.spent, 9),
                        "mechanism": "discrete Laplace (OpenDP make_laplace)",
                        "l1_sensitivity_release": sensitivity,
                        "scale": noisy.scale,
                        "threshold": protection.threshold,
                    },
                    cells=size,
                    suppressed_primary=int(suppressed.sum()),
                    perturbed=int((values != built.table.counts).sum()),
                    information_loss={
                        "mean_absolute_error": float(error.mean()) if size else 0.0,
                        "expected_absolute_error": noisy.scale,
                    },
                ),
                labels=built.labels,
            )
        )
    return protected
