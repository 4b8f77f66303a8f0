"""Localised wording of report figures: numbers, lists, scale labels and priority reasons."""

from __future__ import annotations

from babel.lists import format_list
from babel.numbers import format_decimal

from mechelen.core.assessment.priorities import PriorityScore
from mechelen.core.framework.model import Framework, ScaleLevel
from mechelen.core.messages import N_
from mechelen.i18n import Translator, translator
from mechelen.i18n.typography import colon, punctuation_mark, spaced_punctuation


class Wording:
    """Formats figures and reasons in one language."""

    def __init__(self, framework: Framework, lang: str) -> None:
        self.framework = framework
        self.lang = lang
        self._ = self._typeset(translator(lang))

    def _typeset(self, translate: Translator) -> Translator:
        """Translations with the language's punctuation (``Cible : 80`` in French)."""
        return lambda message: spaced_punctuation(translate(message), self.lang)

    @property
    def colon(self) -> str:
        """The colon after a label in this language (`` :`` with a narrow space in French)."""
        return colon(self.lang)

    def mark(self, mark: str) -> str:
        """A ``;`` ``?`` ``!`` or ``:`` after a word, with French spacing in French."""
        return punctuation_mark(mark, self.lang)

    def labelled(self, label: str, value: str) -> str:
        """``label: value`` as the language writes it."""
        return f"{label}{self.colon} {value}"

    def number(self, value: float | None, digits: int = 1) -> str:
        if value is None:
            return "–"
        return format_decimal(round(value, digits), format=f"0.{'0' * digits}", locale=self.lang)

    def items(self, labels: list[str]) -> str:
        return format_list(labels, locale=self.lang) if labels else ""

    def sector(self, sector_id: str) -> str:
        return self.framework.sector(sector_id).label.get(self.lang)

    def group(self, group_id: str) -> str:
        return self.framework.group(group_id).label.get(self.lang)

    def sectors(self, sector_ids: list[str] | tuple[str, ...]) -> str:
        return self.items([self.sector(s) for s in sector_ids])

    def groups(self, group_ids: list[str] | tuple[str, ...]) -> str:
        return self.items([self.group(g) for g in group_ids])

    def dimension(self, dimension_id: str) -> str:
        if dimension_id == "urgency":
            return self._(N_("Urgency"))
        return self.framework.dimension(dimension_id).label.get(self.lang)

    def level(self, levels: tuple[ScaleLevel, ...], score: float | None) -> str:
        """Label of the scale level nearest to ``score`` (half-way rounds up)."""
        if score is None or not levels:
            return ""
        nearest = min(levels, key=lambda lvl: (abs(lvl.score - score), -lvl.score))
        return nearest.label.get(self.lang)

    def reasons(self, priority: PriorityScore) -> str:
        """Why a sector has its rank, e.g. 'average score 1.3 of 4; urgency high; blocks ...'."""
        _ = self._
        if not priority.assessed:
            return _(N_("no answers for this sector"))
        top = self.framework.max_score
        top_urgency = self.framework.max_urgency
        assert priority.gap is not None
        score = top * (1 - priority.gap)
        parts = [_(N_("average score {score} of {top}")).format(score=self.number(score), top=top)]
        if priority.urgency is None:
            parts.append(_(N_("urgency not rated (mid-scale assumed)")))
        else:
            urgency = priority.urgency * top_urgency
            parts.append(
                _(N_("urgency {label} ({value} of {top})")).format(
                    label=self.level(self.framework.urgency_levels, urgency).lower(),
                    value=self.number(urgency),
                    top=top_urgency,
                )
            )
        direct = [self.sector(b.sector_id) for b in priority.blocks if b.distance == 1]
        indirect = sum(1 for b in priority.blocks if b.distance > 1)
        if direct:
            parts.append(_(N_("blocks {sectors}")).format(sectors=self.items(direct)))
        if indirect:
            parts.append(_(N_("and {count} more through them")).format(count=indirect))
        return f"{self.mark(';')} ".join(parts)
