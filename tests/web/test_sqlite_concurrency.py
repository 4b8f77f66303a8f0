"""The embedded SQLite database takes 50 logins at the same moment without a server error.

A real server (gunicorn, 2 processes of 32 threads, as a small site runs) on a file-based
SQLite database made with the site's own settings; 50 people, each from their own address,
fetch the login page, then all post a mistyped password at once, then all the right one.
A failed login is recorded (django-axes) in a transaction that reads before it writes: in
SQLite's default journal with deferred transactions, such a transaction that finds another
writer fails at once with ``database is locked`` (fails on 70a54e0: 35 to 40 of the 50
mistyped logins answered 500). WAL lets readers
and the writer work side by side, immediate transactions take the write lock first and wait
for it (the busy timeout) instead of failing.
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

PEOPLE = 50
PASSWORD = "a-long-test-password-42"
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def site_environment(data_dir: Path) -> dict[str, str]:
    """The test settings (fast password hashing) on SQLite in ``data_dir``, whatever
    database the suite runs on."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("MECHELEN_", "DJANGO_", "DATABASE_URL"))
    }
    return environment | {
        "DJANGO_SETTINGS_MODULE": "mechelen.web.test_settings",
        "MECHELEN_DATA_DIR": str(data_dir),
        # each person from their own address, through a proxy (else the address is locked)
        "MECHELEN_TRUSTED_PROXIES": "1",
    }


def prepare(environment: dict[str, str]) -> None:
    subprocess.run(
        [sys.executable, "-m", "django", "migrate", "--noinput", "-v", "0"],
        env=environment,
        check=True,
        timeout=300,
    )
    script = (
        "import django; django.setup()\n"
        "from django.contrib.auth import get_user_model\n"
        f"for n in range({PEOPLE}):\n"
        f"    get_user_model().objects.create_user(f'person{{n}}', password={PASSWORD!r})\n"
    )
    subprocess.run([sys.executable, "-c", script], env=environment, check=True, timeout=120)


def wait_until_up(url: str, server: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert server.poll() is None, "the server stopped"
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"the server did not answer at {url}")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def login_form(base: str) -> tuple[urllib.request.OpenerDirector, str]:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    page = opener.open(f"{base}/accounts/login/", timeout=60).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token, "no CSRF token on the login page"
    return opener, token.group(1)


def post_login(
    base: str, opener: urllib.request.OpenerDirector, token: str, username: str, password: str
) -> int | str:
    data = urllib.parse.urlencode(
        {"username": username, "password": password, "csrfmiddlewaretoken": token}
    ).encode()
    address = f"192.0.2.{int(username.removeprefix('person')) + 1}"
    headers = {"Referer": base, "X-Forwarded-For": address}
    request = urllib.request.Request(f"{base}/accounts/login/", data, headers=headers)
    try:
        return int(opener.open(request, timeout=120).status)
    except urllib.error.HTTPError as answer:
        return int(answer.code)
    except OSError as error:
        return repr(error)


def test_fifty_concurrent_logins_on_sqlite(tmp_path: Path) -> None:
    environment = site_environment(tmp_path)
    prepare(environment)
    port = free_port()
    server = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "--workers=2",
            "--threads=32",
            f"--bind=127.0.0.1:{port}",
            "--log-level=warning",
            "mechelen.web.wsgi",
        ],
        env=environment,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{base}/accounts/login/", server)
        forms = [login_form(base) for _ in range(PEOPLE)]
        start, again = threading.Barrier(PEOPLE), threading.Barrier(PEOPLE)
        mistyped: list[int | str] = []
        statuses: list[int | str] = []

        def log_in(n: int) -> None:
            opener, token = forms[n]
            start.wait()
            mistyped.append(post_login(base, opener, token, f"person{n}", "mistyped"))
            again.wait()
            statuses.append(post_login(base, opener, token, f"person{n}", PASSWORD))

        threads = [threading.Thread(target=log_in, args=(n,)) for n in range(PEOPLE)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=60)
    log = errors.decode(errors="replace")
    assert Counter(mistyped) == Counter({200: PEOPLE}), (Counter(mistyped), log[-3000:])
    assert Counter(statuses) == Counter({302: PEOPLE}), (Counter(statuses), log[-3000:])
    assert "database is locked" not in log


def test_the_sqlite_settings() -> None:
    """What makes it hold, in the site's settings for any SQLite database."""
    from mechelen.web.settings import sqlite_options

    options = sqlite_options()
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 10
    assert "journal_mode=WAL" in options["init_command"]
