"""What the follow-up app does when another app announces something (registered when
``apps.py``'s ``ready()`` imports this module)."""

from __future__ import annotations

from typing import Any

from mechelen.web.followup.figures.actions import refresh_from_releases
from mechelen.web.statistics.events import on_release_published
from mechelen.web.statistics.models import Release


@on_release_published
def take_in_published_release(actor: Any, release: Release) -> None:
    """The city's indicators computed from its published tables take in the new release."""
    refresh_from_releases(actor, release.organisation)
