"""Frozen dataclasses for a migration-governance framework such as the Mechelen Declaration."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol, TypeVar

from mechelen.core.framework.text import Text

Basis = Literal["stated", "judgement"]
REFERENCE_SCHEMES = ("gcm", "sdg", "nua")


@dataclass(frozen=True)
class CrosswalkLink:
    """A link to a global framework item, e.g. ``sdg:8.8``, and whether the text states it."""

    target: str
    basis: Basis

    @property
    def scheme(self) -> str:
        return self.target.split(":", 1)[0]

    @property
    def code(self) -> str:
        return self.target.split(":", 1)[1] if ":" in self.target else ""


@dataclass(frozen=True)
class Reference:
    """An item of a global framework: a GCM objective, an SDG target or a New Urban Agenda theme."""

    scheme: str
    code: str
    title: Text
    kind: str = "target"

    @property
    def key(self) -> str:
        return f"{self.scheme}:{self.code}"


@dataclass(frozen=True)
class Role:
    id: str
    paragraph: int
    label: Text
    description: Text


@dataclass(frozen=True)
class Theme:
    id: str
    label: Text
    first_paragraph: int
    last_paragraph: int

    def holds(self, paragraph: int) -> bool:
        return self.first_paragraph <= paragraph <= self.last_paragraph


@dataclass(frozen=True)
class Commitment:
    paragraph: int
    theme_id: str
    title: Text
    summary: Text
    crosswalk: tuple[CrosswalkLink, ...]

    @property
    def id(self) -> str:
        return f"p{self.paragraph}"


@dataclass(frozen=True)
class MeansOfImplementation:
    paragraph: int
    title: Text
    summary: Text


@dataclass(frozen=True)
class ScaleLevel:
    score: int
    label: Text
    description: Text


@dataclass(frozen=True)
class Dimension:
    """An assessment dimension (paragraph 50a) with its question and its maturity scale."""

    id: str
    label: Text
    description: Text
    question: Text
    levels: tuple[ScaleLevel, ...]

    def question_for(self, sector_label: str, lang: str) -> str:
        return self.question.get(lang).replace("{sector}", sector_label)


@dataclass(frozen=True)
class StakeholderGroup:
    id: str
    kind: str
    label: Text


@dataclass(frozen=True)
class Sector:
    id: str
    letter: str
    label: Text
    crosswalk: tuple[CrosswalkLink, ...]


@dataclass(frozen=True)
class Dependency:
    """``blocker`` failing keeps people from ``blocked``'s services, for ``reason``."""

    blocker: str
    blocked: str
    reason: Text


@dataclass(frozen=True)
class Framework:
    id: str
    version: str
    title: Text
    source: Text
    languages: tuple[str, ...]
    required_languages: tuple[str, ...]
    roles: tuple[Role, ...]
    themes: tuple[Theme, ...]
    commitments: tuple[Commitment, ...]
    means: tuple[MeansOfImplementation, ...]
    dimensions: tuple[Dimension, ...]
    urgency_levels: tuple[ScaleLevel, ...]
    stakeholder_groups: tuple[StakeholderGroup, ...]
    sectors: tuple[Sector, ...]
    references: tuple[Reference, ...]
    dependencies: tuple[Dependency, ...]

    def sector(self, sector_id: str) -> Sector:
        return _by_id(self.sectors, sector_id)

    def dimension(self, dimension_id: str) -> Dimension:
        return _by_id(self.dimensions, dimension_id)

    def group(self, group_id: str) -> StakeholderGroup:
        return _by_id(self.stakeholder_groups, group_id)

    def theme(self, theme_id: str) -> Theme:
        return _by_id(self.themes, theme_id)

    def reference(self, key: str) -> Reference | None:
        return next((r for r in self.references if r.key == key), None)

    @property
    def max_score(self) -> int:
        """Top of the maturity scale shared by all dimensions."""
        return max((lvl.score for d in self.dimensions for lvl in d.levels), default=0)

    @property
    def max_urgency(self) -> int:
        return max((lvl.score for lvl in self.urgency_levels), default=0)

    def commitments_of(self, theme_id: str) -> tuple[Commitment, ...]:
        return tuple(c for c in self.commitments if c.theme_id == theme_id)


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


_T = TypeVar("_T", bound=_HasId)


def _by_id(items: tuple[_T, ...], item_id: str) -> _T:
    for item in items:
        if item.id == item_id:
            return item
    raise KeyError(item_id)
