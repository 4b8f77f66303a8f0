"""The release page: the evidence first, then the decision; approving needs the confirmation
that the evidence was read (checked by the server), rejecting a reason; table pages offer
their CSV."""

from __future__ import annotations

from django.conf import settings
from django.test import Client
from django.urls import reverse

from mechelen.web.audit.models import AuditEntry
from mechelen.web.statistics.models import ReleaseStatus
from mechelen.web.tenancy.roles import Role
from tests.web.conftest import World, client_for
from tests.web.statistics.factories import CONFIRMED, release_in


def test_the_decision_comes_after_the_evidence(world: World) -> None:
    release = release_in(world.a.organisation, ReleaseStatus.SUBMITTED)
    slug = world.a.organisation.slug
    admin = client_for(world.a.users[Role.ADMINISTRATOR])
    html = admin.get(reverse("statistics:release", args=[slug, release.pk])).content.decode()
    evidence = [
        html.index("What will be published"),
        html.index("Disclosure report</h2>"),
        html.index("For spreadsheets"),
    ]
    decision = html.index('id="decision"')
    assert max(evidence) < decision < html.index("Approve and publish</button>")
    # the confirmation names what is published; two forms, the reason only in the rejection
    assert "approve publishing these 2 tables to the public" in html
    approve = html[html.index('class="usa-form approve"') : html.index('class="usa-form reject"')]
    assert 'name="confirm"' in approve and "required" in approve and 'name="reason"' not in approve
    # the raw parameters are folded into a readable table
    folded = html[html.index('<details class="parameters">') :]
    assert "Range of the record keys" in folded.split("</details>", 1)[0]


def test_approving_without_the_confirmation_changes_nothing(world: World) -> None:
    release = release_in(world.a.organisation, ReleaseStatus.SUBMITTED)
    slug = world.a.organisation.slug
    admin = client_for(world.a.users[Role.ADMINISTRATOR])
    url = reverse("statistics:release_approve", args=[slug, release.pk])
    for data in ({}, {"confirm": ""}, {"reason": "looks fine"}):
        response = admin.post(url, data)
        assert response.status_code == 200
        html = response.content.decode()
        assert "Nothing was published: confirm that you read the evidence." in html
        assert "Tick the box to confirm that you have read the evidence" in html
        assert 'aria-invalid="true"' in html
        release.refresh_from_db()
        assert release.status == ReleaseStatus.SUBMITTED and release.published_at is None
    assert not AuditEntry.objects.filter(action="statistics.release.approve").exists()
    public = reverse("public_statistics:release", args=[slug, release.pk])
    assert client_for(None).get(public).status_code == 404


def test_approving_with_the_confirmation_publishes(world: World) -> None:
    release = release_in(world.a.organisation, ReleaseStatus.SUBMITTED)
    slug = world.a.organisation.slug
    admin = client_for(world.a.users[Role.ADMINISTRATOR])
    url = reverse("statistics:release_approve", args=[slug, release.pk])
    response = admin.post(url, CONFIRMED)
    assert response.status_code == 302
    release.refresh_from_db()
    assert release.status == ReleaseStatus.PUBLISHED
    assert AuditEntry.objects.filter(action="statistics.release.approve").count() == 1
    public = reverse("public_statistics:release", args=[slug, release.pk])
    assert client_for(None).get(public).status_code == 200
    # the confirmation does not let anyone else approve, nor a draft be approved
    draft = release_in(world.a.organisation, ReleaseStatus.DRAFT)
    steward = client_for(world.a.users[Role.DATA_STEWARD])
    assert (
        steward.post(
            reverse("statistics:release_approve", args=[slug, draft.pk]), CONFIRMED
        ).status_code
        == 403
    )
    admin.post(reverse("statistics:release_approve", args=[slug, draft.pk]), CONFIRMED)
    draft.refresh_from_db()
    assert draft.status == ReleaseStatus.DRAFT


def test_rejecting_needs_a_reason_only_there(world: World) -> None:
    release = release_in(world.a.organisation, ReleaseStatus.SUBMITTED)
    slug = world.a.organisation.slug
    admin = client_for(world.a.users[Role.ADMINISTRATOR])
    url = reverse("statistics:release_reject", args=[slug, release.pk])
    response = admin.post(url, {"reason": "  "})
    assert response.status_code == 200
    assert "Give the reason for rejecting the release." in response.content.decode()
    release.refresh_from_db()
    assert release.status == ReleaseStatus.SUBMITTED
    assert admin.post(url, {"reason": "Add the ages."}).status_code == 302
    release.refresh_from_db()
    assert release.status == ReleaseStatus.REJECTED


def test_a_table_page_has_a_download_button(world: World) -> None:
    release = release_in(world.a.organisation, ReleaseStatus.PUBLISHED)
    slug = world.a.organisation.slug
    pages = [
        (client_for(None), reverse("public_statistics:table", args=[slug, release.pk, "by-sex"])),
        (
            client_for(world.a.users[Role.VIEWER]),
            reverse("statistics:release_table", args=[slug, release.pk, "by-sex"]),
        ),
    ]
    files = [
        reverse("public_statistics:file", args=[slug, release.pk, "by-sex.csv"]),
        reverse("statistics:release_file", args=[slug, release.pk, "by-sex.csv"]),
    ]
    for (client, page), csv_url in zip(pages, files, strict=True):
        html = client.get(page).content.decode()
        button = f'<a class="usa-button" href="{csv_url}" download>Download this table (CSV)</a>'
        assert button in html, page
        download = client.get(csv_url)
        assert download.status_code == 200 and download["Content-Type"].startswith("text/csv")
    release_page = client_for(None).get(
        reverse("public_statistics:release", args=[slug, release.pk])
    )
    assert 'class="usa-button"' in release_page.content.decode()


def test_the_decision_reads_in_french_and_spanish_with_plurals(world: World) -> None:
    release = release_in(world.a.organisation, ReleaseStatus.SUBMITTED)
    url = reverse("statistics:release", args=[world.a.organisation.slug, release.pk])
    said = {
        "fr": ("2 tableaux, chacun avec son graphique", "ces 2 tableaux", "Pour les tableurs"),
        "es": ("2 tablas, cada una con su gráfico", "estas 2 tablas", "Para hojas de cálculo"),
    }
    for lang, sentences in said.items():
        client = Client()
        client.force_login(world.a.users[Role.ADMINISTRATOR])
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
        html = client.get(url).content.decode()
        for sentence in sentences:
            assert sentence in html, (lang, sentence)
        assert "Approve and publish" not in html and "Parameters of the protection" not in html
