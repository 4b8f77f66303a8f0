"""The follow-up sections of the public pages: public indicators and public evidence.

What anyone may see, whoever looks (the policy's ``visible_…`` for a visitor): the indicators
the city marked public, with values from published releases or marked public, and the
evidence of public commitments. Every figure shown is the indicator's published reading
(:func:`mechelen.web.followup.indicators.progress.published_reading`): its latest public value
and the status assessed on public values only, the very reading the internal pages show
beside their own figures.

- a city's page: how many indicators are on track (a key figure), a chart of the indicators
  by status with them as a table, and a card per indicator (its chart and its values);
- a network's comparison of its members: each one's indicators on track.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from mechelen.core.indicators import STATUS_LABELS, ProgressStatus
from mechelen.i18n import translator
from mechelen.web.followup.evidence.rows import commitment_progress
from mechelen.web.followup.indicators.charts import indicator_chart
from mechelen.web.followup.indicators.progress import indicator_progress, public_progress_of
from mechelen.web.followup.indicators.rows import IndicatorProgress
from mechelen.web.language import page_language
from mechelen.web.portal.charts import bar_spec
from mechelen.web.portal.sections import (
    ChartPanel,
    KeyFigure,
    MemberColumn,
    city_charts,
    city_figures,
    city_section,
    member_columns,
)
from mechelen.web.tenancy.access import VISITOR
from mechelen.web.tenancy.models import Network, Organisation

#: the statuses in the order of the charts, best first, with their colours
STATUS_COLOURS = {
    ProgressStatus.TARGET_REACHED: "#008817",
    ProgressStatus.ON_TRACK: "#00a398",
    ProgressStatus.MOVING_TOO_SLOWLY: "#c05600",
    ProgressStatus.MOVING_AWAY: "#b50909",
    ProgressStatus.NOT_ENOUGH_DATA: "#71767a",
}
#: the statuses that count as "on track" in a summary
GOOD = frozenset({ProgressStatus.TARGET_REACHED, ProgressStatus.ON_TRACK})


def public_rows(request: HttpRequest, organisation: Organisation) -> list[IndicatorProgress]:
    """The indicators a visitor sees, read once per request (the figures, the chart and the
    cards of one page share them)."""
    cache: dict[tuple[int, str], list[IndicatorProgress]] = request.__dict__.setdefault(
        "_public_indicators", {}
    )
    lang = page_language()
    key = (organisation.pk, lang)
    if key not in cache:
        cache[key] = indicator_progress(organisation, lang, VISITOR)
    return cache[key]


def judged(rows: list[IndicatorProgress]) -> list[IndicatorProgress]:
    """The rows whose published reading has a status (context indicators are never judged)."""
    return [r for r in rows if r.published is not None and r.published.assessment is not None]


def on_track(rows: list[IndicatorProgress]) -> int:
    return sum(1 for r in judged(rows) if r.published and r.published.status in GOOD)


@city_figures
def indicators_on_track(request: HttpRequest, organisation: Organisation) -> list[KeyFigure]:
    rows = judged(public_rows(request, organisation))
    if not rows:
        return []
    url = reverse("portal:city", args=[organisation.slug]) + "#public-indicators"
    return [
        KeyFigure(
            _("Indicators on track or reached"),
            on_track(rows),
            url,
            note=_("of %(count)s followed") % {"count": len(rows)},
            order=50,
        )
    ]


@city_charts
def indicators_by_status(request: HttpRequest, organisation: Organisation) -> list[ChartPanel]:
    """How many public indicators have each published status, the indicators as a table."""
    rows = judged(public_rows(request, organisation))
    if not rows:
        return []
    say = translator(page_language())
    counted = Counter(r.published.status for r in rows if r.published)
    statuses = [s for s in STATUS_COLOURS if counted.get(s.value)]
    labels = {s: say(STATUS_LABELS[s]) for s in statuses}
    bars = [{"category": labels[s], "value": counted[s.value]} for s in statuses]
    colours = {labels[s]: STATUS_COLOURS[s] for s in statuses}
    return [
        ChartPanel(
            key="indicators",
            title=_("Indicators by status"),
            description=", ".join(f"{labels[s]}: {counted[s.value]}" for s in statuses),
            note=_("Each status is assessed on the published values only."),
            spec=bar_spec(bars, "", _("Indicators"), colours=colours),
            headers=[_("Indicator"), _("Latest published value"), _("Year"), _("Status")],
            rows=[
                [
                    r.label,
                    r.published.latest.observation.value
                    if r.published and r.published.latest
                    else None,
                    str(r.published.latest.observation.year)
                    if r.published and r.published.latest
                    else "—",
                    r.published.effective_label if r.published else "",
                ]
                for r in rows
            ],
            numeric=[False, True, False, False],
            order=40,
        )
    ]


@city_section
def public_indicators(
    request: HttpRequest, organisation: Organisation
) -> tuple[str, dict[str, Any]] | None:
    rows = public_rows(request, organisation)
    evidence = [
        row for row in commitment_progress(organisation, page_language(), VISITOR) if row.evidence
    ]
    if not rows and not evidence:
        return None
    return "followup/section_city.html", {
        "organisation": organisation,
        "indicators": [{"row": r, "chart": indicator_chart(r, "public")} for r in rows],
        "evidence": evidence,
    }


@member_columns
def members_on_track(
    request: HttpRequest, network: Network, members: list[Organisation]
) -> list[MemberColumn]:
    """Each member's public indicators on track or reached, "2 of 3"."""
    values: dict[int, Any] = {}
    progress = public_progress_of(members, page_language())
    for member in members:
        rows = judged(progress[member.pk])
        if rows:
            values[member.pk] = _("%(good)s of %(count)s") % {
                "good": on_track(rows),
                "count": len(rows),
            }
    if not values:
        return []
    return [MemberColumn(_("Indicators on track"), values, kind="text", order=70)]
