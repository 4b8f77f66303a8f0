"""A catalogue of indicators for one framework, e.g. the ready ones of Mechelen 2017."""

from __future__ import annotations

from dataclasses import dataclass

from mechelen.core.indicators.spec import IndicatorSpec


@dataclass(frozen=True)
class IndicatorCatalogue:
    framework_id: str
    indicators: tuple[IndicatorSpec, ...]

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(spec.id for spec in self.indicators)

    def indicator(self, indicator_id: str) -> IndicatorSpec:
        for spec in self.indicators:
            if spec.id == indicator_id:
                return spec
        raise KeyError(indicator_id)

    def serving(self, item: str) -> tuple[IndicatorSpec, ...]:
        """Indicators serving ``item``: ``p31``, ``sector:education``, ``gcm:16``, ``sdg:10.c``."""
        return tuple(spec for spec in self.indicators if spec.serves.serves(item))

    @property
    def targetable(self) -> tuple[IndicatorSpec, ...]:
        """Indicators with a direction, for which a city can set a target."""
        return tuple(spec for spec in self.indicators if not spec.is_context)
