"""The dashboard, the page after logging in: what waits for the person first, grouped by
organisation and the late first, then their organisations as cards; in every language, and
with a number of queries that does not grow with the number of organisations."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mechelen.web.assessments.models import AssessmentRound, Invitation
from mechelen.web.commitments.models import Commitment
from mechelen.web.followup.indicators.actions import record_observation
from mechelen.web.statistics.models import Dataset, ReleaseStatus
from mechelen.web.tenancy.models import Membership, Organisation
from mechelen.web.tenancy.roles import Level, OrganisationStatus, Role
from tests.web.conftest import PASSWORD, World, client_for, make_city
from tests.web.followup.factories import indicator_of
from tests.web.homes import nothing_due
from tests.web.statistics.factories import dataset_in, release_in


@pytest.fixture(autouse=True)
def _nothing_due(world: World) -> None:
    """The world's commitments are due on a fixed day: a year away, whatever today is."""
    nothing_due(world.a.organisation, world.b.organisation)


def page(user: Any, language: str = "en") -> str:
    response = client_for(user).get(
        reverse("accounts:dashboard"), headers={"Accept-Language": language}
    )
    assert response.status_code == 200
    return response.content.decode()


def late_commitment(organisation: Organisation, title: str = "Open the welcome desk") -> None:
    Commitment.objects.create(
        organisation=organisation,
        own_title=title,
        owner="Welcome desk",
        target="t",
        due_date=timezone.localdate() - datetime.timedelta(days=3),
    )


def test_the_late_come_first_with_their_reason_and_link(world: World) -> None:
    nothing_due(world.a.organisation)
    late_commitment(world.a.organisation)
    AssessmentRound.objects.create(
        organisation=world.a.organisation, title="Spring round", framework_id="mechelen-2017"
    )
    html = page(world.a.users[Role.COORDINATOR])
    late = html.index("“Open the welcome desk” is past its date")
    todo = html.index("Invite people to answer the round “Spring round”")
    assert late < todo < html.index("Your organisations")
    assert "2 things wait for you, the most urgent first." in html
    assert "usa-tag next-step__tag next-step__tag--late" in html
    assert "update its status or its date" in html
    late_one = Commitment.objects.get(own_title="Open the welcome desk")
    edit = reverse("commitments:edit", kwargs={"slug": "city-a", "pk": late_one.pk})
    assert f'href="{edit}"' in html
    assert "Nothing waits for you." not in html
    # the organisations are cards, with the roles and how many steps wait there
    assert 'class="usa-card-group"' in html and "<table" not in html
    assert "Your role: Coordinator" in html and "2 next steps" in html
    assert (
        f'<a class="usa-link" href="{reverse("tenancy:workspace", kwargs={"slug": "city-a"})}">City A</a>'
        in html
    )


def test_an_empty_home_says_nothing_waits(world: World) -> None:
    html = page(world.a.users[Role.VIEWER])
    assert "Nothing waits for you." in html
    assert "things wait for you" not in html
    assert "Nothing waits for you here." in html  # on City A's card


def test_steps_are_grouped_by_organisation(world: World) -> None:
    coordinator = world.a.users[Role.COORDINATOR]
    Membership.objects.create(user=coordinator, organisation=world.b.organisation, role=Role.VIEWER)
    Membership.objects.create(
        user=coordinator, organisation=world.b.organisation, role=Role.ADMINISTRATOR
    )
    nothing_due(world.a.organisation, world.b.organisation)
    late_commitment(world.b.organisation, "Late in City B")
    late_commitment(world.a.organisation, "Late in City A")
    html = page(coordinator)
    headings = re.findall(r'<h2 class="next-steps__group">([^<]+)</h2>', html)
    assert headings == ["City A", "City B"]
    assert html.index("Late in City A") < html.index("City B</h2>") < html.index("Late in City B")
    assert (
        "Your roles: Administrator, Viewer" in html or "Your roles: Viewer, Administrator" in html
    )


def test_the_platform_administrator_is_sent_to_the_organisations_waiting(world: World) -> None:
    Organisation.objects.create(
        slug="newtown",
        name="Newtown",
        country="BEL",
        level=Level.LOCAL,
        status=OrganisationStatus.PENDING,
    )
    html = page(world.platform_admin)
    assert "Approve or reject 1 organisation" in html
    assert f'href="{reverse("platform:organisations")}"' in html
    assert "Approve or reject" not in page(world.a.users[Role.ADMINISTRATOR])


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (
            "fr",
            [
                "Que faire ensuite",
                "« Open the welcome desk » a dépassé sa date",
                "il y a 3 jours",
                "1 chose vous attend",
                "1 étape suivante",
                "En retard",
            ],
        ),
        (
            "es",
            [
                "Qué hacer ahora",
                "«Open the welcome desk» ha superado su fecha",
                "hace 3 días",
                "1 cosa le espera",
                "1 paso siguiente",
                "Con retraso",
            ],
        ),
    ],
)
def test_the_dashboard_speaks_the_page_s_language(
    world: World, language: str, words: list[str]
) -> None:
    nothing_due(world.a.organisation)
    late_commitment(world.a.organisation)
    html = page(world.a.users[Role.ADMINISTRATOR], language)
    for word in words:
        assert word in html, word
    assert "past its date" not in html and "Nothing waits" not in html
    empty = page(world.a.users[Role.VIEWER], language)
    assert {"fr": "Rien ne vous attend.", "es": "Nada le espera."}[language] in empty


def busy_organisation(slug: str, person: Any) -> Organisation:
    """An organisation where ``person`` administers, stewards data, and answers a round, with
    something waiting in every app."""
    city = make_city(slug, slug.title())
    organisation = city.organisation
    for role in (Role.ADMINISTRATOR, Role.DATA_STEWARD, Role.RESPONDENT):
        Membership.objects.create(user=person, organisation=organisation, role=role)
    nothing_due(organisation)
    late_commitment(organisation)
    item = AssessmentRound.objects.create(
        organisation=organisation, title="Round", framework_id="mechelen-2017"
    )
    Invitation.objects.create(
        round=item, group_id="civil-society", name="Me", language="en", user=person
    )
    indicator = indicator_of(city)
    for year, value in ((2020, 110.0), (2022, 100.0)):
        record_observation(None, indicator, {"year": year, "value": value})
    indicator_of(city, "naturalisation-rate")
    release_in(organisation, ReleaseStatus.SUBMITTED)
    release_in(organisation, ReleaseStatus.REJECTED)
    dataset_in(organisation)
    Dataset.objects.filter(organisation=organisation).update(
        ingested_at=timezone.now() - datetime.timedelta(days=400)
    )
    return organisation


def queries_of(person: Any) -> tuple[int, str]:
    client = client_for(person)
    with CaptureQueriesContext(connection) as queries:
        html = client.get(reverse("accounts:dashboard")).content.decode()
    return len(queries), html


#: the most queries the dashboard may make, however many organisations the person has (15
#: measured: the session, the user, their roles twice, their invitations twice, one or two per
#: app's provider, the menu's organisations)
MOST_QUERIES = 20


def test_the_dashboard_s_queries_do_not_grow_with_the_organisations(db: Any) -> None:
    person = get_user_model().objects.create_user("busy", password=PASSWORD)
    busy_organisation("first", person)
    one, html = queries_of(person)
    assert html.count("is past its date") == 1
    busy_organisation("second", person)
    busy_organisation("third", person)
    three, html = queries_of(person)
    # every app's step, for each of the three organisations
    for words in (
        "is past its date",
        "Finish your answers" if "Finish" in html else "Answer the questionnaire",
        "it is off track",
        "Record the 2022 value of 1 indicator",
        "Approve or reject the release",
        "Fix the refused release",
        "Load newer data",
    ):
        assert html.count(words) == 3, words
    assert three == one, f"{one} queries for one organisation, {three} for three"
    assert three <= MOST_QUERIES, three


def test_an_analyst_s_network_is_a_card_leading_to_its_members(world: World) -> None:
    html = page(world.analyst)
    members = reverse("networks:members", kwargs={"slug": world.network.slug})
    assert f'<a class="usa-link" href="{members}">Network</a>' in html
    assert "Network · Network analyst" in html
