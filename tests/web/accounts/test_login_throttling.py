"""Login throttling (django-axes): five failures lock that user name from that address, twenty
failures from one address lock it for every user name; the client's address even behind the
trusted reverse proxies."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client, RequestFactory
from django.urls import reverse
from pytest_django.fixtures import Settings

from mechelen.web.client_address import client_address

PASSWORD = "the-right-password-1234"
ATTACKER = "203.0.113.7"
ELSEWHERE = "198.51.100.20"
PROXY = "10.0.0.2"


@pytest.fixture
def people(db: Any) -> tuple[Any, Any]:
    users = get_user_model().objects
    return users.create_user("ines", password=PASSWORD), users.create_user("jan", password=PASSWORD)


def log_in(
    username: str, password: str, address: str = ATTACKER, forwarded: str | None = None
) -> tuple[int, bool]:
    """The status of the answer, and whether the person is logged in afterwards.

    With ``forwarded`` the request comes from the proxy, with that X-Forwarded-For header.
    """
    if forwarded is None:
        client = Client(REMOTE_ADDR=address)
    else:
        client = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)
    response = client.post(reverse("accounts:login"), {"username": username, "password": password})
    return response.status_code, "_auth_user_id" in client.session


def fail(username: str, times: int, address: str = ATTACKER, forwarded: str | None = None) -> None:
    for _ in range(times):
        _, logged_in = log_in(username, "wrong-guess", address, forwarded)
        assert not logged_in


def test_the_limit_is_five_failures() -> None:
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.LOGIN_FAILURES_PER_ADDRESS == 20


@pytest.fixture
def many_accounts(people: Any) -> list[str]:
    users = get_user_model().objects
    names = [f"person{n}" for n in range(6)]
    for name in names:
        users.create_user(name, password=PASSWORD)
    return names


def test_four_failures_on_each_of_many_accounts_lock_the_address(many_accounts: list[str]) -> None:
    """Fails on 70a54e0: no user name reaches five failures, so nothing was ever locked and
    one address could try four passwords on every account."""
    for name in many_accounts[:5]:
        fail(name, 4)  # 20 failures from the address, none locking an account
    assert log_in("ines", PASSWORD) == (429, False)
    assert log_in(many_accounts[5], PASSWORD) == (429, False)
    assert log_in("jan", PASSWORD, ELSEWHERE) == (302, True)


def test_fewer_failures_from_an_address_lock_no_one_else(many_accounts: list[str]) -> None:
    for name in many_accounts[:4]:
        fail(name, 4)
    fail(many_accounts[4], 3)  # 19 failures
    assert log_in("ines", PASSWORD) == (302, True)


def test_logging_into_an_own_account_does_not_reset_the_address(
    many_accounts: list[str],
) -> None:
    """The attacker's own successful login clears only their own failures."""
    for name in many_accounts[:4]:
        fail(name, 4)
    fail("jan", 3)
    assert log_in("jan", PASSWORD) == (302, True)  # 19 failures, then jan's 3 cleared
    fail(many_accounts[4], 4)  # 20 again
    assert log_in("ines", PASSWORD) == (429, False)


def test_behind_a_trusted_proxy_the_address_lock_is_the_clients(
    many_accounts: list[str], settings: Settings
) -> None:
    settings.TRUSTED_PROXIES = 1
    for name in many_accounts[:5]:
        fail(name, 4, forwarded=ATTACKER)
    assert log_in("ines", PASSWORD, forwarded=ATTACKER) == (429, False)
    assert log_in("ines", PASSWORD, forwarded=ELSEWHERE) == (302, True)


def test_the_sixth_attempt_is_refused_even_with_the_right_password(people: Any) -> None:
    fail("ines", 5)
    status, logged_in = log_in("ines", PASSWORD)
    assert (status, logged_in) == (429, False)


def test_four_failures_do_not_lock(people: Any) -> None:
    fail("ines", 4)
    assert log_in("ines", PASSWORD) == (302, True)


def test_a_lock_shows_the_locked_page(people: Any) -> None:
    fail("ines", 5)
    client = Client(REMOTE_ADDR=ATTACKER)
    response = client.post(reverse("accounts:login"), {"username": "ines", "password": PASSWORD})
    assert "accounts/locked.html" in [t.name for t in response.templates]


def test_another_user_from_the_same_address_is_not_locked(people: Any) -> None:
    fail("ines", 5)
    assert log_in("jan", PASSWORD) == (302, True)


def test_the_same_user_from_another_address_is_not_locked(people: Any) -> None:
    fail("ines", 5)
    assert log_in("ines", PASSWORD, ELSEWHERE) == (302, True)


def test_behind_a_trusted_proxy_the_lock_is_per_client_address(
    people: Any, settings: Settings
) -> None:
    """Every request comes from the proxy: without X-Forwarded-For, one lock for everyone."""
    settings.TRUSTED_PROXIES = 1
    fail("ines", 5, forwarded=ATTACKER)
    assert log_in("ines", PASSWORD, forwarded=ELSEWHERE) == (302, True)
    assert log_in("ines", PASSWORD, forwarded=ATTACKER) == (429, False)


def test_a_client_cannot_escape_the_lock_by_writing_the_header_itself(
    people: Any, settings: Settings
) -> None:
    """What the client writes comes before the proxy's entry, and is never trusted."""
    settings.TRUSTED_PROXIES = 1
    for attempt in range(5):
        log_in("ines", "wrong-guess", forwarded=f"192.0.2.{attempt}, {ATTACKER}")
    assert log_in("ines", PASSWORD, forwarded=f"192.0.2.99, {ATTACKER}") == (429, False)


def test_without_trusted_proxies_the_header_is_ignored(people: Any, settings: Settings) -> None:
    settings.TRUSTED_PROXIES = 0
    for attempt in range(5):
        client = Client(REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR=f"192.0.2.{attempt}")
        client.post(reverse("accounts:login"), {"username": "ines", "password": "wrong"})
    assert log_in("ines", PASSWORD) == (429, False)


@pytest.mark.parametrize(
    ("proxies", "forwarded", "seen"),
    [
        (0, "192.0.2.1", PROXY),
        (1, "192.0.2.1", "192.0.2.1"),
        (1, "192.0.2.66, 192.0.2.1", "192.0.2.1"),
        (2, "192.0.2.66, 192.0.2.1, 10.0.0.9", "192.0.2.1"),
        (2, "10.0.0.9", PROXY),  # shorter than the proxies promise: not through them
        (1, "", PROXY),
        (1, "not-an-address", PROXY),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_the_client_address_is_the_outermost_trusted_proxys_entry(
    settings: Settings, proxies: int, forwarded: str, seen: str
) -> None:
    settings.TRUSTED_PROXIES = proxies
    request = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == seen
