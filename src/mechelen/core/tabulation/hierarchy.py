"""The codes of one dimension and their parents, up to the grand total."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

#: code of the total of a dimension (SDMX convention)
TOTAL = "_T"


@dataclass(frozen=True)
class Hierarchy:
    """A tree of codes: ``parents[code]`` is the code it adds up into; the root is TOTAL.

    A flat dimension (sex: F, M) has every code's parent equal to TOTAL. A geography has
    districts under municipalities under provinces, and so on.
    """

    dimension: str
    parents: Mapping[str, str]
    _children: Mapping[str, tuple[str, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        parents = dict(self.parents)
        if TOTAL in parents:
            raise ValueError(f"{TOTAL} is the root and has no parent")
        children: dict[str, list[str]] = {}
        for code, parent in parents.items():
            if parent != TOTAL and parent not in parents:
                raise ValueError(f"parent {parent!r} of {code!r} is not a code of {self.dimension}")
            children.setdefault(parent, []).append(code)
        object.__setattr__(self, "parents", MappingProxyType(parents))
        object.__setattr__(
            self, "_children", MappingProxyType({k: tuple(v) for k, v in children.items()})
        )
        for code in parents:  # reject cycles: every code must reach TOTAL
            seen = {code}
            node = parents[code]
            while node != TOTAL:
                if node in seen:
                    raise ValueError(f"cycle in hierarchy of {self.dimension} at {code!r}")
                seen.add(node)
                node = parents[node]

    @classmethod
    def flat(cls, dimension: str, codes: Iterable[str]) -> Hierarchy:
        return cls(dimension, dict.fromkeys(codes, TOTAL))

    def children(self, code: str) -> tuple[str, ...]:
        return self._children.get(code, ())

    def is_leaf(self, code: str) -> bool:
        return code != TOTAL and code not in self._children

    @property
    def codes(self) -> tuple[str, ...]:
        """Every code including TOTAL, parents before children."""
        ordered: list[str] = [TOTAL]
        index = 0
        while index < len(ordered):
            ordered.extend(self.children(ordered[index]))
            index += 1
        return tuple(ordered)

    @property
    def depth(self) -> int:
        """Number of levels below the total (1 for a flat dimension)."""
        deepest = 0
        for code in self.parents:
            steps, node = 1, self.parents[code]
            while node != TOTAL:
                steps, node = steps + 1, self.parents[node]
            deepest = max(deepest, steps)
        return deepest

    @property
    def leaves(self) -> tuple[str, ...]:
        return tuple(code for code in self.codes if self.is_leaf(code))
