"""The follow-up as plain data for reports, pages and exports: frozen dataclasses, no Django.

Every function takes an organisation (and a language, ``en``, ``fr`` or ``es``, for labels
and reasons) and returns the dataclasses of :mod:`mechelen.web.followup.rows`:

``indicator_progress(organisation, lang, public_only=False) -> list[IndicatorProgressRow]``
    Each indicator the city follows: ``spec_id``, ``label``, ``definition``, ``unit``,
    ``direction`` (``higher-is-better``, ``lower-is-better`` or None for context) and its
    label, the items it serves (``served_commitments`` paragraphs, ``served_sectors``,
    ``served_references`` such as ``sdg:10.7``), ``breakdown`` (the disaggregation followed),
    ``baseline_year``/``baseline_value``, ``target_value``/``target_year``, ``series`` (whole
    area, oldest first, :class:`SeriesPoint` with year, value, source, note, public),
    ``parts`` (the latest year's values by part of the breakdown), ``computed_status`` and
    ``effective_status`` (``ProgressStatus`` values, None for context) with translated labels,
    ``reason_code``/``reason`` (the computed status's reason, translated), and the manual
    override's ``override_by``/``override_reason``/``override_on``. ``public_only`` keeps the
    indicators marked public and their public values (published releases, values marked
    public), and assesses the status on those values only.

``commitment_progress(organisation, lang, public_only=False) -> list[CommitmentRow]``
    Each commitment: ``paragraph`` (None for the city's own), ``title``, the framework's
    crosswalk ``gcm``/``sdg``/``nua`` codes, ``owner``, ``target``, ``due_date``, ``status``
    and its label, ``public``, and ``evidence`` (:class:`EvidenceRow`: date, title, url — the
    link or the site path of the document — document name and kind), newest first.

``assessment_change(organisation, lang) -> AssessmentChange | None``
    The latest closed assessment round against the baseline round (the one the coordinator
    marked, else the first closed round): per sector x dimension :class:`CellChange` with
    ``before``, ``after`` and ``difference`` (consensus on the 0-4 scale); None with fewer
    than two closed rounds. :func:`assessment_changes` gives every later round's change.

``data_coverage(organisation, lang="en") -> list[CoverageRow]``
    For country of birth, citizenship, sex, age, geography (parts of the area), duration of
    stay and reason for migration: whether a published release of the city holds it, with the
    table dimensions and the release titles that do.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from mechelen.core.indicators import STATUS_LABELS, ProgressStatus
from mechelen.i18n import render_message, translator
from mechelen.web.commitments.models import Commitment
from mechelen.web.followup.change.rounds import (
    baseline_round,
    change_between,
    later_rounds,
    latest_change,
)
from mechelen.web.followup.coverage import data_coverage
from mechelen.web.followup.indicators.progress import assess, is_public, observations_of
from mechelen.web.followup.indicators.specs import spec_of
from mechelen.web.followup.models import (
    CityIndicator,
    CommitmentEvidence,
    IndicatorObservation,
    ObservationSource,
)
from mechelen.web.followup.rows import (
    AssessmentChange,
    CellChange,
    CommitmentRow,
    CoverageRow,
    EvidenceRow,
    IndicatorProgressRow,
    SeriesPoint,
)
from mechelen.web.framework_data import commitment as framework_commitment
from mechelen.web.tenancy.models import Organisation

__all__ = [
    "AssessmentChange",
    "CellChange",
    "CommitmentRow",
    "CoverageRow",
    "EvidenceRow",
    "IndicatorProgressRow",
    "SeriesPoint",
    "assessment_change",
    "assessment_changes",
    "commitment_progress",
    "data_coverage",
    "evidence_row",
    "indicator_progress",
]


def _direction_label(direction: str | None) -> str:
    if direction == "higher-is-better":
        return _("Higher is better")
    if direction == "lower-is-better":
        return _("Lower is better")
    return _("Context: described, not judged")


def _point(observation: IndicatorObservation) -> SeriesPoint:
    return SeriesPoint(
        year=observation.year,
        value=observation.value,
        source=observation.source,
        source_label=str(ObservationSource(observation.source).label),
        note=observation.source_note,
        public=is_public(observation),
        part=observation.breakdown,
        part_label=observation.breakdown_label or observation.breakdown,
    )


def _status_label(status: ProgressStatus | None, lang: str) -> str:
    return translator(lang)(STATUS_LABELS[status]) if status is not None else ""


def progress_row(item: CityIndicator, lang: str, public_only: bool) -> IndicatorProgressRow | None:
    spec = spec_of(item)
    if spec is None:
        return None
    observations = list(observations_of(item, public_only))
    whole = [o for o in observations if not o.breakdown]
    latest_part_year = max((o.year for o in observations if o.breakdown), default=None)
    parts = [o for o in observations if o.breakdown and o.year == latest_part_year]
    result = assess(item, spec, whole)
    with translation.override(lang):
        return IndicatorProgressRow(
            spec_id=spec.id,
            label=spec.label.get(lang),
            definition=spec.definition.get(lang),
            unit=spec.unit.get(lang),
            direction=spec.direction,
            direction_label=_direction_label(spec.direction),
            served_commitments=spec.serves.commitments,
            served_sectors=spec.serves.sectors,
            served_references=spec.serves.references,
            breakdown=item.disaggregation,
            baseline_year=item.baseline_year,
            baseline_value=item.baseline_value,
            target_value=item.target_value if spec.direction else None,
            target_year=item.target_year if spec.direction else None,
            series=tuple(_point(o) for o in whole),
            parts=tuple(_point(o) for o in parts),
            computed_status=result.computed.value if result else None,
            effective_status=result.effective.value if result else None,
            computed_label=_status_label(result.computed if result else None, lang),
            effective_label=_status_label(result.effective if result else None, lang),
            reason_code=result.reason.code if result else "",
            reason=render_message(result.reason.code, result.reason.params, lang) if result else "",
            override_by=(result.override.by if result and result.override else ""),
            override_reason=(result.override.reason if result and result.override else ""),
            override_on=(result.override.on if result and result.override else None),
            public=item.public,
            custom=item.is_custom,
        )


def indicator_progress(
    organisation: Organisation, lang: str, public_only: bool = False
) -> list[IndicatorProgressRow]:
    items = CityIndicator.objects.filter(organisation=organisation).select_related("override_by")
    if public_only:
        items = items.filter(public=True)
    rows = (progress_row(item, lang, public_only) for item in items)
    return [row for row in rows if row is not None]


def evidence_row(item: CommitmentEvidence) -> EvidenceRow:
    url = item.url
    if item.has_document:
        commitment = item.commitment
        name = "public_followup:evidence_file" if commitment.public else "followup:evidence_file"
        url = reverse(name, kwargs={"slug": commitment.organisation.slug, "pk": item.pk})
    return EvidenceRow(item.date, item.title, url, item.original_name, item.kind)


def commitment_progress(
    organisation: Organisation, lang: str, public_only: bool = False
) -> list[CommitmentRow]:
    found = Commitment.objects.filter(organisation=organisation)
    if public_only:
        found = found.filter(public=True)
    evidence: dict[int, list[CommitmentEvidence]] = {}
    for known_evidence in CommitmentEvidence.objects.filter(commitment__in=found).select_related(
        "commitment__organisation"
    ):
        evidence.setdefault(known_evidence.commitment_id, []).append(known_evidence)
    rows = []
    with translation.override(lang):
        for item in found:
            known = framework_commitment(item.paragraph) if item.paragraph is not None else None
            links = known.crosswalk if known is not None else ()
            rows.append(
                CommitmentRow(
                    paragraph=item.paragraph,
                    title=known.title.get(lang) if known is not None else item.own_title,
                    gcm=tuple(link.code for link in links if link.scheme == "gcm"),
                    sdg=tuple(link.code for link in links if link.scheme == "sdg"),
                    nua=tuple(link.code for link in links if link.scheme == "nua"),
                    owner=item.owner,
                    target=item.target,
                    due_date=item.due_date,
                    status=item.status,
                    status_label=str(item.get_status_display()),
                    public=item.public,
                    evidence=tuple(evidence_row(e) for e in evidence.get(item.pk, [])),
                )
            )
    return rows


def assessment_change(organisation: Organisation, lang: str) -> AssessmentChange | None:
    return latest_change(organisation, lang)


def assessment_changes(organisation: Organisation, lang: str) -> list[AssessmentChange]:
    """Every closed round after the baseline, each against the baseline."""
    baseline = baseline_round(organisation)
    if baseline is None:
        return []
    return [change_between(baseline, later, lang) for later in later_rounds(organisation)]
