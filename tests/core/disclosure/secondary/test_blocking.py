"""Equations that alone block a sensitive cell, repaired without LPs."""

from __future__ import annotations

import numpy as np

from mechelen.core.disclosure.attacker.audit import audit
from mechelen.core.disclosure.linked import link_tables
from mechelen.core.disclosure.rules.primary import primary_suppression
from mechelen.core.disclosure.secondary.blocking import unblock_equations
from mechelen.core.tabulation.hierarchy import Hierarchy
from mechelen.core.tabulation.table import full_table_from_leaves


def test_two_small_cells_of_a_row_get_a_large_partner() -> None:
    # total 33 = 1 + 2 + 30: with the two small cells suppressed, the 1 can only reach 3
    codes = Hierarchy.flat("d", ["a", "b", "c"])
    table = full_table_from_leaves("t", [codes], {("a",): 1, ("b",): 2, ("c",): 30})
    system = link_tables([table])
    found = primary_suppression(table)
    assert not audit(system, ~found.sensitive, found.levels).passed
    unblocked, passes = unblock_equations(system, found.levels, found.sensitive, system.values)
    added = {system.keys[c] for c in np.flatnonzero(unblocked & ~found.sensitive)}
    assert added == {("c",)} and passes == 1
    assert audit(system, ~unblocked, found.levels).passed


def test_nothing_to_do_when_the_room_is_there() -> None:
    codes = Hierarchy.flat("d", ["a", "b", "c"])
    table = full_table_from_leaves("t", [codes], {("a",): 1, ("b",): 20, ("c",): 30})
    system = link_tables([table])
    suppressed = np.isin(
        np.arange(len(system)), [system.keys.index(("a",)), system.keys.index(("b",))]
    )
    found = primary_suppression(table)
    unblocked, passes = unblock_equations(system, found.levels, suppressed, system.values)
    assert np.array_equal(unblocked, suppressed) and passes == 0
