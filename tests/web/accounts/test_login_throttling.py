"""Login throttling (django-axes): five failures lock that user name from that address."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

PASSWORD = "the-right-password-1234"
ATTACKER = "203.0.113.7"
ELSEWHERE = "198.51.100.20"


@pytest.fixture
def people(db: Any) -> tuple[Any, Any]:
    users = get_user_model().objects
    return users.create_user("ines", password=PASSWORD), users.create_user("jan", password=PASSWORD)


def log_in(username: str, password: str, address: str = ATTACKER) -> tuple[int, bool]:
    """The status of the answer, and whether the person is logged in afterwards."""
    client = Client(REMOTE_ADDR=address)
    response = client.post(reverse("accounts:login"), {"username": username, "password": password})
    return response.status_code, "_auth_user_id" in client.session


def fail(username: str, times: int, address: str = ATTACKER) -> None:
    for _ in range(times):
        _, logged_in = log_in(username, "wrong-guess", address)
        assert not logged_in


def test_the_limit_is_five_failures() -> None:
    assert settings.AXES_FAILURE_LIMIT == 5


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
