"""Cell suppression on built tables: primary rules, then secondary suppression over linked tables.

Parameters in the spec's ``protection``: ``threshold`` (frequency rule, default 10),
``secondary`` (``gauss`` fast, default, or ``milp`` exact), ``protection`` (how far the
attacker's interval must reach, default threshold / 2), and for magnitude tables
``dominance: [n, k]`` (default [1, 90]) and ``p_percent`` (default 10). All tables of a release
are protected together, as linked tables sharing their margins.

Published, every suppressed cell has confidentiality status C: whether it was sensitive or
suppressed to protect another is not revealed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from mechelen.core.disclosure import (
    CONF_FREE,
    CONF_PRIMARY,
    DOMINANCE_NK,
    MIN_FREQUENCY,
    OBSERVED,
    P_PERCENT,
    SUPPRESSED,
    SUPPRESSION,
    DisclosureReport,
    PrimaryRule,
    ProtectedTable,
    default_frequency_protection,
    make_rule,
    protect_by_suppression,
)
from mechelen.core.tabulation.spec import Protection
from mechelen.engine.publish.populations import link_populations
from mechelen.engine.publish.release_files import EVERYONE
from mechelen.engine.publish.runners.context import ProtectionContext
from mechelen.engine.tables.build import BuiltTable


def rules_for(protection: Protection, magnitude: bool) -> tuple[list[PrimaryRule], dict[str, Any]]:
    params = protection.parameters
    width = params.get("protection", default_frequency_protection(protection.threshold))
    rules = [make_rule(MIN_FREQUENCY.id, threshold=protection.threshold, protection=width)]
    described: dict[str, Any] = {
        MIN_FREQUENCY.id: {"threshold": protection.threshold, "protection": width}
    }
    if magnitude:
        n, k = params.get("dominance", [1, 90])
        p = params.get("p_percent", 10)
        rules += [make_rule(DOMINANCE_NK.id, n=n, k=k), make_rule(P_PERCENT.id, p=p)]
        described |= {DOMINANCE_NK.id: {"n": n, "k": k}, P_PERCENT.id: {"p": p}}
    return rules, described


def suppression(
    tables: Sequence[BuiltTable], protection: Protection, context: ProtectionContext
) -> list[ProtectedTable]:
    magnitude = any(b.table.top_contributions is not None for b in tables)
    rules, described = rules_for(protection, magnitude)
    linked = link_populations(
        [b.table for b in tables],
        context.population,
        {EVERYONE: (), context.population: context.filters}
        | {e.population: e.filters for e in context.earlier},
        [(e.population, t, shown) for e in context.earlier for t, shown in e.tables]
        + [(p, t, np.zeros(len(t), dtype=np.bool_)) for p, t in context.derived],
    )
    result = protect_by_suppression(
        linked.new,
        rules,
        method=protection.secondary,
        time_limit=float(protection.parameters.get("time_limit", 60.0)),
        relations=context.relations,
        published_before=linked.earlier,
        sums=linked.sums,
    )
    protected = []
    for built, outcome in zip(tables, result.tables, strict=True):
        suppressed = [status != OBSERVED for status in outcome.status]
        findings = outcome.findings  # by cell: the system may key cells on more dimensions
        report = DisclosureReport(
            table=built.table.name,
            method=SUPPRESSION.id,
            parameters={
                "rules": described,
                "secondary": protection.secondary,
                "linked_tables": len(tables),
                "relations_between_dimensions": len(context.relations),
                "protected_with": [e.name for e in context.earlier],
            },
            cells=len(built.table),
            suppressed_primary=outcome.primary,
            suppressed_secondary=outcome.secondary,
            information_loss={
                "share_of_cells_suppressed": outcome.share_of_cells_suppressed,
                "share_of_value_suppressed": outcome.share_of_value_suppressed,
                "value_suppressed_secondary": outcome.value_secondary,
            },
            audit={
                "method": "linear programming over the published cells of all linked tables",
                "passed": not findings,
                "too_narrow": len(findings),
            },
        )
        protected.append(
            ProtectedTable(
                table=built.table,
                published=outcome.published,
                flags=tuple(SUPPRESSED if s else OBSERVED for s in suppressed),
                confidentiality=tuple(CONF_PRIMARY if s else CONF_FREE for s in suppressed),
                report=report,
                labels=built.labels,
                measure="persons" if not magnitude else "sum",
            )
        )
    return protected
