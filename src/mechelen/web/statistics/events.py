"""What the statistics app announces to the other apps: a release was published.

An app that wants to know registers a function, in a module its ``ready()`` imports::

    @on_release_published
    def take_in(actor, release): ...

The functions are called in the order they were registered, inside the approval's
transaction: what they change is committed with the publication, or rolled back with it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mechelen.web.statistics.models import Release

#: ``function(actor, release)``, called once the release is published
ReleaseListener = Callable[[Any, Release], None]
_PUBLISHED: list[ReleaseListener] = []


def on_release_published(function: ReleaseListener) -> ReleaseListener:
    _PUBLISHED.append(function)
    return function


def announce_release_published(actor: Any, release: Release) -> None:
    for listener in _PUBLISHED:
        listener(actor, release)
