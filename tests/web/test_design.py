"""Every page of the site is drawn with the design system and carries the platform's name.

Every page of the access matrix (tests/web/access_matrix.py), fetched by someone it lets in,
links the U.S. Web Design System's style sheet (served from the npm package under
static/uswds/) before the site's own, has its header with the platform's name, "Cities and
Migration Platform", never "Mechelen" alone as the brand, and a title that ends with that
name. Form fields carry the design system's classes (mechelen.web.design). Fails before issue
12: the pages had their own header, named "Mechelen".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django import forms
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from mechelen.web.design import design_class
from tests.web.access_matrix import PAGES
from tests.web.conftest import World, client_for
from tests.web.test_access_matrix import plant_secrets
from tests.web.test_content_security_policy import reader


@pytest.fixture(autouse=True)
def language_reset() -> Iterator[None]:
    """A request in French or Spanish leaves its language active in the thread: reset it."""
    yield
    translation.deactivate()


USWDS_CSS = '<link rel="stylesheet" href="/static/uswds/css/uswds.min.css">'
USWDS_JS = '<script src="/static/uswds/js/uswds.min.js"></script>'
SITE_CSS = '<link rel="stylesheet" href="/static/mechelen.css">'
NAME = {
    "en": "Cities and Migration Platform",
    "fr": "Plateforme Villes et migrations",
    "es": "Plataforma Ciudades y Migración",
}
#: pages outside the site's layout: the API's documentation is Swagger UI's own page, and the
#: HTML reports are self-contained documents with their own style sheet (the same file as the
#: download, docs/reports.md)
NOT_IN_THE_LAYOUT = frozenset(
    {"api:openapi-view", "reports:city_file", "reports:network", "reports:public_city"}
)


def header(html: str) -> str:
    found = re.search(r'<header class="usa-header[^"]*">(.*?)</header>', html, re.S)
    assert found, "no USWDS header"
    return found.group(1)


def assert_designed(html: str, lang: str = "en") -> None:
    assert USWDS_CSS in html, "the page does not link the design system's style sheet"
    assert html.index(USWDS_CSS) < html.index(SITE_CSS), "the site's CSS must come after"
    top = header(html)
    assert f'<em class="usa-logo__text"><a href="/">{NAME[lang]}</a></em>' in top
    assert re.search(r">\s*Mechelen\s*<", top) is None, "Mechelen as the brand"
    title = re.search(r"<title>(.*?)</title>", html, re.S)
    assert title and title.group(1).endswith(f" · {NAME[lang]}"), title
    assert '<a class="usa-skipnav" href="#main">' in html
    assert '<main id="main"' in html and '<footer class="usa-footer' in html


@pytest.mark.parametrize(
    "name",
    sorted(n for n, rule in PAGES.items() if rule.get is not None and n not in NOT_IN_THE_LAYOUT),
)
def test_every_page_is_drawn_with_the_design_system(world: World, name: str) -> None:
    plant_secrets(world)
    rule = PAGES[name]
    assert rule.get is not None
    response = client_for(reader(world, rule.get)).get(
        reverse(name, kwargs=rule.kwargs(world, world.a))
    )
    if response.status_code != 200 or response.streaming:
        return
    if not response["Content-Type"].startswith("text/html"):
        return
    if response.get("Content-Disposition", "").startswith("attachment"):
        return
    html = response.content.decode()
    assert_designed(html)
    assert USWDS_JS in html


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_the_platforms_name_in_each_language(world: Any, lang: str) -> None:
    response = client_for(None).get("/", HTTP_ACCEPT_LANGUAGE=lang)
    html = response.content.decode()
    assert_designed(html, lang)


def test_the_design_system_is_served(world: Any) -> None:
    """The style sheet, a font and an image it names, and the script answer from the site."""
    from django.contrib.staticfiles import finders

    for path in [
        "uswds/css/uswds.min.css",
        "uswds/js/uswds.min.js",
        "uswds/fonts/source-sans-pro/sourcesanspro-regular-webfont.woff2",
        "uswds/img/usa-icons/close.svg",
        "uswds/img/correct8.svg",
    ]:
        assert finders.find(path), path
    css = finders.find("uswds/css/uswds.min.css")
    assert css
    text = Path(css).read_text("utf-8")
    for url in set(re.findall(r"url\((\.\./[^)]+)\)", text)):
        assert finders.find("uswds/" + url.removeprefix("../")), f"{url} is missing"


class Everything(forms.Form):
    name = forms.CharField(help_text="As written on the door.")
    notes = forms.CharField(widget=forms.Textarea(attrs={"class": "code"}), required=False)
    kind = forms.ChoiceField(choices=[("a", "A"), ("b", "B")])
    level = forms.ChoiceField(choices=[("1", "One"), ("2", "Two")], widget=forms.RadioSelect)
    groups = forms.MultipleChoiceField(
        choices=[("x", "X"), ("y", "Y")], widget=forms.CheckboxSelectMultiple
    )
    public = forms.BooleanField(required=False)
    day = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))


def test_form_fields_carry_the_design_systems_classes() -> None:
    with translation.override("en"):
        html = render_to_string("form_fields.html", {"form": Everything(data={"kind": "a"})})
    assert '<div class="usa-form-group usa-form-group--error">' in html
    assert re.search(r'<input type="text" name="name"[^>]*class="usa-input usa-input--error"', html)
    assert '<div class="usa-hint" id="id_name_helptext">As written on the door.</div>' in html
    assert re.search(r'aria-describedby="id_name_helptext id_name_error"', html)
    assert '<span class="usa-error-message" id="id_name_error" role="alert">' in html
    assert re.search(r'<textarea name="notes"[^>]*class="usa-textarea code"', html)
    assert re.search(r'<select name="kind"[^>]*class="usa-select"', html)
    # a choice of radio buttons or checkboxes is a fieldset; each input comes before its label
    assert '<legend class="usa-legend usa-label--error">Level' in html
    assert re.search(
        r'<div class="usa-radio"><input type="radio" name="level" value="1"[^>]*'
        r'class="usa-radio__input" id="id_level_0">\s*'
        r'<label class="usa-radio__label" for="id_level_0">One</label></div>',
        html,
    )
    assert re.search(r'<div class="usa-checkbox"><input type="checkbox" name="groups"', html)
    assert re.search(
        r'<input type="checkbox" name="public"[^>]*class="usa-checkbox__input" id="id_public">'
        r'<label class="usa-checkbox__label" for="id_public">Public</label>',
        html,
    )
    assert re.search(r'<input type="date" name="day"[^>]*class="usa-input', html)


def test_each_widget_gets_its_class() -> None:
    assert design_class(forms.TextInput()) == "usa-input"
    assert design_class(forms.EmailInput()) == "usa-input"
    assert design_class(forms.SelectMultiple()) == "usa-select"
    assert design_class(forms.RadioSelect()) == "usa-radio__input"
    assert design_class(forms.CheckboxSelectMultiple()) == "usa-checkbox__input"
    assert design_class(forms.ClearableFileInput()) == ""
    assert design_class(forms.HiddenInput()) == ""
