"""Pages and reports in French and Spanish: numbers and punctuation of the page's language, the
date of a status set by hand, charts in the page's number format, and data coverage that
counts the dimensions an indicator's figures come from."""

from __future__ import annotations

import datetime
from html import unescape
from typing import Any

from django.conf import settings
from django.template import Context, Template
from django.test import Client
from django.utils import timezone, translation

from mechelen.core.reporting.follow_up import FollowUpReport
from mechelen.web.followup.indicators import actions
from mechelen.web.followup.indicators.charts import indicator_chart, line_chart_spec
from mechelen.web.followup.indicators.progress import indicator_progress
from mechelen.web.followup.models import CommitmentEvidence
from mechelen.web.followup.policy import reader_of
from mechelen.web.followup.report.city import city_follow_up, follow_up_report
from mechelen.web.tenancy.models import Organisation
from mechelen.web.tenancy.roles import Role
from tests.web.conftest import World
from tests.web.followup.factories import indicator_of

NNBSP = "\u202f"


def internal_report(organisation: Organisation) -> FollowUpReport:
    reader = reader_of(organisation, public=False)
    return follow_up_report(city_follow_up(organisation, "en", reader))


def client_in(lang: str, user: Any | None = None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    return client


def test_the_indicator_list_reads_in_french_with_the_date_of_a_status_set_by_hand(
    world: World,
) -> None:
    item = indicator_of(world.a)
    actions.record_observation(None, item, {"year": 2022, "value": 150.0})
    coordinator = world.a.users[Role.COORDINATOR]
    actions.set_override(coordinator, item, "moving-too-slowly", "Le registre a un an de retard")
    slug = world.a.organisation.slug
    page = unescape(
        client_in("fr", world.a.users[Role.VIEWER])
        .get(f"/manage/{slug}/follow-up/")
        .content.decode()
    )
    # the computed reason, numbers in French: +5,74 % a year, 0,96 of the required +5,95 %
    assert f"+5,74{NNBSP}%" in page and "0,96" in page and f"+5,95{NNBSP}%" in page
    assert "5.74" not in page
    assert f"Fixé par {coordinator.username} le " in page
    assert f"{NNBSP}: Le registre a un an de retard" in page
    english = unescape(
        client_in("en", world.a.users[Role.VIEWER])
        .get(f"/manage/{slug}/follow-up/")
        .content.decode()
    )
    assert f"Set by {coordinator.username} on " in english and "+5.74%" in english


def test_public_evidence_dates_take_french_punctuation(world: World) -> None:
    CommitmentEvidence.objects.create(
        commitment=world.a.public_commitment,  # type: ignore[misc]
        date=datetime.date(2025, 2, 1),
        title="Rapport annuel",
        url="https://example.org/rapport",
    )
    slug = world.a.organisation.slug
    french = client_in("fr").get(f"/cities/{slug}/").content.decode()
    assert f"</time>{NNBSP}: <a href" in french
    spanish = client_in("es").get(f"/cities/{slug}/").content.decode()
    assert "</time>: <a href" in spanish


def test_indicator_charts_write_numbers_in_the_page_language(world: World) -> None:
    item = indicator_of(world.a)
    item.baseline_value, item.target_value = 1000.0, 2500.0
    item.save()
    actions.record_observation(None, item, {"year": 2022, "value": 1500.0})
    (row,) = indicator_progress(
        world.a.organisation, "en", reader_of(world.a.organisation, public=False)
    )
    assert "1,500" in indicator_chart(row, lang="en")
    with translation.override("fr"):
        french = indicator_chart(row)
    assert f"1{NNBSP}500" in french and "1,500" not in french
    spanish = indicator_chart(row, lang="es")
    assert "1\xa0500" in spanish and "1.500" not in spanish
    # the chart writes a number as the tables do (floatformat:"-2g", Django's formats)
    for lang, chart in (("fr", french), ("es", spanish)):
        with translation.override(lang):
            assert Template('{{ v|floatformat:"-2g" }}').render(Context({"v": 1500.0})) in chart
    # values that are never negative: the axis starts at 0 at the lowest
    assert line_chart_spec(row)["layer"][0]["encoding"]["y"]["scale"]["domainMin"] == 0


def test_the_report_flags_a_status_set_by_hand_with_its_date(world: World) -> None:
    item = indicator_of(world.a)
    actions.record_observation(None, item, {"year": 2022, "value": 150.0})
    actions.set_override(world.a.users[Role.COORDINATOR], item, "moving-away", "Checked by hand")
    (entry,) = internal_report(world.a.organisation).followed
    assert entry.overridden and entry.override_on == timezone.localdate()


def test_coverage_names_the_indicators_whose_tables_need_a_breakdown(world: World) -> None:
    indicator_of(world.a)  # language-course participation: tables by birth_status
    report = internal_report(world.a.organisation)
    rows = {row.disaggregation: row for row in report.coverage}
    (label,) = [i.label for i in report.indicators]
    assert label in rows["country_of_birth"].needed_by
    assert label in rows["duration_of_stay"].needed_by
    assert label not in rows["reason_for_migration"].needed_by
