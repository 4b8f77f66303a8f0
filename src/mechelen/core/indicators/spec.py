"""What an indicator is: its measure, what it counts, its direction and what it serves.

An indicator is data, like the framework it serves: the Mechelen catalogue is
``frameworks/mechelen-2017/indicators.yaml``, read by :mod:`mechelen.core.indicators.building`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from mechelen.core.framework.text import Text
from mechelen.core.indicators.cells import TableCells

#: which way is progress; a context indicator describes the city and is never judged
Direction = Literal["higher-is-better", "lower-is-better"]
DIRECTIONS: tuple[Direction, ...] = ("higher-is-better", "lower-is-better")
CONTEXT = "context"

#: where the figures of an indicator come from
SOURCE_KINDS = (
    "published-table",  # a table published by Mechelen behind disclosure control
    "service-figures",  # counts kept by a municipal service (course registers, service use)
    "commitments",  # the city's commitments and their recorded state
    "assessment",  # the joint initial assessment (paragraph 50)
    "external",  # a statistic published by someone else (labour force survey, World Bank)
)

#: dimensions an indicator may be broken down by (never a legal or immigration status)
DISAGGREGATIONS = (
    "geography",
    "sex",
    "age",
    "citizenship",
    "country_of_birth",
    "duration_of_stay",
    "reason_for_migration",
    "birth_status",
    "citizenship_status",
    "migratory_status",
    "sector",
    "corridor",
)


@dataclass(frozen=True)
class DataSource:
    """One source of an indicator's figures; a published table names the dimensions it needs.

    ``cells`` (published tables only) says which cells give the figures, so the values fill
    themselves from every published release (:mod:`mechelen.core.indicators.cells`).
    """

    kind: str
    note: Text = field(default_factory=Text)
    dimensions: tuple[str, ...] = ()
    cells: TableCells | None = None


@dataclass(frozen=True)
class ServedItems:
    """The framework items an indicator serves: commitments by paragraph, sectors, references.

    ``references`` are keys of the framework's references: ``gcm:16``, ``sdg:10.c``,
    ``nua:social-inclusion``.
    """

    commitments: tuple[int, ...] = ()
    sectors: tuple[str, ...] = ()
    references: tuple[str, ...] = ()

    def of_scheme(self, scheme: str) -> tuple[str, ...]:
        return tuple(key for key in self.references if key.split(":", 1)[0] == scheme)

    def serves(self, item: str) -> bool:
        """Whether ``item`` (``p31``, ``sector:education``, ``sdg:4.4``) is served."""
        if item.startswith("p") and item[1:].isdigit():
            return int(item[1:]) in self.commitments
        if item.startswith("sector:"):
            return item.split(":", 1)[1] in self.sectors
        return item in self.references


@dataclass(frozen=True)
class IndicatorSpec:
    """An indicator, e.g. the foreign-born share of residents by district.

    ``measure`` is the id of a registered measure kind (``share``, ``gap``...); the value is
    the measure's result times ``scale`` (100 for a percentage, 1000 for "per 1,000").
    ``direction`` is None for a context indicator, which has no target and no progress status.
    """

    id: str
    label: Text
    definition: Text
    measure: str
    numerator: Text
    unit: Text
    direction: Direction | None
    serves: ServedItems
    sources: tuple[DataSource, ...]
    denominator: Text = field(default_factory=Text)
    #: the two groups a ``gap`` compares (A, then B): the value is A's rate minus B's
    groups: tuple[Text, ...] = ()
    scale: float = 1.0
    disaggregations: tuple[str, ...] = ()

    @property
    def is_context(self) -> bool:
        return self.direction is None

    @property
    def source_kinds(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(source.kind for source in self.sources))

    @property
    def table_source(self) -> DataSource | None:
        """The published-table source that says which cells give the figures, if any."""
        return next((s for s in self.sources if s.cells is not None), None)
