"""Localised wording of report figures: numbers, lists, scale labels and priority reasons
(:class:`Wording`, every report), and the statuses, schemes, dates, countries and values of the
follow-up and network reports (:class:`ReportWording`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Protocol, TypeVar

from babel.lists import format_list

from mechelen.core.assessment.priorities import PriorityScore
from mechelen.core.framework.model import Framework, Reference, ScaleLevel
from mechelen.core.indicators.status import STATUS_LABELS, ProgressStatus
from mechelen.core.messages import N_
from mechelen.core.reporting.follow_up.findings import FINDING_MESSAGES
from mechelen.core.reporting.follow_up.model import (
    COMMITMENT_STATE_LABELS,
    Finding,
    IndicatorEntry,
)
from mechelen.i18n import Translator, translator
from mechelen.i18n.countries import collation_key, country_name
from mechelen.i18n.dates import format_long_date
from mechelen.i18n.numbers import format_number
from mechelen.i18n.typography import colon, punctuation_mark, spaced_punctuation


class _InACountry(Protocol):
    @property
    def country(self) -> str: ...


C = TypeVar("C", bound=_InACountry)

SCHEME_TITLES: dict[str, str] = {
    "gcm": N_("Global Compact for Migration: objectives"),
    "sdg": N_("Sustainable Development Goals: targets"),
    "nua": N_("New Urban Agenda: themes"),
}
SCHEME_ITEMS: dict[str, str] = {
    "gcm": N_("GCM objective {code}"),
    "sdg": N_("SDG {kind} {code}"),
    "nua": N_("New Urban Agenda"),
}
KIND_LABELS: dict[str, str] = {"target": N_("target"), "indicator": N_("indicator")}
DISAGGREGATION_LABELS: dict[str, str] = {
    "geography": N_("Parts of the area"),
    "sex": N_("Sex"),
    "age": N_("Age"),
    "citizenship": N_("Citizenship"),
    "country_of_birth": N_("Country of birth"),
    "duration_of_stay": N_("Duration of stay"),
    "reason_for_migration": N_("Reason for migration"),
    "birth_status": N_("Born abroad or not"),
    "citizenship_status": N_("Citizen or not"),
    "migratory_status": N_("Migratory status"),
    "sector": N_("Sector"),
    "corridor": N_("Remittance corridor"),
}


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
        return format_number(value, self.lang, digits, fixed=True)

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


class ReportWording(Wording):
    """:class:`Wording` plus what the follow-up and network reports need."""

    def value(self, value: float | None) -> str:
        """An indicator value: up to two decimals, grouped thousands (1 234,5 in French)."""
        if value is None:
            return "–"
        return format_number(value, self.lang, 2)

    def signed(self, value: float | None, digits: int = 1) -> str:
        if value is None:
            return "–"
        text = self.number(abs(value), digits)
        return ("+" if value > 0 else "−" if value < 0 else "±") + text

    def date(self, day: date | None) -> str:
        return format_long_date(day, self.lang) if day else ""

    def status(self, status: ProgressStatus | str | None) -> str:
        if status is None:
            return self._(N_("Context (not judged)"))
        return self._(STATUS_LABELS[ProgressStatus(status)])

    def set_by_hand(self, entry: IndicatorEntry) -> str:
        """Who set the status by hand, when, the computed status, and why, e.g. ``Set by Ann
        on 3 March 2025 (computed status: Moving too slowly): new desks opened``."""
        _ = self._
        if entry.override_by and entry.override_on:
            text = _(N_("Set by {who} on {date}")).format(
                who=entry.override_by, date=self.date(entry.override_on)
            )
        elif entry.override_by:
            text = _(N_("Set by {who}")).format(who=entry.override_by)
        else:
            text = _(N_("Set by hand"))
        if entry.computed is not None:
            computed = _(N_("computed status: {status}")).format(status=self.status(entry.computed))
            text = f"{text} ({computed})"
        return self.labelled(text, entry.override_reason) if entry.override_reason else text

    def commitment_state(self, state: str) -> str:
        return self._(COMMITMENT_STATE_LABELS.get(state, state))

    def disaggregation(self, name: str) -> str:
        return self._(DISAGGREGATION_LABELS[name]) if name in DISAGGREGATION_LABELS else name

    def country(self, alpha3: str) -> str:
        return country_name(alpha3, self.lang)

    def by_country(self, items: Iterable[C]) -> list[C]:
        """``items`` (each with an alpha-3 ``country``) sorted by the country's name in this
        language ("Allemagne" before "Belgique" in French, "Bélgica" before "Francia")."""
        return sorted(items, key=lambda item: collation_key(self.country(item.country)))

    def scheme(self, scheme: str) -> str:
        return self._(SCHEME_TITLES.get(scheme, scheme))

    def reference_code(self, reference: Reference) -> str:
        """``GCM objective 16``, ``SDG target 10.7``, ``New Urban Agenda``."""
        template = SCHEME_ITEMS.get(reference.scheme)
        if template is None:
            return reference.key
        kind = self._(KIND_LABELS.get(reference.kind, reference.kind))
        return self._(template).format(code=reference.code, kind=kind)

    def reference(self, reference: Reference) -> str:
        return self.labelled(self.reference_code(reference), reference.title.get(self.lang))

    def paragraph(self, paragraph: int | None) -> str:
        return f"§{paragraph}" if paragraph is not None else self._(N_("own"))

    def finding(self, finding: Finding) -> str:
        params: dict[str, object] = {}
        for key, value in finding.params.items():
            params[key] = self._param(key, value, finding.params)
        return self._(FINDING_MESSAGES[finding.code]).format(**params)

    def _param(self, key: str, value: object, params: Mapping[str, object]) -> str:
        if key == "sector" and isinstance(value, str):
            label = self.sector(value)
            dimension = params.get("dimension")
            if isinstance(dimension, str):
                label = f"{label} / {self.dimension(dimension)}"
            return label
        if key == "delta" and isinstance(value, float):
            return self.signed(value)
        if isinstance(value, tuple):
            return self.items([str(v) for v in value])
        return str(value)
