"""A form refused by the CSRF check answers a page of the site (mechelen.web.errors).

Django's own answer is a bare English page about "CSRF verification"; people meet it when a
form stayed open too long or their browser refuses cookies. The site's page is a 403 in the
layout and the reader's language that says the form expired, names cookies when none came,
and links back to the form. Fails before issue 12: Django's page.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client
from django.utils import translation


@pytest.fixture(autouse=True)
def language_reset() -> Iterator[None]:
    """A request in French or Spanish leaves its language active in the thread: reset it."""
    yield
    translation.deactivate()


LOGIN = "/accounts/login/"
EXPIRED = {
    "en": "The form has expired",
    "fr": "Le formulaire a expiré",
    "es": "El formulario ha caducado",
}
BACK = {"en": "Back to the form", "fr": "Retour au formulaire", "es": "Volver al formulario"}
COOKIES = {"en": "Allow cookies", "fr": "Autorisez les cookies", "es": "Permita las cookies"}


def refused(client: Client, lang: str, **extra: Any) -> str:
    response = client.post(
        LOGIN, {"username": "x", "password": "y"}, HTTP_ACCEPT_LANGUAGE=lang, **extra
    )
    assert response.status_code == 403
    return response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_a_form_without_the_cookie_says_cookies_are_needed(lang: str) -> None:
    html = refused(Client(enforce_csrf_checks=True), lang)
    assert f'<html lang="{lang}">' in html
    assert '<header class="usa-header' in html
    assert f"<h1>{EXPIRED[lang]}</h1>" in html
    assert f"<title>{EXPIRED[lang]} · " in html
    assert COOKIES[lang] in html
    assert f'href="{LOGIN}">{BACK[lang]}</a>' in html
    assert "CSRF" not in html and "Django" not in html


@pytest.mark.django_db
def test_an_expired_form_leads_back_to_the_page_it_was_on() -> None:
    client = Client(enforce_csrf_checks=True)
    client.get(LOGIN)  # the cookie is set; the form's token is left out
    html = refused(client, "en", HTTP_REFERER="http://testserver/accounts/register/")
    assert f"<h1>{EXPIRED['en']}</h1>" in html
    assert COOKIES["en"] not in html, "the cookie came: the form expired"
    assert f'href="http://testserver/accounts/register/">{BACK["en"]}</a>' in html


@pytest.mark.django_db
def test_a_link_back_never_leads_to_another_site() -> None:
    html = refused(
        Client(enforce_csrf_checks=True), "en", HTTP_REFERER="https://elsewhere.example/"
    )
    assert "elsewhere.example" not in html
    assert f'href="{LOGIN}">{BACK["en"]}</a>' in html


@pytest.mark.django_db
def test_a_form_with_its_token_still_goes_through() -> None:
    client = Client(enforce_csrf_checks=True)
    page = client.get(LOGIN)
    token = page.cookies["csrftoken"].value
    response = client.post(LOGIN, {"username": "x", "password": "y", "csrfmiddlewaretoken": token})
    assert response.status_code == 200  # the login form again, with its error
