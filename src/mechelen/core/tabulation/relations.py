"""Relations between dimensions that anyone can read from the code lists and definitions.

A dimension is *derived* from others when its code is a function of their codes, a function
that is public: the country-of-birth group is a function of the country of birth, the
citizenship status of the migratory status, the migratory status of the pair (birth status,
citizenship status). An attacker who holds two published tables, one by country of birth and
one by country-of-birth group, knows that each group's cell is the sum of the cells of its
countries, even though the two tables share no dimension.

:func:`relation_equations` turns such relations into additive equations among the cells of a
linked system: for a cell whose derived dimension has code ``a`` and whose source dimensions
are at their total, the cell equals the sum of the cells with the derived dimension at its
total and the sources at each combination of codes that maps to ``a``, the other codes
unchanged, when all of those cells exist.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from mechelen.core.tabulation.hierarchy import TOTAL

Key = tuple[str, ...]
Equation = tuple[int, tuple[int, ...]]


@dataclass(frozen=True)
class DerivedDimension:
    """``dimension`` is ``mapping[codes of sources]``: a public function of ``sources``."""

    dimension: str
    sources: tuple[str, ...]
    mapping: Mapping[tuple[str, ...], str]

    def __post_init__(self) -> None:
        if not self.sources or self.dimension in self.sources:
            raise ValueError(f"{self.dimension} needs sources other than itself")
        if len(set(self.sources)) != len(self.sources):
            raise ValueError(f"repeated source of {self.dimension}: {self.sources}")
        for codes, derived in self.mapping.items():
            if len(codes) != len(self.sources):
                raise ValueError(f"{codes} needs one code per source of {self.dimension}")
            if TOTAL in codes or derived == TOTAL:
                raise ValueError(f"{TOTAL} is not a code of a relation")
        object.__setattr__(self, "mapping", MappingProxyType(dict(self.mapping)))

    def preimage(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        """For each derived code, the combinations of source codes that give it."""
        found: dict[str, list[tuple[str, ...]]] = {}
        for codes, derived in self.mapping.items():
            found.setdefault(derived, []).append(codes)
        return {code: tuple(sorted(parts)) for code, parts in found.items()}

    def as_json(self) -> dict[str, Any]:
        """``{"dimension", "from", "map": [[source codes..., derived code], ...]}``."""
        return {
            "dimension": self.dimension,
            "from": list(self.sources),
            "map": [[*codes, derived] for codes, derived in sorted(self.mapping.items())],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> DerivedDimension:
        sources = tuple(str(s) for s in data["from"])
        mapping = {tuple(str(c) for c in row[:-1]): str(row[-1]) for row in data["map"]}
        return cls(str(data["dimension"]), sources, mapping)


def relation_equations(
    dimensions: Sequence[str],
    index: Mapping[Key, int],
    relations: Iterable[DerivedDimension],
) -> list[Equation]:
    """Every equation the relations give among the cells of ``index`` (full keys over
    ``dimensions``). Relations on a dimension the cells do not have are ignored."""
    position = {name: p for p, name in enumerate(dimensions)}
    equations: list[Equation] = []
    for relation in relations:
        if relation.dimension not in position or any(s not in position for s in relation.sources):
            continue
        derived_at = position[relation.dimension]
        source_at = [position[s] for s in relation.sources]
        preimage = relation.preimage()
        for key, cell in index.items():
            code = key[derived_at]
            if code == TOTAL or code not in preimage or any(key[p] != TOTAL for p in source_at):
                continue
            base = list(key)
            base[derived_at] = TOTAL
            parts = []
            for codes in preimage[code]:
                part_key = base.copy()
                for p, source_code in zip(source_at, codes, strict=True):
                    part_key[p] = source_code
                part = index.get(tuple(part_key))
                if part is None:
                    break
                parts.append(part)
            else:
                equations.append((cell, tuple(sorted(parts))))
    return equations


@dataclass(frozen=True)
class CodeSum:
    """On ``dimension``, the cell at ``total`` is the sum of the cells at ``parts``, every
    other code the same: a population is its part inside a filter plus the rest of it."""

    dimension: str
    total: str
    parts: tuple[str, ...]


def sum_equations(
    dimensions: Sequence[str], index: Mapping[Key, int], sums: Iterable[CodeSum]
) -> list[Equation]:
    """Every equation the code sums give among the cells of ``index``."""
    position = {name: p for p, name in enumerate(dimensions)}
    equations: list[Equation] = []
    for code_sum in sums:
        if code_sum.dimension not in position:
            continue
        at = position[code_sum.dimension]
        for key, cell in index.items():
            if key[at] != code_sum.total:
                continue
            parts = [index.get((*key[:at], part, *key[at + 1 :])) for part in code_sum.parts]
            if all(p is not None for p in parts):
                equations.append((cell, tuple(sorted(p for p in parts if p is not None))))
    return equations
