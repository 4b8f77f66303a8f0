"""The French and Spanish catalogues of the web interface are complete, sound and compiled.

Every message of ``src/mechelen/web/locale/<lang>/LC_MESSAGES/django.po`` has a translation
(every plural form), none is fuzzy, each keeps the placeholders of its English text, and the
compiled ``django.mo`` gives exactly the ``.po``'s translations when Django looks them up.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po
from django.conf import settings
from django.test import Client
from django.utils.translation import gettext, ngettext, npgettext, override, pgettext

import mechelen.web

LOCALE_DIR = Path(mechelen.web.__file__).parent / "locale"
LANGUAGES = ["fr", "es"]
PLURAL_FORMS: dict[str, tuple[str, Callable[[int], int]]] = {
    "fr": ("nplurals=2; plural=(n > 1);", lambda n: int(n > 1)),
    "es": ("nplurals=2; plural=(n != 1);", lambda n: int(n != 1)),
}
SAMPLE_COUNTS = (0, 1, 2, 5, 21, 1_000_000)

_NAMED = re.compile(r"%\((\w+)\)[sdifr]")
_POSITIONAL = re.compile(r"%[sdif]")
_BRACE = re.compile(r"\{(\w+)(?:[!:][^{}]*)?\}")
_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / "django.po"


def load(lang: str) -> Catalog:
    with po_path(lang).open("rb") as f:
        return read_po(f)


def messages(lang: str) -> Iterator[Message]:
    """Every message of the catalogue but the header."""
    return (message for message in load(lang) if message.id)


def placeholders(text: str) -> tuple[set[str], int, set[str], list[str]]:
    """Named %-placeholders, positional %-placeholders, {names} and HTML tags of ``text``."""
    text = text.replace("%%", "")
    named = set(_NAMED.findall(text))
    positional = len(_POSITIONAL.findall(_NAMED.sub("", text)))
    braces = set(_BRACE.findall(text.replace("{{", "").replace("}}", "")))
    return named, positional, braces, sorted(_TAG.findall(text))


def forms(message: Message) -> list[tuple[str, str]]:
    """(English text, translation) pairs: one per plural form."""
    if isinstance(message.id, str):
        assert isinstance(message.string, str)
        return [(message.id, message.string)]
    singular, plural = message.id[0], message.id[1]
    strings = list(message.string)
    return [(singular if index == 0 else plural, string) for index, string in enumerate(strings)]


def label(message: Message) -> str:
    return message.id if isinstance(message.id, str) else message.id[0]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalogue_header(lang: str) -> None:
    assert str(LOCALE_DIR) in [str(path) for path in settings.LOCALE_PATHS]
    catalogue = load(lang)
    assert not catalogue.fuzzy, "the header is marked fuzzy"
    assert str(catalogue.locale) == lang
    assert catalogue.plural_forms == PLURAL_FORMS[lang][0]
    header = po_path(lang).read_text(encoding="utf-8")
    assert re.search(r'"Content-Type: text/plain; charset=utf-8\\n"', header, re.IGNORECASE)
    assert re.search(rf'"Language: {lang}\\n"', header)
    assert len(list(messages(lang))) > 100


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_is_translated(lang: str) -> None:
    untranslated = []
    fuzzy = []
    for message in messages(lang):
        if message.fuzzy:
            fuzzy.append(label(message))
        wanted_forms = 2 if isinstance(message.id, tuple) else 1
        strings = forms(message)
        if len(strings) != wanted_forms or not all(string.strip() for _, string in strings):
            untranslated.append(label(message))
    assert not fuzzy, f"fuzzy in {lang}: {fuzzy}"
    assert not untranslated, f"untranslated in {lang}: {untranslated}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_translations_keep_the_placeholders(lang: str) -> None:
    wrong = []
    for message in messages(lang):
        for english, translated in forms(message):
            if translated and placeholders(translated) != placeholders(english):
                wrong.append((english, translated))
    assert not wrong, f"placeholders differ in {lang}: {wrong}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_compiled_catalogue_is_up_to_date(lang: str) -> None:
    """Django, reading the compiled ``.mo``, returns every translation of the ``.po``."""
    assert po_path(lang).with_suffix(".mo").is_file(), "run django-admin compilemessages"
    plural_index = PLURAL_FORMS[lang][1]
    stale = []
    with override(lang):
        for message in messages(lang):
            context = message.context
            if isinstance(message.id, str):
                assert isinstance(message.string, str)
                got = pgettext(context, message.id) if context else gettext(message.id)
                if got != message.string:
                    stale.append((message.id, message.string, got))
                continue
            singular, plural = message.id[0], message.id[1]
            for n in SAMPLE_COUNTS:
                expected = message.string[plural_index(n)]
                got = (
                    npgettext(context, singular, plural, n)
                    if context
                    else ngettext(singular, plural, n)
                )
                if got != expected:
                    stale.append((f"{singular} (n={n})", expected, got))
    assert not stale, f"django.mo of {lang} differs from django.po: {stale}"


@pytest.mark.django_db
def test_home_page_in_french_from_accept_language() -> None:
    page = Client().get("/", HTTP_ACCEPT_LANGUAGE="fr")
    assert page.status_code == 200
    html = page.content.decode()
    assert '<html lang="fr">' in html
    assert "Suivi de la Déclaration de Malines" in html
    assert "Villes et régions" in html
    assert "Cities and regions" not in html


@pytest.mark.django_db
def test_home_page_in_spanish_from_the_language_cookie() -> None:
    client = Client(HTTP_ACCEPT_LANGUAGE="fr")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    html = client.get("/").content.decode()
    assert '<html lang="es">' in html
    assert "Seguimiento de la Declaración de Malinas" in html


@pytest.mark.django_db
def test_home_page_stays_english_by_default() -> None:
    html = Client(HTTP_ACCEPT_LANGUAGE="en").get("/").content.decode()
    assert '<html lang="en">' in html
    assert "Cities and regions" in html
