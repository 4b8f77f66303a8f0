"""The settings find the design system where npm installed it, or say how to install it."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from mechelen.web.settings import REPOSITORY_DIR, design_system_dir


def test_the_design_system_is_found_at_the_repositorys_root() -> None:
    dist = design_system_dir({})
    assert dist == (REPOSITORY_DIR / "node_modules").resolve() / "@uswds" / "uswds" / "dist"
    assert dist == settings.DESIGN_SYSTEM_DIR


def test_another_node_modules_folder_is_named_by_the_environment(tmp_path: Path) -> None:
    css = tmp_path / "@uswds" / "uswds" / "dist" / "css" / "uswds.min.css"
    css.parent.mkdir(parents=True)
    css.write_text("")
    assert design_system_dir({"MECHELEN_ASSETS_DIR": str(tmp_path)}) == css.parent.parent


def test_a_missing_design_system_says_how_to_install_it(tmp_path: Path) -> None:
    with pytest.raises(ImproperlyConfigured) as refused:
        design_system_dir({"MECHELEN_ASSETS_DIR": str(tmp_path)})
    message = str(refused.value)
    assert "@uswds/uswds" in message
    assert "make" in message and "npm ci" in message
    assert "MECHELEN_ASSETS_DIR" in message
    assert str(tmp_path) in message
