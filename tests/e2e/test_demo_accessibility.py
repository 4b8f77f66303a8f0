"""On request (``MECHELEN_DEMO_CRAWL=1``, about two and a half minutes): the demo's pages,
full of real content, pass the same checks as the access matrix's pages
(tests/e2e/test_accessibility.py). A visitor and four people of Mechelen each follow the
site's links from where they start, opening every kind of page once (addresses that differ
only by numbers are one kind), up to ``PAGES_EACH`` pages; downloads are not followed."""

from __future__ import annotations

import os
import re
from typing import Any
from urllib.parse import urlparse

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Browser, Error

from mechelen.web.demo.load import DEMO_PASSWORD, load_all
from tests.e2e.test_accessibility import PHONE, check, logged_in_context

PAGES_EACH = 45
#: (who, where they start): None is a visitor
PEOPLE = (
    (None, "/"),
    ("mechelen-admin", "/manage/mechelen/"),
    ("mechelen-coordinator", "/manage/mechelen/"),
    ("mechelen-steward", "/manage/mechelen/"),
    ("mechelen-respondent", "/manage/mechelen/"),
)
#: links not followed: files, the API, the log-out and language forms' targets
NOT_FOLLOWED = re.compile(
    r"^/(static|media|api|admin|i18n)/|logout|/files?/|/export/|/report/file/"
    r"|\.(csv|xlsx|zip|json|pdf|xml|gz)$"
)

pytestmark = pytest.mark.skipif(
    os.environ.get("MECHELEN_DEMO_CRAWL") != "1", reason="on request: MECHELEN_DEMO_CRAWL=1"
)


def test_the_demo_pages_pass_axe_and_fit_a_phone(browser: Browser, live_server: Any) -> None:
    load_all(DEMO_PASSWORD, say=lambda _line: None)
    base = str(live_server.url)
    wrong: list[str] = []
    for username, start in PEOPLE:
        user = get_user_model().objects.get(username=username) if username else None
        context = logged_in_context(browser, base, user)
        page = context.new_page()
        queue, kinds, opened = [start], set(), 0
        while queue and opened < PAGES_EACH:
            path = queue.pop(0)
            kind = re.sub(r"\d+", "N", path)
            if kind in kinds:
                continue
            kinds.add(kind)
            try:
                violations, width, culprits = check(page, base + path)
            except (AssertionError, Error):
                continue  # a refusal, a redirect to a file, a download: not a page to check
            opened += 1
            where = f"{path} as {username or 'visitor'}"
            wrong += [violation.describe(where) for violation in violations]
            if width > PHONE:
                wrong.append(f"{where}: {width} px wide: {'; '.join(culprits)}")
            for href in page.eval_on_selector_all("a[href]", "(a) => a.map((e) => e.href)"):
                link = urlparse(href)
                if link.netloc == urlparse(base).netloc and not NOT_FOLLOWED.search(link.path):
                    queue.append(link.path)
        context.close()
    assert not wrong, "\n".join(wrong)
