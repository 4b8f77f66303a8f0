"""A person's visit to the running site: the browser page, who they are, and screenshots."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
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
    #: the other people of the city by role ("coordinator", "data_steward"...): their
    #: user names; they share the password (respondents are created during the journey)
    team: dict[str, str] = field(default_factory=dict)

    def open(self, url_name: str, **kwargs: Any) -> None:
        self.page.goto(self.base_url + reverse(url_name, kwargs=kwargs or None))

    def screenshot(self, name: str, full_page: bool = True) -> None:
        """Save the page as docs/screenshots/web-``name``.png; a very long page (a whole
        questionnaire) is better shown by its first screen only (``full_page=False``)."""
        if screenshots_wanted():
            self.page.screenshot(path=SCREENSHOTS / f"web-{name}.png", full_page=full_page)
