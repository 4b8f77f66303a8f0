"""The 400, 403, 404 and 500 pages are pages of the site, in the reader's language.

With DEBUG off (as in every test), Django's default handlers render ``400.html``,
``403.html``, ``404.html`` and ``500.html``: each keeps the site's header, says what happened
in English, French or Spanish, and links back home (a refused page also to logging in, or to
the person's dashboard); the status codes stay. The 500 page renders with an empty context,
no request and no database. Fails on fc0e232 (issue 12, point 3): the pages were Django's
bare English ones, with no layout and no way back.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client, RequestFactory
from django.utils import translation
from django.views.defaults import server_error

pytestmark = pytest.mark.urls("tests.web.error_urls")

LANGUAGES = ["en", "fr", "es"]
HEADER = '<header class="usa-header usa-header--basic">'
NAV = "<nav aria-label="
NOT_FOUND = {"en": "Page not found", "fr": "Page introuvable", "es": "Página no encontrada"}
REFUSED = {"en": "Access refused", "fr": "Accès refusé", "es": "Acceso denegado"}
BAD = {"en": "Bad request", "fr": "Requête incorrecte", "es": "Solicitud incorrecta"}
BROKEN = {"en": "Something went wrong", "fr": "Une erreur s'est produite", "es": "Algo ha fallado"}
BACK_HOME = {
    "en": "Back to the home page",
    "fr": "Retour à la page d'accueil",
    "es": "Volver a la página de inicio",
}
LOG_IN = {"en": "Log in", "fr": "Se connecter", "es": "Iniciar sesión"}
DASHBOARD = {
    "en": "Go to your dashboard",
    "fr": "Aller à votre tableau de bord",
    "es": "Ir a su panel",
}


def page(response: object) -> str:
    return response.content.decode()  # type: ignore[attr-defined]


def assert_site_page(html: str, lang: str, heading: str) -> None:
    assert f'<html lang="{lang}">' in html
    assert HEADER in html, "the page has no site header"
    assert f"<h1>{heading}</h1>" in html
    assert f"<title>{heading} · " in html
    assert "Django" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_missing_page_is_a_page_of_the_site(lang: str) -> None:
    response = Client().get("/nothing-lives-here/", HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 404
    html = page(response)
    assert_site_page(html, lang, NOT_FOUND[lang])
    assert NAV in html
    assert BACK_HOME[lang] in html
    assert "Not Found" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_refused_page_offers_to_log_in(lang: str) -> None:
    response = Client().get("/test-errors/forbidden/", HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 403
    html = page(response)
    assert_site_page(html, lang, REFUSED[lang])
    assert NAV in html
    assert f'href="/accounts/login/?next=/test-errors/forbidden/">{LOG_IN[lang]}</a>' in html
    assert f'href="/">{BACK_HOME[lang]}</a>' in html


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_page_refused_to_a_person_leads_to_their_dashboard(lang: str) -> None:
    person = get_user_model().objects.create_user("refused-person", password="x-long-pass-42")
    client = Client()
    client.force_login(person)
    response = client.get("/test-errors/forbidden/", HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 403
    html = page(response)
    assert_site_page(html, lang, REFUSED[lang])
    assert "refused-person" in html, "the header does not show who is logged in"
    assert f'href="/accounts/">{DASHBOARD[lang]}</a>' in html
    assert f'href="/">{BACK_HOME[lang]}</a>' in html


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_bad_request_is_a_page_of_the_site(lang: str) -> None:
    response = Client().get("/test-errors/bad/", HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 400
    html = page(response)
    assert_site_page(html, lang, BAD[lang])
    assert f'href="/">{BACK_HOME[lang]}</a>' in html


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_broken_page_answers_500_with_the_site_page(lang: str) -> None:
    client = Client(raise_request_exception=False)
    response = client.get("/test-errors/broken/", HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 500
    html = page(response)
    assert_site_page(html, lang, BROKEN[lang])
    assert f'href="/">{BACK_HOME[lang]}</a>' in html


# no django_db mark: pytest-django refuses any database access in this test
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_500_page_needs_no_database_nor_request_context(lang: str) -> None:
    request = RequestFactory().get("/anywhere/")  # no user, no session, no middleware
    with translation.override(lang):
        response = server_error(request)
    assert response.status_code == 500
    html = page(response)
    assert_site_page(html, lang, BROKEN[lang])
    assert NAV not in html, "the navigation needs the person and the database"
    assert f'href="/">{BACK_HOME[lang]}</a>' in html


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.urls("tests.web.failing_urls")
def test_the_500_page_renders_without_the_sites_urls(lang: str) -> None:
    """A broken URLconf must not break the 500 page too: it reverses no URL."""
    with translation.override(lang):
        response = server_error(RequestFactory().get("/broken/"))
    assert_site_page(page(response), lang, BROKEN[lang])


def test_the_500_page_renders_without_the_static_files_manifest(settings: object) -> None:
    """Production names static files through a manifest; a missing one must not break it."""
    settings.STORAGES = {  # type: ignore[attr-defined]
        **settings.STORAGES,  # type: ignore[attr-defined]
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    with translation.override("en"):
        response = server_error(RequestFactory().get("/anywhere/"))
    html = page(response)
    assert_site_page(html, "en", BROKEN["en"])
    assert '<link rel="stylesheet" href="/static/mechelen.css">' in html
    assert '<link rel="stylesheet" href="/static/uswds/css/uswds.min.css">' in html
