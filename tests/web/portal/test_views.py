"""The public pages open with figures: the figures shown are the published data, and nothing
unpublished (a draft release, a private commitment, a value not public) ever appears."""

from __future__ import annotations

import datetime
import re
from typing import Any

from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from mechelen.web.commitments.models import Commitment, CommitmentStatus
from mechelen.web.followup.indicators import actions as indicator_actions
from mechelen.web.portal.sections import columns_of_network
from mechelen.web.portal.views import commitment_columns, platform_figures
from mechelen.web.statistics.models import ReleaseStatus
from mechelen.web.statistics.releases.published import release_year
from mechelen.web.tenancy.access import VISITOR
from mechelen.web.tenancy.models import Network, Organisation
from mechelen.web.tenancy.policy import visible_organisations
from mechelen.web.tenancy.roles import Level, OrganisationStatus
from tests.web.conftest import World, client_for
from tests.web.followup.factories import indicator_of
from tests.web.statistics.factories import release_in


def without_geometry(html: str) -> str:
    """The page with its charts reduced to their text (their drawing's coordinates may hold
    any digits): what is left is what a person reads, the charts' labels too."""
    return re.sub(r"<svg.*?</svg>", lambda m: re.sub(r"<[^>]*>", " ", m.group(0)), html, flags=re.S)


def page(name: str, *args: str, lang: str = "en") -> str:
    client = client_for(None)
    response = client.get(reverse(name, args=args), HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 200
    return response.content.decode()


def key_figures(html: str) -> dict[str, str]:
    """Each key figure's label and value as shown."""
    found = re.findall(
        r'key-figure__value">([^<]*)</p>\s*<p class="key-figure__label">(?:<a [^>]*>)?([^<]*)',
        html,
    )
    return {label: value for value, label in found}


def achieve(organisation: Organisation, public: bool = True, paragraph: int = 31) -> Commitment:
    return Commitment.objects.create(
        organisation=organisation,
        paragraph=paragraph,
        owner="Integration",
        target="Courses",
        due_date=datetime.date(2027, 1, 1),
        status=CommitmentStatus.ACHIEVED,
        public=public,
    )


def test_home_headline_figures_are_the_public_data(world: World) -> None:
    world.a.organisation.endorsed_on = datetime.date(2017, 11, 17)
    world.a.organisation.save()
    achieve(world.a.organisation)
    achieve(world.b.organisation, public=False)  # never counted
    Organisation.objects.create(
        slug="waiting", name="Waiting City", country="FRA", level=Level.LOCAL,
        status=OrganisationStatus.PENDING,
    )  # fmt: skip
    release_in(world.a.organisation, ReleaseStatus.PUBLISHED)
    release_in(world.b.organisation, ReleaseStatus.DRAFT)  # never counted
    figures = key_figures(page("portal:home"))
    assert figures == {
        "Cities and regions registered": "2",
        "Endorsed the Declaration": "1",
        "Commitments made": "3",  # the two public of the fixture and one achieved
        "Commitments achieved": "1",
        "Published statistical releases": "1",
        "Networks": "1",
    }


def test_home_shows_the_cities_on_a_map_with_a_table(world: World) -> None:
    html = page("portal:home")
    assert '<figure class="grid-col-12 tablet-lg:grid-col-7 chart map"' in html
    assert "<svg" in html and "Cities and regions by country" in html
    table = html.split('id="cities-by-country"', 1)[1].split("</table>", 1)[0]
    assert "Belgium" in table and ">2</td>" in table
    assert 'href="/cities/city-a/"' in table and 'href="/cities/city-b/"' in table
    french = page("portal:home", lang="fr")
    assert "Belgique" in french.split('id="cities-by-country"', 1)[1]


def test_home_counts_only_public_members_of_a_network(world: World) -> None:
    later = Organisation.objects.create(
        slug="waiting", name="Waiting City", country="FRA", level=Level.LOCAL,
        status=OrganisationStatus.APPROVED,
    )  # fmt: skip
    world.network.members.add(later)
    Organisation.objects.filter(pk=later.pk).update(status=OrganisationStatus.REJECTED)
    html = page("portal:home")
    assert "2 members" in html and "3 members" not in html and "Waiting City" not in html


def test_platform_figures_link_on(world: World) -> None:
    with translation.override("en"):
        figures = platform_figures(visible_organisations(VISITOR), 1)
    assert all(figure.url for figure in figures)
    assert {figure.value for figure in figures if figure.label == "Networks"} == {1}


def test_city_opens_with_published_figures_and_charts(world: World) -> None:
    published = release_in(world.a.organisation, ReleaseStatus.PUBLISHED)
    published.headline = {"residents": 86_123, "non_citizens": 9_021}
    published.save()
    draft = release_in(world.a.organisation, ReleaseStatus.DRAFT)
    draft.headline = {"residents": 77_777, "non_citizens": 6_666}
    draft.save()
    achieve(world.a.organisation)
    html = page("portal:city", "city-a")
    figures = key_figures(html)
    assert figures["Residents"] == "86,123"
    assert figures["Share of foreign nationals"] == "10.5 %"
    assert figures["Commitments made"] == "2" and figures["Commitments achieved"] == "1"
    # the residents' chart and its table: the published figures, never the draft's
    residents = html.split('id="chart-residents-title"', 1)[1].split("</section>", 1)[0]
    assert "<svg" in residents and "<table" in residents
    year = str(release_year(published))
    assert f'<th scope="row">{year}</th>' in residents
    assert "77,102" in residents and "9,021" in residents and "86,123" in residents
    for hidden in ("77,777", "77777", "6,666", "6666", draft.title):
        assert hidden not in without_geometry(html)
    # the commitments by status: the public ones only
    status = html.split('id="chart-commitments-title"', 1)[1].split("</section>", 1)[0]
    assert "<svg" in status and re.search(r"Achieved</th><td class=\"number\">1</td>", status)
    assert "Unpublished plan" not in html


def test_city_chart_text_is_in_the_page_language(world: World) -> None:
    published = release_in(world.a.organisation, ReleaseStatus.PUBLISHED)
    published.headline = {"residents": 86_123, "non_citizens": 9_021}
    published.save()
    html = page("portal:city", "city-a", lang="fr")
    residents = html.split('id="chart-residents-title"', 1)[1].split("</section>", 1)[0]
    assert "Résidents par nationalité" in html
    assert "Nationaux" in residents and "Ressortissants étrangers" in residents
    assert re.search(r"86\s123", residents)  # the French thousands separator
    assert "86,123" not in residents


def test_a_non_public_indicator_value_never_shows(world: World) -> None:
    item = indicator_of(world.a)
    item.public = True
    item.save()
    indicator_actions.record_observation(None, item, {"year": 2021, "value": 141, "public": True})
    indicator_actions.record_observation(None, item, {"year": 2024, "value": 999, "public": False})
    html = page("portal:city", "city-a")
    chart = html.split('id="chart-indicators-title"', 1)[1].split("</section>", 1)[0]
    assert ">141</td>" in chart and "999" not in without_geometry(html)
    assert key_figures(html)["Indicators on track or reached"] in {"0", "1"}


def test_network_compares_members_on_published_figures(world: World) -> None:
    published = release_in(world.a.organisation, ReleaseStatus.PUBLISHED)
    published.headline = {"residents": 86_123, "non_citizens": 9_021}
    published.save()
    draft = release_in(world.b.organisation, ReleaseStatus.DRAFT)
    draft.headline = {"residents": 55_555, "non_citizens": 4_444}
    draft.save()
    achieve(world.b.organisation)
    achieve(world.b.organisation, public=False, paragraph=32)
    html = page("portal:network", "net")
    table = html.split('id="members-table-caption"', 1)[1].split("</table>", 1)[0]
    rows = dict(re.findall(r'<a href="/cities/[^"]+/">([^<]+)</a></th>(.*?)</tr>', table, re.S))
    assert set(rows) == {"City A", "City B"}
    assert "86,123" in rows["City A"] and "77,102" in rows["City A"]
    assert "10.5 %" in rows["City A"]
    # city B: no published release; 2 public commitments made, 1 achieved
    assert "55,555" not in html and "4,444" not in html
    assert re.findall(r'<td class="number">(\d+)</td>', rows["City B"]) == ["2", "1"]
    chart = html.split('id="chart-members-title"', 1)[1].split("</section>", 1)[0]
    assert "<svg" in chart and "City B" in chart


def test_public_pages_read_few_queries(world: World, django_assert_max_num_queries: Any) -> None:
    """The number of queries does not grow with the number of cities or commitments."""
    for n in range(8):
        extra = Organisation.objects.create(
            slug=f"extra-{n}", name=f"Extra {n}", country="NLD", level=Level.LOCAL,
            status=OrganisationStatus.APPROVED,
        )  # fmt: skip
        world.network.members.add(extra)
        achieve(extra)
        release_in(extra, ReleaseStatus.PUBLISHED)
    Network.objects.create(slug="other", name="Other")
    client = client_for(None)
    client.get(reverse("portal:home"))  # the charts are drawn once, then cached
    with django_assert_max_num_queries(12):
        assert client.get(reverse("portal:home")).status_code == 200
    client.get(reverse("portal:network", args=["net"]))
    with django_assert_max_num_queries(25):
        assert client.get(reverse("portal:city", args=["city-a"])).status_code == 200
    # the comparison of the members: a few queries for all of them (the network's picture
    # of the reports app reads each member on its own, and is not counted here)
    members = list(visible_organisations(VISITOR).filter(networks=world.network))
    request = RequestFactory().get("/")
    with django_assert_max_num_queries(5):
        columns = columns_of_network(request, world.network, members)
        commitment_columns(members)
    assert {column.header for column in columns} >= {"Residents", "Foreign nationals"}
    assert len(members) == 10
