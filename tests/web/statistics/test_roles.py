"""Service providers reach their own figures only; approval is the administrator's."""

from __future__ import annotations

from django.urls import reverse

from mechelen.web.accounts.models import ApiToken
from mechelen.web.audit.models import AuditEntry
from mechelen.web.statistics.models import Release, ReleaseStatus, ServiceFigure
from mechelen.web.tenancy.roles import Role
from tests.web.conftest import World, client_for
from tests.web.statistics import factories
from tests.web.statistics.factories import CONFIRMED, figure_of, release_in


def statistics_pages(world: World) -> list[str]:
    """Every statistics page of city A that is not about service figures."""
    slug = world.a.organisation.slug
    draft = release_in(world.a.organisation)
    return [
        reverse("statistics:overview", args=[slug]),
        reverse("statistics:upload", args=[slug]),
        reverse("statistics:map", kwargs=factories.upload_kwargs(world, world.a)),
        reverse("statistics:job", kwargs=factories.job_kwargs(world, world.a)),
        reverse("statistics:dataset", kwargs=factories.dataset_kwargs(world, world.a)),
        reverse("statistics:rejected_rows", kwargs=factories.dataset_kwargs(world, world.a)),
        reverse("statistics:release_new", args=[slug]),
        reverse("statistics:release", args=[slug, draft.pk]),
        reverse("statistics:release_edit", args=[slug, draft.pk]),
        reverse("statistics:release_table", args=[slug, draft.pk, "by-sex"]),
        reverse("statistics:release_file", args=[slug, draft.pk, "by-sex.csv"]),
        reverse("statistics:release_file", args=[slug, draft.pk, "tables.json"]),
    ]


def test_service_provider_reaches_nothing_but_its_figures(world: World) -> None:
    provider = client_for(world.a.users[Role.SERVICE_PROVIDER])
    for url in statistics_pages(world):
        assert provider.get(url).status_code == 403, url
    slug = world.a.organisation.slug
    draft = Release.objects.filter(organisation=world.a.organisation).first()
    assert draft is not None
    for step in ("release_submit", "release_approve", "release_reject"):
        assert (
            provider.post(reverse(f"statistics:{step}", args=[slug, draft.pk])).status_code == 403
        )
    # the API gives it what it gives a visitor: published releases only
    assert provider.get(f"/api/organisations/{slug}/releases").json() == []
    assert provider.get(f"/api/organisations/{slug}/releases/{draft.pk}").status_code == 404
    assert provider.post(f"/api/organisations/{slug}/releases/{draft.pk}/submit").status_code == 403
    # the workspace menu offers it the figures only
    menu = provider.get(reverse("tenancy:workspace", args=[slug])).content.decode()
    assert reverse("statistics:figures", args=[slug]) in menu
    assert f'href="{reverse("statistics:overview", args=[slug])}"' not in menu


def test_providers_see_and_edit_only_their_own_figures(world: World) -> None:
    slug = world.a.organisation.slug
    mine = figure_of(world.a, "Mine")
    colleague = get_colleague(world)
    theirs = ServiceFigure.objects.create(
        organisation=world.a.organisation,
        provider=colleague,
        sector="shelter",
        period="2024-Q1",
        name="Theirs",
        value=7,
    )
    provider = client_for(world.a.users[Role.SERVICE_PROVIDER])
    page = provider.get(reverse("statistics:figures", args=[slug])).content.decode()
    assert mine.name in page and "Theirs" not in page
    assert (
        provider.get(reverse("statistics:figure_edit", args=[slug, theirs.pk])).status_code == 404
    )
    response = provider.post(
        reverse("statistics:figure_edit", args=[slug, theirs.pk]),
        {"sector": "shelter", "period": "2024", "name": "Hijacked", "value": "1"},
    )
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.name == "Theirs"
    api = provider.get(f"/api/organisations/{slug}/service-figures").json()
    assert [f["name"] for f in api] == [mine.name]
    # stewards and administrators see every provider's figures, and change none
    for role in (Role.DATA_STEWARD, Role.ADMINISTRATOR):
        client = client_for(world.a.users[role])
        page = client.get(reverse("statistics:figures", args=[slug])).content.decode()
        assert mine.name in page and "Theirs" in page
        assert (
            client.get(reverse("statistics:figure_edit", args=[slug, mine.pk])).status_code == 403
        )
        names = {f["name"] for f in client.get(f"/api/organisations/{slug}/service-figures").json()}
        assert names == {mine.name, "Theirs"}
    # coordinators and viewers do not see figures; B's provider neither
    for user in (
        world.a.users[Role.COORDINATOR],
        world.a.users[Role.VIEWER],
        world.b.users[Role.SERVICE_PROVIDER],
    ):
        assert client_for(user).get(reverse("statistics:figures", args=[slug])).status_code == 403
        assert client_for(user).get(f"/api/organisations/{slug}/service-figures").status_code == 403


def get_colleague(world: World) -> object:
    from django.contrib.auth import get_user_model

    from mechelen.web.tenancy.models import Membership

    colleague = get_user_model().objects.create_user("city-a-provider-2", password="x-long-pass-99")
    Membership.objects.create(
        user=colleague, organisation=world.a.organisation, role=Role.SERVICE_PROVIDER
    )
    return colleague


def test_provider_adds_a_figure_with_an_audit_entry(world: World) -> None:
    slug = world.a.organisation.slug
    provider = client_for(world.a.users[Role.SERVICE_PROVIDER])
    data = {
        "sector": "education",
        "period": "2024-Q3",
        "name": "Enrolled in courses",
        "value": "42",
    }
    assert provider.post(reverse("statistics:figure_new", args=[slug]), data).status_code == 302
    figure = ServiceFigure.objects.get()
    assert figure.provider == world.a.users[Role.SERVICE_PROVIDER]
    assert AuditEntry.objects.filter(
        action="statistics.figure.create", target_id=str(figure.pk)
    ).exists()
    bad = provider.post(reverse("statistics:figure_new", args=[slug]), {**data, "period": "Q3"})
    assert bad.status_code == 200 and ServiceFigure.objects.count() == 1
    created = provider.post(
        f"/api/organisations/{slug}/service-figures",
        {"sector": "shelter", "period": "2025", "name": "Consultations", "value": "9"},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content


def test_approval_is_required_and_only_the_administrators(world: World) -> None:
    slug = world.a.organisation.slug
    draft = release_in(world.a.organisation)
    steward = client_for(world.a.users[Role.DATA_STEWARD])
    admin = client_for(world.a.users[Role.ADMINISTRATOR])
    public = reverse("public_statistics:release", args=[slug, draft.pk])
    # a draft cannot be approved: it must be submitted first
    admin.post(reverse("statistics:release_approve", args=[slug, draft.pk]), CONFIRMED)
    draft.refresh_from_db()
    assert draft.status == ReleaseStatus.DRAFT
    # the steward submits but cannot approve
    steward.post(reverse("statistics:release_submit", args=[slug, draft.pk]))
    assert (
        steward.post(
            reverse("statistics:release_approve", args=[slug, draft.pk]), CONFIRMED
        ).status_code
        == 403
    )
    for role in (Role.COORDINATOR, Role.VIEWER):
        client = client_for(world.a.users[role])
        assert (
            client.post(
                reverse("statistics:release_approve", args=[slug, draft.pk]), CONFIRMED
            ).status_code
            == 403
        )
    assert (
        client_for(world.b.users[Role.ADMINISTRATOR])
        .post(reverse("statistics:release_approve", args=[slug, draft.pk]), CONFIRMED)
        .status_code
        == 403
    )
    draft.refresh_from_db()
    assert draft.status == ReleaseStatus.SUBMITTED
    assert client_for(None).get(public).status_code == 404
    # a submitted release cannot be changed meanwhile
    assert steward.get(reverse("statistics:release_edit", args=[slug, draft.pk])).status_code == 302
    # rejection needs a reason; then the steward sees it and may change the release
    admin.post(reverse("statistics:release_reject", args=[slug, draft.pk]), {"reason": ""})
    draft.refresh_from_db()
    assert draft.status == ReleaseStatus.SUBMITTED
    admin.post(reverse("statistics:release_reject", args=[slug, draft.pk]), {"reason": "Add ages."})
    draft.refresh_from_db()
    assert draft.status == ReleaseStatus.REJECTED
    page = steward.get(reverse("statistics:release", args=[slug, draft.pk])).content.decode()
    assert "Add ages." in page
    assert client_for(None).get(public).status_code == 404
    entries = AuditEntry.objects.filter(
        target_id=str(draft.pk), action__startswith="statistics.release"
    )
    assert list(entries.order_by("pk").values_list("action", flat=True)) == [
        "statistics.release.submit",
        "statistics.release.reject",
    ]


def test_api_submit_and_approve_with_tokens(world: World) -> None:
    slug = world.a.organisation.slug
    draft = release_in(world.a.organisation)
    tokens = {}
    for role in (Role.DATA_STEWARD, Role.ADMINISTRATOR):
        _, tokens[role] = ApiToken.issue(world.a.users[role], "test")
    steward = {"HTTP_AUTHORIZATION": f"Bearer {tokens[Role.DATA_STEWARD]}"}
    admin = {"HTTP_AUTHORIZATION": f"Bearer {tokens[Role.ADMINISTRATOR]}"}
    client = client_for(None)
    listed = client.get(f"/api/organisations/{slug}/releases", **steward).json()
    assert [(r["id"], r["status"]) for r in listed] == [(draft.pk, "draft")]
    base = f"/api/organisations/{slug}/releases/{draft.pk}"
    assert client.post(f"{base}/approve", **steward).status_code == 403
    assert client.post(f"{base}/approve", **admin).status_code == 409  # not submitted yet
    assert client.post(f"{base}/submit", **steward).json()["status"] == "submitted"
    assert client.post(f"{base}/approve", **admin).json()["status"] == "published"
    assert client.get(base).json()["status"] == "published"
