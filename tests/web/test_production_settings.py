"""The production settings pass Django's deployment checks and refuse to start half-configured."""

from __future__ import annotations

import importlib
import os
import secrets
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from django.core.exceptions import ImproperlyConfigured


def run_with_production_settings(
    tmp_path: Path, *args: str, **env: str
) -> subprocess.CompletedProcess[str]:
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("MECHELEN_", "DJANGO_"))
    }
    environment |= {
        "DJANGO_SETTINGS_MODULE": "mechelen.web.production",
        "MECHELEN_DATA_DIR": str(tmp_path),
        **env,
    }
    return subprocess.run(
        [sys.executable, "-m", "django", *args],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


GOOD = {
    "MECHELEN_SECRET_KEY": secrets.token_urlsafe(64),
    "MECHELEN_ALLOWED_HOSTS": "mechelen.example.org",
}


def test_check_deploy_is_clean(tmp_path: Path) -> None:
    done = run_with_production_settings(
        tmp_path, "check", "--deploy", "--fail-level", "DEBUG", **GOOD
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues" in done.stdout


def test_check_deploy_sees_the_demo_settings_are_not_for_production(tmp_path: Path) -> None:
    """The same check fails on the demo settings: it is not a check that passes anything."""
    done = run_with_production_settings(
        tmp_path,
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="mechelen.web.settings",
    )
    assert done.returncode != 0
    assert "security.W004" in done.stderr + done.stdout  # no HSTS


def load_production(monkeypatch: pytest.MonkeyPatch, **env: str) -> ModuleType:
    """Import the production settings afresh under ``env`` (without configuring Django)."""
    for key in [k for k in os.environ if k.startswith("MECHELEN_")]:
        monkeypatch.delenv(key)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delitem(sys.modules, "mechelen.web.production", raising=False)
    module = importlib.import_module("mechelen.web.production")
    monkeypatch.delitem(sys.modules, "mechelen.web.production")
    return module


def test_debug_stays_off_whatever_the_environment_says(monkeypatch: pytest.MonkeyPatch) -> None:
    production = load_production(monkeypatch, MECHELEN_DEBUG="1", **GOOD)
    assert production.DEBUG is False
    assert production.SESSION_COOKIE_SECURE and production.CSRF_COOKIE_SECURE


@pytest.mark.parametrize(
    ("missing", "env"),
    [
        ("MECHELEN_SECRET_KEY", {"MECHELEN_ALLOWED_HOSTS": "mechelen.example.org"}),
        ("MECHELEN_SECRET_KEY", {**GOOD, "MECHELEN_SECRET_KEY": "too-short"}),
        ("MECHELEN_ALLOWED_HOSTS", {"MECHELEN_SECRET_KEY": GOOD["MECHELEN_SECRET_KEY"]}),
    ],
)
def test_refuses_to_start_half_configured(
    monkeypatch: pytest.MonkeyPatch, missing: str, env: dict[str, str]
) -> None:
    with pytest.raises(ImproperlyConfigured, match=missing):
        load_production(monkeypatch, **env)


def test_login_throttling_sees_the_client_behind_the_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Production stands behind one HTTPS proxy by default; the count can be set."""
    production = load_production(monkeypatch, **GOOD)
    assert production.TRUSTED_PROXIES == 1
    assert production.AXES_CLIENT_IP_CALLABLE == "mechelen.web.client_address.client_address"
    assert production.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    two = load_production(monkeypatch, MECHELEN_TRUSTED_PROXIES="2", **GOOD)
    assert two.TRUSTED_PROXIES == 2
