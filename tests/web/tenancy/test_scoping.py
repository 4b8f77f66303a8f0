"""The one scoping helper: the organisation or network a URL names, 404 when there is none,
403 when the policy refuses, a login first for private pages; and the policies' querysets of
what a person may see."""

from __future__ import annotations

from typing import cast

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.test import RequestFactory
from ninja.errors import HttpError

from mechelen.web.assessments import policy as assessment_policy
from mechelen.web.assessments.models import AssessmentRound
from mechelen.web.assessments.models import Invitation as AssessmentInvitation
from mechelen.web.commitments import policy as commitment_policy
from mechelen.web.tenancy import policy as tenancy_policy
from mechelen.web.tenancy.access import VISITOR, access_for_user
from mechelen.web.tenancy.models import Membership, Network, Organisation
from mechelen.web.tenancy.roles import Level, OrganisationStatus, Role
from mechelen.web.tenancy.scoping import (
    ApiRequest,
    api_organisation,
    network_view,
    organisation_view,
)
from tests.web.conftest import World

pytestmark = pytest.mark.django_db


def _edit_rule(access, organisation):  # type: ignore[no-untyped-def]
    return access.holds(organisation, {Role.ADMINISTRATOR})


@organisation_view(_edit_rule)
def _private(request: HttpRequest, organisation: Organisation, extra: str = "") -> HttpResponse:
    return HttpResponse(f"{organisation.slug}:{extra}")


@organisation_view(_edit_rule, post_only=True)
def _post_only(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    return HttpResponse("done")


@organisation_view(None, public=True)
def _public(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    return HttpResponse(organisation.name)


@network_view(lambda access, network: access.analyses(network))
def _network(request: HttpRequest, network: Network) -> HttpResponse:
    return HttpResponse(network.name)


def _request(user: object) -> HttpRequest:
    request = RequestFactory().get("/")
    request.user = user  # type: ignore[assignment]
    return request


def test_a_page_receives_the_organisation_its_policy_allowed(world: World) -> None:
    admin = world.a.users[Role.ADMINISTRATOR]
    response = _private(_request(admin), "city-a", extra="x")
    assert response.content == b"city-a:x"


def test_a_refused_person_gets_403_and_a_missing_slug_404(world: World) -> None:
    viewer = world.a.users[Role.VIEWER]
    with pytest.raises(PermissionDenied):
        _private(_request(viewer), "city-a")
    with pytest.raises(PermissionDenied):
        _private(_request(world.b.users[Role.ADMINISTRATOR]), "city-a")
    with pytest.raises(Http404):
        _private(_request(viewer), "no-such-city")


def test_a_private_page_asks_a_visitor_to_log_in_and_a_public_page_does_not(
    world: World,
) -> None:
    from django.contrib.auth.models import AnonymousUser

    response = _private(_request(AnonymousUser()), "city-a")
    assert response.status_code == 302 and "login" in response["Location"]
    assert _public(_request(AnonymousUser()), "city-a").content == b"City A"


def test_a_network_page_is_scoped_the_same_way(world: World) -> None:
    assert _network(_request(world.analyst), "net").content == b"Network"
    with pytest.raises(PermissionDenied):
        _network(_request(world.outsider), "net")


def test_the_api_twin_answers_403_and_404_the_api_way(world: World) -> None:
    request = cast(ApiRequest, RequestFactory().get("/"))
    request.auth = access_for_user(world.a.users[Role.VIEWER])
    assert api_organisation(request, "city-a").pk == world.a.organisation.pk
    with pytest.raises(HttpError) as refused:
        api_organisation(request, "city-a", _edit_rule)
    assert refused.value.status_code == 403
    with pytest.raises(Http404):
        api_organisation(request, "nowhere")


def test_visible_commitments_hide_unpublished_ones_from_other_cities(world: World) -> None:
    mine = access_for_user(world.a.users[Role.VIEWER])
    other = access_for_user(world.b.users[Role.ADMINISTRATOR])
    organisation = world.a.organisation
    assert set(commitment_policy.visible_commitments(mine, organisation)) == {
        world.a.public_commitment,
        world.a.private_commitment,
    }
    assert list(commitment_policy.visible_commitments(other, organisation)) == [
        world.a.public_commitment
    ]


def _pending(slug: str, asks: Network | None = None) -> Organisation:
    return Organisation.objects.create(
        slug=slug,
        name=slug.title(),
        country="BEL",
        level=Level.LOCAL,
        status=OrganisationStatus.PENDING,
        requested_network=asks,
    )


def test_visible_organisations_follow_can_see_for_everyone(world: World) -> None:
    """The queryset and the one-object rule agree: for a visitor, an outsider, a network's
    analyst, a platform administrator and the people of a pending organisation."""
    asking = _pending("asking", asks=world.network)
    rejected = _pending("rejected")
    Organisation.objects.filter(pk=rejected.pk).update(status=OrganisationStatus.REJECTED)
    founder = get_user_model().objects.create_user("founder")
    Membership.objects.create(user=founder, organisation=asking, role=Role.ADMINISTRATOR)
    people = [None, world.outsider, world.analyst, world.platform_admin, founder]
    people += [world.a.users[Role.VIEWER]]
    for person in people:
        access = access_for_user(person) if person is not None else VISITOR
        expected = {o.slug for o in Organisation.objects.all() if tenancy_policy.can_see(access, o)}
        assert {o.slug for o in tenancy_policy.visible_organisations(access)} == expected
    assert {o.slug for o in tenancy_policy.visible_organisations(VISITOR)} == {"city-a", "city-b"}
    assert "asking" in {
        o.slug for o in tenancy_policy.visible_organisations(access_for_user(founder))
    }


def test_visible_rounds_are_all_for_managers_and_the_invited_ones_for_respondents(
    world: World,
) -> None:
    organisation = world.a.organisation
    shared = AssessmentRound.objects.create(
        organisation=organisation, title="Invited", framework_id="mechelen-2017"
    )
    AssessmentRound.objects.create(
        organisation=organisation, title="Not invited", framework_id="mechelen-2017"
    )
    respondent = world.a.users[Role.RESPONDENT]
    AssessmentInvitation.objects.create(
        round=shared, group_id="local-government", name="R", language="en", user=respondent
    )

    def titles(person: object) -> set[str]:
        access = access_for_user(person) if person is not None else VISITOR
        return {r.title for r in assessment_policy.visible_rounds(access, organisation)}

    assert titles(world.a.users[Role.COORDINATOR]) == {"Invited", "Not invited"}
    assert titles(respondent) == {"Invited"}
    assert titles(world.b.users[Role.ADMINISTRATOR]) == set() == titles(None)


def test_a_post_only_page_asks_for_a_login_then_the_method_then_the_policy(
    world: World,
) -> None:
    from django.contrib.auth.models import AnonymousUser

    assert _post_only(_request(AnonymousUser()), "city-a").status_code == 302
    viewer = world.a.users[Role.VIEWER]
    assert _post_only(_request(viewer), "no-such-city").status_code == 405
    posted = RequestFactory().post("/")
    posted.user = viewer
    with pytest.raises(PermissionDenied):
        _post_only(posted, "city-a")
    by_admin = RequestFactory().post("/")
    by_admin.user = world.a.users[Role.ADMINISTRATOR]
    assert _post_only(by_admin, "city-a").content == b"done"
