"""Walk every page as every role of city A and city B, a network analyst, a platform
administrator, a person with no role and a visitor, and check the allowed/denied matrix of
access_matrix.py; then again with city A pending approval, when nobody outside it may find it.

A refused call answers 403 (a visitor: a redirect to the login page); an allowed one answers
the page (200) or a redirect elsewhere than the login page, never a 404 but for the
documented exceptions of ``NOT_FOUND_IS_RIGHT``; nothing answers a server error. City A's
unpublished content (``SECRETS``) never appears in a page served to anyone outside city A:
neither on city A's pages nor on city B's own pages for city B's people.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from mechelen.web.assessments.models import AssessmentRound
from mechelen.web.commitments.models import Commitment
from mechelen.web.statistics.models import Release
from mechelen.web.tenancy.roles import ORGANISATION_ROLES, Role
from tests.web.access_matrix import (
    ANY_LOGGED_IN,
    EDITORS,
    INVITEE,
    NETWORK_ANALYSTS,
    NOT_FOUND_IS_RIGHT,
    NOT_PAGES,
    PAGES,
    PLATFORM_ADMINS,
    PUBLIC,
    REFUSED_AS_NOT_FOUND,
    PageRule,
)
from tests.web.conftest import World, client_for
from tests.web.followup import factories as followup
from tests.web.statistics import factories as stats

DENIED = {403}
LOGIN = "/accounts/login/"

#: city A's unpublished content, each a text found nowhere else
SECRET_PLAN = "Unpublished plan of City A"  # a private commitment (tests/web/conftest.py)
SECRET_NOTE = "Note kept inside City A"  # what the private commitment will do
SECRET_RELEASE = "Release kept inside City A"  # a draft statistics release
SECRET_ROUND = "Assessment round kept inside City A"  # an open round, not shared
SECRET_EVIDENCE = "Evidence kept inside City A"  # evidence of the private commitment
SECRETS = (SECRET_PLAN, SECRET_NOTE, SECRET_RELEASE, SECRET_ROUND, SECRET_EVIDENCE)


def named_urls(patterns: list[Any] | None = None, namespace: str = "") -> set[str]:
    names: set[str] = set()
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "api":
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= named_urls(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}{pattern.name}")
    return names


def test_every_page_is_in_the_matrix() -> None:
    missing = named_urls() - set(PAGES) - NOT_PAGES
    assert not missing, f"add these pages to tests/web/access_matrix.py: {sorted(missing)}"
    assert not set(PAGES) - named_urls(), "the matrix lists pages that no longer exist"
    assert {name for name, _ in NOT_FOUND_IS_RIGHT} <= set(PAGES)
    assert set(REFUSED_AS_NOT_FOUND) <= set(PAGES)


def actors(world: World) -> list[tuple[str, Any, str | None, Any]]:
    """(label, user, which city they belong to, role)"""
    found: list[tuple[str, Any, str | None, Any]] = [
        ("visitor", None, None, None),
        ("outsider", world.outsider, None, None),
        ("network analyst", world.analyst, None, None),
        ("platform admin", world.platform_admin, None, None),
    ]
    for name in ("a", "b"):
        for role in ORGANISATION_ROLES:
            found.append((f"{role.value} of {name}", world.city(name).users[role], name, role))
    return found


def expected_allowed(
    rule_roles: frozenset[Any], city: str | None, role: Any, logged_in: bool, label: str = ""
) -> bool:
    if rule_roles == PUBLIC:
        return True
    if rule_roles == NETWORK_ANALYSTS:
        return label == "network analyst"
    if rule_roles == PLATFORM_ADMINS:
        return label == "platform admin"
    if rule_roles == INVITEE:
        return label == "outsider"
    if rule_roles == ANY_LOGGED_IN:
        return logged_in
    return city == "a" and role in rule_roles


def plant_secrets(world: World) -> None:
    """City A's unpublished content, beside what the fixture and the page builders make."""
    city = world.a
    assert city.private_commitment is not None
    Commitment.objects.filter(pk=city.private_commitment.pk).update(action=SECRET_NOTE)
    draft = stats.release_in(city.organisation)
    Release.objects.filter(pk=draft.pk).update(title=SECRET_RELEASE)
    AssessmentRound.objects.create(
        organisation=city.organisation, title=SECRET_ROUND, framework_id="mechelen-2017"
    )
    followup.document_evidence(city.private_commitment, title=SECRET_EVIDENCE)


def secrets_in(response: Any) -> list[str]:
    if response.streaming:
        return []  # files (downloads) are checked by their own tests
    text = response.content.decode(errors="replace")
    return [secret for secret in SECRETS if secret in text]


def answered(response: Any, name: str, method: str) -> bool:
    """An allowed call's answer: the page, or a redirect that is not to the login page."""
    status = response.status_code
    if status == 200 or (status == 404 and (name, method) in NOT_FOUND_IS_RIGHT):
        return True
    return 300 <= status < 400 and LOGIN not in response.get("Location", "")


def mismatches(world: World, name: str, rule: PageRule) -> list[str]:
    """Where the pages' answers differ from the rule, or show a secret, one line per call."""
    wrong: list[str] = []
    for method, roles in (("get", rule.get), ("post", rule.post)):
        if roles is None:
            continue
        for label, user, city, role in actors(world):
            url = reverse(name, kwargs=rule.kwargs(world, world.a))
            response = getattr(client_for(user), method)(url)
            status = response.status_code
            allowed = expected_allowed(roles, city, role, user is not None, label)
            if user is None and not allowed:
                refused = status == 302 and LOGIN in response["Location"]
            else:
                refused = status in DENIED or (status == 404 and name in REFUSED_AS_NOT_FOUND)
            right = answered(response, name, method) if allowed else refused
            if status >= 500 or not right:
                wrong.append(f"{method.upper()} {url} as {label}: {status}")
            if city != "a" and secrets_in(response):
                shown = ", ".join(secrets_in(response))
                wrong.append(f"{method.upper()} {url} as {label} shows {shown}")
    return wrong


def leaks_on_own_pages(world: World, name: str, rule: PageRule) -> list[str]:
    """City B's people on city B's own page: nothing of city A's."""
    if rule.get is None:
        return []
    wrong: list[str] = []
    for role in ORGANISATION_ROLES:
        url = reverse(name, kwargs=rule.kwargs(world, world.b))
        response = client_for(world.b.users[role]).get(url)
        if response.status_code >= 500 or secrets_in(response):
            shown = ", ".join(secrets_in(response)) or "a server error"
            wrong.append(f"GET {url} as {role.value} of b shows {shown}")
    return wrong


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_access_matrix(world: World, name: str) -> None:
    plant_secrets(world)
    wrong = mismatches(world, name, PAGES[name]) + leaks_on_own_pages(world, name, PAGES[name])
    assert not wrong, "\n".join(wrong)


SHOWN_INSIDE = {
    SECRET_PLAN: ("commitments:list", {}),
    SECRET_NOTE: ("commitments:edit", {"pk": "private"}),
    SECRET_RELEASE: ("statistics:overview", {}),
    SECRET_ROUND: ("assessments:list", {}),
    SECRET_EVIDENCE: ("followup:evidence", {"pk": "private"}),
}


def test_the_secrets_are_shown_inside_city_a(world: World) -> None:
    """The walk looks for texts that city A's own pages do show: it can find a leak."""
    plant_secrets(world)
    assert world.a.private_commitment is not None
    administrator = client_for(world.a.users[Role.ADMINISTRATOR])
    for secret, (name, more) in SHOWN_INSIDE.items():
        kwargs: dict[str, Any] = {"slug": world.a.organisation.slug}
        if more:
            kwargs["pk"] = world.a.private_commitment.pk
        assert secret in secrets_in(administrator.get(reverse(name, kwargs=kwargs))), secret


def test_the_walk_reports_a_wrong_answer_and_a_leak(world: World) -> None:
    """A page declared open that refuses, an allowed 404, and a secret shown are caught."""
    plant_secrets(world)
    too_open = mismatches(
        world, "commitments:list", dataclasses.replace(PAGES["commitments:list"], get=PUBLIC)
    )
    assert "GET /manage/city-a/commitments/ as outsider: 403" in too_open
    nowhere = {"slug": world.a.organisation.slug, "pk": 999_999}
    missing = mismatches(world, "commitments:edit", PageRule(lambda w, c: nowhere, EDITORS))
    url = reverse("commitments:edit", kwargs=nowhere)
    assert f"GET {url} as administrator of a: 404" in missing
    assert world.a.public_commitment is not None
    Commitment.objects.filter(pk=world.a.public_commitment.pk).update(target=SECRET_ROUND)
    leaking = mismatches(world, "portal:city", PAGES["portal:city"])
    assert f"GET /cities/city-a/ as visitor shows {SECRET_ROUND}" in leaking


# a self-registered city waiting for approval


def out_of_sight_mismatches(world: World, name: str, rule: PageRule) -> list[str]:
    """City A pending: its people are answered as the matrix says; a platform administrator
    reads its public pages (to decide) and is refused the rest; for anyone else every
    address naming city A does not exist (404), as if the city were not there."""
    wrong: list[str] = []
    for method, roles in (("get", rule.get), ("post", rule.post)):
        if roles is None:
            continue
        for label, user, city, role in actors(world):
            url = reverse(name, kwargs=rule.kwargs(world, world.a))
            if f"/{world.a.organisation.slug}/" not in url:
                continue  # the page does not name city A
            status = getattr(client_for(user), method)(url).status_code
            allowed = expected_allowed(roles, city, role, user is not None, label)
            if city == "a":
                right = status < 400 or (status == 404 and (name, method) in NOT_FOUND_IS_RIGHT)
                right = right if allowed else status in DENIED
            elif label == "platform admin":
                right = (status < 400) if roles == PUBLIC else status in DENIED
            else:
                right = status == 404
            if status >= 500 or not right:
                wrong.append(f"{method.upper()} {url} as {label}: {status}")
    return wrong


def test_a_pending_city_is_out_of_sight_until_approved(world: World) -> None:
    """On 70a54e0 there was no pending state: a self-registered city was public at once
    (``GET /cities/fake-city/ as a visitor: 200``; ``tests/web/tenancy/test_pending_attacks.py``,
    which uses the pages only, fails there)."""
    from mechelen.web.tenancy.models import Organisation
    from mechelen.web.tenancy.roles import OrganisationStatus

    world.network.members.remove(world.a.organisation)
    Organisation.objects.filter(pk=world.a.organisation.pk).update(
        status=OrganisationStatus.PENDING
    )
    world.a.organisation.refresh_from_db()
    wrong: list[str] = []
    for name in sorted(PAGES):
        wrong += out_of_sight_mismatches(world, name, PAGES[name])
    assert not wrong, "\n".join(wrong)
    assert client_for(None).get(f"/cities/{world.a.organisation.slug}/").status_code == 404
    assert "City A" not in client_for(None).get(reverse("portal:home")).content.decode()
    # approved by a platform administrator: the matrix holds again, for everyone
    approve = reverse("platform:approve", kwargs={"slug": world.a.organisation.slug})
    assert client_for(world.platform_admin).post(approve).status_code == 302
    world.a.organisation.refresh_from_db()
    for name in ("portal:city", "public_statistics:release", "reports:public_city"):
        assert not mismatches(world, name, PAGES[name])
