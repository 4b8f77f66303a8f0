"""Text in several languages, with a fallback language."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

FALLBACK_LANGUAGE = "en"


@dataclass(frozen=True)
class Text:
    """A short text in several languages, e.g. ``Text({"en": "Food", "fr": "Alimentation"})``."""

    values: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "values", MappingProxyType(dict(self.values)))

    def __hash__(self) -> int:
        return hash(tuple(sorted(self.values.items())))

    def get(self, lang: str) -> str:
        """The text in ``lang``, else in English, else in any language present, else ''."""
        if lang in self.values:
            return self.values[lang]
        if FALLBACK_LANGUAGE in self.values:
            return self.values[FALLBACK_LANGUAGE]
        return next(iter(self.values.values()), "")

    def has(self, lang: str) -> bool:
        return bool(self.values.get(lang, "").strip())

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(sorted(self.values))
