from __future__ import annotations

from mechelen.core.framework.graph import blocked_by, distances_from, find_cycle
from mechelen.core.framework.model import Dependency
from mechelen.core.framework.text import Text


def edges(*pairs: tuple[str, str]) -> dict[str, tuple[str, ...]]:
    return blocked_by(Dependency(a, b, Text({"en": "r"})) for a, b in pairs)


def test_distances_are_shortest_paths() -> None:
    graph = edges(("a", "b"), ("b", "c"), ("a", "c"), ("c", "d"))
    assert distances_from(graph, "a") == {"b": 1, "c": 1, "d": 2}
    assert distances_from(graph, "d") == {}


def test_cycles_are_found_and_dags_pass() -> None:
    assert find_cycle(edges(("a", "b"), ("b", "c"))) is None
    cycle = find_cycle(edges(("a", "b"), ("b", "c"), ("c", "a")))
    assert cycle is not None and cycle[0] == cycle[-1] and set(cycle) == {"a", "b", "c"}
    assert find_cycle(edges(("a", "a"))) == ("a", "a")
