"""Small frameworks built directly from core dataclasses, for property tests."""

from __future__ import annotations

from mechelen.core.framework.model import (
    Dependency,
    Dimension,
    Framework,
    ScaleLevel,
    Sector,
    StakeholderGroup,
)
from mechelen.core.framework.text import Text


def _t(value: str) -> Text:
    return Text({"en": value})


def scale(top: int = 4) -> tuple[ScaleLevel, ...]:
    return tuple(ScaleLevel(s, _t(str(s)), _t(f"level {s}")) for s in range(top + 1))


def make_framework(
    sectors: list[str],
    dependencies: list[tuple[str, str]] = (),  # type: ignore[assignment]
    groups: list[str] = ("g1", "g2", "g3"),  # type: ignore[assignment]
    dimensions: list[str] = ("d1", "d2"),  # type: ignore[assignment]
) -> Framework:
    return Framework(
        id="made",
        version="1",
        title=_t("Made"),
        source=_t("tests"),
        languages=("en",),
        required_languages=("en",),
        roles=(),
        themes=(),
        commitments=(),
        means=(),
        dimensions=tuple(Dimension(d, _t(d), _t(d), _t("{sector}?"), scale()) for d in dimensions),
        urgency_levels=scale(),
        stakeholder_groups=tuple(StakeholderGroup(g, "government", _t(g)) for g in groups),
        sectors=tuple(Sector(s, s, _t(s), ()) for s in sectors),
        references=(),
        dependencies=tuple(Dependency(a, b, _t("because")) for a, b in dependencies),
    )
