"""Next steps of the follow-up: indicators off track, and values missing for the latest year.

Read with two queries for every organisation asked about (the indicators, then their
whole-area values); each indicator's status is the core's, as on the indicators' pages.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from mechelen.core.indicators import STATUS_LABELS, ProgressStatus
from mechelen.i18n import translator
from mechelen.web.followup import policy
from mechelen.web.followup.indicators.progress import assess, recorded
from mechelen.web.followup.indicators.rows import RecordedValue
from mechelen.web.followup.indicators.specs import spec_of
from mechelen.web.followup.models import CityIndicator, IndicatorObservation
from mechelen.web.language import page_language
from mechelen.web.tenancy.models import Organisation
from mechelen.web.tenancy.next_steps import Home, NextStep, Urgency

OFF_TRACK = (ProgressStatus.MOVING_TOO_SLOWLY, ProgressStatus.MOVING_AWAY)
#: how many indicators a step names before "and N more"
NAMED = 3
#: more indicators off track than this make one step with their number
MOST_LISTED = 5


def indicators(home: Home) -> Iterator[NextStep]:
    """For the people who read the follow-up: the indicators off track (to review, for those
    who may edit them; for the others to know). For those who record values: the indicators
    without a value for the organisation's latest year."""
    reading = {o.pk: o for o in home.where(policy.can_view)}
    if not reading:
        return
    items = list(
        CityIndicator.objects.filter(organisation_id__in=sorted(reading)).select_related(
            "override_by"
        )
    )
    if not items:
        return
    values: dict[int, list[RecordedValue]] = defaultdict(list)
    observations = (
        IndicatorObservation.objects.filter(indicator__in=[i.pk for i in items], breakdown="")
        .select_related("release")
        .order_by("year", "pk")
    )
    for observation in observations:
        values[observation.indicator_id].append(recorded(observation))
    lang = page_language()
    by_organisation: dict[int, list[CityIndicator]] = defaultdict(list)
    for item in items:
        by_organisation[item.organisation_id].append(item)
    for organisation_id, followed in by_organisation.items():
        organisation = reading[organisation_id]
        editor = policy.can_edit(home.access, organisation)
        off = list(_off_track(organisation, followed, values, lang, editor))
        if len(off) > MOST_LISTED:
            yield _many_off_track(organisation, [label for label, _step in off], editor)
        else:
            yield from (step for _label, step in off)
        if editor:
            yield from _missing(organisation, followed, values, lang)


def _off_track(
    organisation: Organisation,
    followed: list[CityIndicator],
    values: dict[int, list[RecordedValue]],
    lang: str,
    editor: bool,
) -> Iterator[tuple[str, NextStep]]:
    """(label, step) of each indicator off track."""
    words = translator(lang)
    for item in followed:
        spec = spec_of(item)
        if spec is None:
            continue
        result = assess(item, spec, values.get(item.pk, []))
        if result is None or result.effective not in OFF_TRACK:
            continue
        label = spec.label.get(lang)
        status = words(STATUS_LABELS[result.effective])
        if item.target_value is not None and item.target_year is not None:
            target = _("Its target is {value} by {year}.").format(
                value=floatformat(item.target_value, "-2g"), year=item.target_year
            )
        else:
            target = ""
        if result.effective == ProgressStatus.MOVING_AWAY:
            why = _("{status}: its latest values move away from the target.")
        else:
            why = _("{status}: at this pace the target will not be reached in time.")
        yield (
            label,
            NextStep(
                title=(
                    _("Review “{indicator}”: it is off track")
                    if editor
                    else _("“{indicator}” is off track")
                ).format(indicator=label),
                why=" ".join(p for p in (why.format(status=status), target) if p),
                url=reverse(
                    "followup:indicator", kwargs={"slug": organisation.slug, "pk": item.pk}
                ),
                urgency=Urgency.TODO if editor else Urgency.INFO,
                organisation=organisation,
            ),
        )


def _named(labels: list[str]) -> str:
    """The first labels quoted, then "and N others"."""
    named = ", ".join(f"“{label}”" for label in labels[:NAMED])
    if len(labels) <= NAMED:
        return named
    more = len(labels) - NAMED
    return ngettext("{named} and {more} other", "{named} and {more} others", more).format(
        named=named, more=more
    )


def _many_off_track(organisation: Organisation, labels: list[str], editor: bool) -> NextStep:
    count = len(labels)
    if editor:
        title = ngettext(
            "Review {count} indicator off track", "Review {count} indicators off track", count
        )
    else:
        title = ngettext(
            "{count} indicator is off track", "{count} indicators are off track", count
        )
    return NextStep(
        title=title.format(count=count),
        why=_("They move too slowly towards their targets, or away from them: {named}.").format(
            named=_named(labels)
        ),
        url=reverse("followup:indicators", kwargs={"slug": organisation.slug}),
        urgency=Urgency.TODO if editor else Urgency.INFO,
        count=count,
        organisation=organisation,
    )


def _missing(
    organisation: Organisation,
    followed: list[CityIndicator],
    values: dict[int, list[RecordedValue]],
    lang: str,
) -> Iterator[NextStep]:
    years = {v.observation.year for item in followed for v in values.get(item.pk, [])}
    if not years:
        return
    latest = max(years)
    lacking = []
    for item in followed:
        if all(v.observation.year != latest for v in values.get(item.pk, [])):
            spec = spec_of(item)
            lacking.append(spec.label.get(lang) if spec else item.indicator_id)
    if not lacking:
        return
    count = len(lacking)
    named = _named(lacking)
    yield NextStep(
        title=ngettext(
            "Record the {year} value of {count} indicator",
            "Record the {year} values of {count} indicators",
            count,
        ).format(year=latest, count=count),
        why=_("Other indicators have a value for {year}; these have none yet: {named}.").format(
            year=latest, named=named
        ),
        url=reverse("followup:indicators", kwargs={"slug": organisation.slug}),
        urgency=Urgency.TODO,
        count=count,
        organisation=organisation,
    )
