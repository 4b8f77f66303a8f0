"""A person's visit to the running site: the browser page, who they are, and screenshots."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.urls import reverse
from playwright.sync_api import Page

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def screenshots_wanted() -> bool:
    """Screenshots are saved only on request (``MECHELEN_SCREENSHOTS=1``), so that a test
    run never rewrites the committed pictures."""
    return os.environ.get("MECHELEN_SCREENSHOTS") == "1"


@dataclass
class Visit:
    page: Page
    base_url: str
    city_slug: str
    city_name: str
    username: str
    password: str

    def open(self, url_name: str, **kwargs: Any) -> None:
        self.page.goto(self.base_url + reverse(url_name, kwargs=kwargs or None))

    def screenshot(self, name: str) -> None:
        if screenshots_wanted():
            self.page.screenshot(path=SCREENSHOTS / f"web-{name}.png", full_page=True)
