"""What a method runner gets besides the tables, and the shape every runner has."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from mechelen.core.disclosure import ProtectedTable
from mechelen.core.tabulation.relations import DerivedDimension
from mechelen.core.tabulation.spec import Filter, Protection
from mechelen.core.tabulation.table import CellTable
from mechelen.engine.publish.earlier import EarlierRelease
from mechelen.engine.tables.build import BuiltTable


@dataclass(frozen=True)
class ProtectionContext:
    """What a method may need besides the tables: the privacy budget left, and the public
    relations between the release's dimensions (:mod:`mechelen.engine.tables.relations`)."""

    budget_left: float = float("inf")
    relations: tuple[DerivedDimension, ...] = ()
    #: the population the tables describe (``release_files.filter_signature``)
    population: str = "all"
    filters: tuple[Filter, ...] = ()
    #: earlier suppression releases of the same dataset, protected together with these
    earlier: tuple[EarlierRelease, ...] = ()
    #: (population, table): tables nobody publishes that link tables through a status
    derived: tuple[tuple[str, CellTable], ...] = ()


#: a method run on built tables: the tables protected, in the same order
Runner = Callable[[Sequence[BuiltTable], Protection, ProtectionContext], list[ProtectedTable]]
