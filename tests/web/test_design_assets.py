"""Only the design system's files the pages use are served: its compiled style sheet and
script, and the fonts and images the style sheet names; not its Sass sources nor its 2,400
icons."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders

from mechelen.web.design_assets import DesignSystemFinder, served_files


def test_the_compiled_files_and_what_the_style_sheet_names_are_served() -> None:
    names = served_files(Path(settings.DESIGN_SYSTEM_DIR))
    assert "css/uswds.min.css" in names and "js/uswds.min.js" in names
    assert "img/usa-icons/close.svg" in names  # the menu's close button, named by base.html
    assert any(name.startswith("fonts/") for name in names)
    assert any(name.startswith("img/") for name in names)
    assert len(names) < 100, len(names)


def test_nothing_else_of_the_package_is_found() -> None:
    dist = Path(settings.DESIGN_SYSTEM_DIR)
    assert (dist / "scss/stylesheets/uswds.scss").is_file()  # in the package, yet not served
    assert (dist / "img/usa-icons/zoom_out_map.svg").is_file()
    assert finders.find("uswds/css/uswds.min.css")
    assert not finders.find("uswds/scss/stylesheets/uswds.scss")
    assert not finders.find("uswds/img/usa-icons/zoom_out_map.svg")
    assert not finders.find("uswds/../package.json")


def test_collectstatic_lists_the_served_files_under_the_prefix() -> None:
    finder = DesignSystemFinder()
    listed = dict(finder.list([]))
    assert set(listed) == set(served_files(finder.dist))
    assert {storage.prefix for storage in listed.values()} == {"uswds"}  # type: ignore[attr-defined]
