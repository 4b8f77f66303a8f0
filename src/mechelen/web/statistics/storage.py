"""Where an organisation's statistics files live, and one writer at a time per workspace.

- ``WORKSPACES_DIR/<slug>/``: the DuckDB workspace (microdata, validation report, record-key
  secret) and ``uploads/`` (files waiting to be ingested). Never served by any URL.
- ``MEDIA_ROOT/statistics/<slug>/releases/<release id>/<build>/``: the files of a built
  release (aggregates that passed disclosure control). Served only through views that ask
  the policy: published releases publicly, others to the organisation's roles that may see them.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings

from mechelen.engine.ingest.workspace import DATABASE_FILE, Workspace
from mechelen.web.tenancy.models import Organisation

_LOCKS: dict[str, threading.Lock] = {}
_LOCKS_GUARD = threading.Lock()


class WorkspaceBusy(Exception):
    """The workspace is being written by a job; try again in a moment."""


def workspace_folder(organisation: Organisation) -> Path:
    return Path(settings.WORKSPACES_DIR) / organisation.slug


def upload_folder(organisation: Organisation) -> Path:
    return workspace_folder(organisation) / "uploads"


def releases_folder(organisation: Organisation) -> Path:
    return Path(settings.MEDIA_ROOT) / "statistics" / organisation.slug / "releases"


def media_path(relative: str) -> Path:
    return Path(settings.MEDIA_ROOT) / relative


def published_release_folders(organisation: Organisation, exclude: int | None = None) -> list[Path]:
    """The folders of the organisation's published releases (``exclude``: a release's pk):
    what an attacker holds, so what a new release is protected and audited together with."""
    from mechelen.web.statistics.models import Release, ReleaseStatus

    releases = Release.objects.filter(organisation=organisation, status=ReleaseStatus.PUBLISHED)
    if exclude is not None:
        releases = releases.exclude(pk=exclude)
    folders = [media_path(r.folder) for r in releases.order_by("published_at") if r.folder]
    return [f for f in folders if (f / "release.json").is_file()]


def media_relative(path: Path) -> str:
    return str(path.relative_to(Path(settings.MEDIA_ROOT)))


def has_workspace(organisation: Organisation) -> bool:
    return (workspace_folder(organisation) / DATABASE_FILE).is_file()


def _lock(organisation: Organisation) -> threading.Lock:
    with _LOCKS_GUARD:
        return _LOCKS.setdefault(organisation.slug, threading.Lock())


@contextmanager
def open_workspace(organisation: Organisation, wait: float = -1) -> Iterator[Workspace]:
    """The organisation's workspace, opened by one thread at a time.

    ``wait``: seconds to wait for a running job (-1: as long as it takes); raises
    :class:`WorkspaceBusy` when it is still busy after that.
    """
    lock = _lock(organisation)
    if not lock.acquire(timeout=wait):
        raise WorkspaceBusy(organisation.slug)
    try:
        with Workspace(workspace_folder(organisation)) as workspace:
            yield workspace
    finally:
        lock.release()
