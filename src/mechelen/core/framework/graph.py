"""The sector interdependence graph: who blocks whom, directly and transitively."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping

from mechelen.core.framework.model import Dependency


def blocked_by(dependencies: Iterable[Dependency]) -> dict[str, tuple[str, ...]]:
    """Direct successors: for each blocker, the sectors it blocks, in framework order."""
    graph: dict[str, list[str]] = {}
    for dependency in dependencies:
        graph.setdefault(dependency.blocker, []).append(dependency.blocked)
    return {node: tuple(targets) for node, targets in graph.items()}


def distances_from(graph: Mapping[str, tuple[str, ...]], start: str) -> dict[str, int]:
    """Shortest number of edges from ``start`` to every sector it blocks, directly or not."""
    distances: dict[str, int] = {}
    queue = deque([(start, 0)])
    while queue:
        node, distance = queue.popleft()
        for successor in graph.get(node, ()):
            if successor not in distances and successor != start:
                distances[successor] = distance + 1
                queue.append((successor, distance + 1))
    return distances


def find_cycle(graph: Mapping[str, tuple[str, ...]]) -> tuple[str, ...] | None:
    """One cycle of the graph as a path (first node repeated at the end), or None."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = fully explored
    nodes = sorted(set(graph) | {t for targets in graph.values() for t in targets})
    for root in nodes:
        if state.get(root):
            continue
        path: list[str] = [root]
        iterators = [iter(graph.get(root, ()))]
        state[root] = 1
        while iterators:
            successor = next(iterators[-1], None)
            if successor is None:
                state[path.pop()] = 2
                iterators.pop()
            elif state.get(successor) == 1:
                return (*path[path.index(successor) :], successor)
            elif not state.get(successor):
                state[successor] = 1
                path.append(successor)
                iterators.append(iter(graph.get(successor, ())))
    return None
