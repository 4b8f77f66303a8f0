"""Changing one's password, and a new one through a link sent by e-mail: in the site's
layout, audited without the password, and never telling whether an address has an account.
Fails on 70a54e0: there was no password change or reset."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse

from mechelen.web.audit.models import AuditEntry
from mechelen.web.tenancy.roles import Role
from tests.web.conftest import PASSWORD, World, client_for

NEW = "a-brand-new-passphrase-91"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
LINK = re.compile(r"https?://[^/\s]+(/accounts/password/reset/[^\s]+/)")


def can_log_in(username: str, password: str) -> bool:
    client = Client()
    client.post(reverse("accounts:login"), {"username": username, "password": password})
    return "_auth_user_id" in client.session


def entries_about(user: Any) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(target_id=str(user.pk), action__startswith="account."))


def test_a_logged_in_person_changes_their_password(world: World) -> None:
    person = world.a.users[Role.COORDINATOR]
    client = client_for(person)
    page = client.get(reverse("accounts:password_change"))
    assert page.status_code == 200 and b'name="old_password"' in page.content
    wrong = client.post(
        reverse("accounts:password_change"),
        {"old_password": "not-it", "new_password1": NEW, "new_password2": NEW},
    )
    assert wrong.status_code == 200 and can_log_in(person.username, PASSWORD)
    done = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW},
    )
    assert done["Location"] == reverse("accounts:password_change_done")
    assert client.get(reverse("accounts:dashboard")).status_code == 200  # still logged in
    assert can_log_in(person.username, NEW) and not can_log_in(person.username, PASSWORD)
    (entry,) = entries_about(person)
    assert (entry.action, entry.actor, entry.organisation) == (
        "account.password_change",
        person,
        world.a.organisation,
    )
    assert NEW not in str(entry.details) and PASSWORD not in str(entry.details)


def test_a_reset_link_sets_a_new_password(world: World) -> None:
    person = world.a.users[Role.VIEWER]
    person.email = "viewer@city-a.example.org"
    person.save()
    Client().post(reverse("accounts:password_reset"), {"email": "VIEWER@city-a.example.org"})
    (message,) = mail.outbox
    assert message.to == ["viewer@city-a.example.org"]
    link = LINK.search(message.body)
    assert link, message.body
    client = Client()
    form = client.get(link.group(1), follow=True)
    assert b'name="new_password1"' in form.content
    done = client.post(form.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW})
    assert done["Location"] == reverse("accounts:password_reset_complete")
    assert can_log_in(person.username, NEW)
    (entry,) = entries_about(person)
    assert (entry.action, entry.actor, entry.organisation) == (
        "account.password_reset",
        person,
        world.a.organisation,
    )
    again = Client().get(link.group(1), follow=True)  # used: it works once
    assert b'name="new_password1"' not in again.content


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_asking_for_a_link_never_tells_whether_the_address_has_an_account(
    db: Any, lang: str
) -> None:
    get_user_model().objects.create_user("ana", "ana@example.org", PASSWORD)
    answers = []
    for address in ("ana@example.org", "nobody@example.org"):
        client = Client(HTTP_ACCEPT_LANGUAGE=lang)
        sent = client.post(reverse("accounts:password_reset"), {"email": address})
        page = client.get(sent["Location"])
        html = CSRF.sub("", page.content.decode())  # each visitor's own token
        answers.append((sent.status_code, sent["Location"], html))
    assert answers[0] == answers[1]
    assert len(mail.outbox) == 1


def test_the_reset_pages_speak_the_readers_language(db: Any) -> None:
    french = Client(HTTP_ACCEPT_LANGUAGE="fr").get(reverse("accounts:password_reset"))
    spanish = Client(HTTP_ACCEPT_LANGUAGE="es").get(reverse("accounts:password_reset"))
    assert "Mot de passe oublié" in french.content.decode()
    assert "Contraseña olvidada" in spanish.content.decode()


def test_the_login_page_and_dashboard_link_to_the_password_pages(world: World) -> None:
    login = Client().get(reverse("accounts:login")).content.decode()
    assert reverse("accounts:password_reset") in login
    dashboard = client_for(world.outsider).get(reverse("accounts:dashboard")).content.decode()
    assert reverse("accounts:password_change") in dashboard


@pytest.mark.parametrize(
    ("lang", "subject_word", "english"),
    [("fr", "mot de passe", "Choose it at this address"), ("es", "contraseña", "Choose it")],
)
def test_the_reset_e_mail_speaks_the_language_of_the_page_that_asked(
    db: Any, lang: str, subject_word: str, english: str
) -> None:
    get_user_model().objects.create_user("ana", "ana@example.org", PASSWORD)
    Client(HTTP_ACCEPT_LANGUAGE=lang).post(
        reverse("accounts:password_reset"), {"email": "ana@example.org"}
    )
    (message,) = mail.outbox
    assert subject_word in message.subject.lower(), message.subject
    assert english not in message.body and "If you did not ask" not in message.body
    assert message.extra_headers["Content-Language"] == lang
    assert LINK.search(message.body)
