"""Approving a release announces it to the apps that listen (the follow-up app does), inside
the approval's transaction: what a listener changes is committed with the publication, or
undone with it."""

from __future__ import annotations

from typing import Any

import pytest

from mechelen.web.audit.models import AuditEntry
from mechelen.web.followup.receivers import take_in_published_release
from mechelen.web.statistics import events
from mechelen.web.statistics.models import Release, ReleaseStatus
from mechelen.web.statistics.releases.actions import approve_release
from mechelen.web.tenancy.roles import Role
from tests.web.conftest import World
from tests.web.statistics.factories import release_in


def listening(monkeypatch: pytest.MonkeyPatch, listener: events.ReleaseListener) -> None:
    """``listener`` registered after the apps' own, for one test."""
    monkeypatch.setattr(events, "_PUBLISHED", [*events._PUBLISHED, listener])


def test_the_follow_up_app_listens() -> None:
    assert take_in_published_release in events._PUBLISHED


def test_approval_announces_the_published_release_once(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    heard: list[tuple[Any, int, str]] = []

    def listener(actor: Any, release: Release) -> None:
        stored = Release.objects.get(pk=release.pk)
        heard.append((actor, release.pk, stored.status))

    listening(monkeypatch, listener)
    waiting = release_in(world.a.organisation, ReleaseStatus.SUBMITTED)
    administrator = world.a.users[Role.ADMINISTRATOR]
    approve_release(administrator, waiting)
    assert heard == [(administrator, waiting.pk, ReleaseStatus.PUBLISHED)]


def test_a_listener_that_fails_undoes_the_approval(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(actor: Any, release: Release) -> None:
        raise RuntimeError("the listener failed")

    listening(monkeypatch, failing)
    waiting = release_in(world.a.organisation, ReleaseStatus.SUBMITTED)
    with pytest.raises(RuntimeError):
        approve_release(world.a.users[Role.ADMINISTRATOR], waiting)
    waiting.refresh_from_db()
    assert waiting.status == ReleaseStatus.SUBMITTED
    approved = AuditEntry.objects.filter(
        action="statistics.release.approve", target_id=str(waiting.pk)
    )
    assert not approved.exists()
