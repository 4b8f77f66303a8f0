"""A server error leaves its traceback on stderr, in the demo and production settings, and
nothing personal: not the request's body (a password, a user name), not its cookies.

Fails on 70a54e0: no logging was configured, and with DEBUG off Django's default sends a
500 to the (absent) site administrators' e-mail only, so stderr stayed empty.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

PASSWORD = "Secret-Password-Never-Logged-7"
USERNAME = "ines.never.logged"

#: runs in a fresh Python with the settings under test: one POST to a page that fails
SCRIPT = f"""
import django
django.setup()
from django.test import Client
from django.test.utils import override_settings
with override_settings(ROOT_URLCONF="tests.web.failing_urls", SECURE_SSL_REDIRECT=False):
    client = Client(raise_request_exception=False, HTTP_HOST="mechelen.example.org")
    client.cookies["sessionid"] = "cookie-never-logged"
    response = client.post(
        "/broken/", {{"username": {USERNAME!r}, "password": {PASSWORD!r}}}
    )
print(response.status_code)
"""


def run(settings: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("MECHELEN_", "DJANGO_", "DATABASE_URL"))
    }
    environment |= {
        "DJANGO_SETTINGS_MODULE": settings,
        "MECHELEN_DATA_DIR": str(tmp_path),
        "MECHELEN_SECRET_KEY": secrets.token_urlsafe(64),
        "MECHELEN_ALLOWED_HOSTS": "mechelen.example.org",
        "PYTHONPATH": os.pathsep.join([str(Path.cwd()), environment.get("PYTHONPATH", "")]),
    }
    return subprocess.run(
        [sys.executable, "-c", SCRIPT],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


@pytest.mark.parametrize("settings", ["mechelen.web.settings", "mechelen.web.production"])
def test_a_server_error_leaves_its_traceback_on_stderr(settings: str, tmp_path: Path) -> None:
    done = run(settings, tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "500"
    log = done.stderr
    assert "ERROR django.request: Internal Server Error: /broken/" in log
    assert "Traceback (most recent call last)" in log
    assert "RuntimeError: the page broke" in log
    for personal in (PASSWORD, USERNAME, "cookie-never-logged"):
        assert personal not in log
