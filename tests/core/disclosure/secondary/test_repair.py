"""The greedy interval repair and the clean-up of secondary cells not needed."""

from __future__ import annotations

import numpy as np

from mechelen.core.disclosure.attacker.audit import audit
from mechelen.core.disclosure.linked import link_tables
from mechelen.core.disclosure.rules.primary import primary_suppression
from mechelen.core.disclosure.secondary.gauss import exact_protection, publication_order
from mechelen.core.disclosure.secondary.repair import drop_redundant, repair_intervals
from tests.core.disclosure.tables import population_table


def test_repair_protects_and_the_clean_up_publishes_cells_not_needed_again() -> None:
    table = population_table("t", [6, 5, 4], seed=0, mean=8)
    system = link_tables([table])
    found = primary_suppression(table)
    order = publication_order(system, found.sensitive, system.values)
    pattern, _ = exact_protection(system, found.sensitive, order)
    pattern |= found.sensitive
    repaired, rounds = repair_intervals(system, found.levels, pattern, system.values)
    assert rounds >= 1 and np.all(repaired[pattern])
    assert audit(system, ~repaired, found.levels).passed
    cleaned = drop_redundant(system, found.levels, repaired, found.sensitive, system.values)
    assert cleaned.sum() < repaired.sum() and np.all(cleaned[found.sensitive])
    assert audit(system, ~cleaned, found.levels).passed
    # cells of groups above the limit are not offered
    kept = drop_redundant(
        system, found.levels, repaired, found.sensitive, system.values, max_group=0
    )
    assert np.array_equal(kept, repaired)
