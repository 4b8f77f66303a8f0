"""Where an organisation's microdata lives, and one writer at a time per workspace.

``WORKSPACES_DIR/<slug>/``: the DuckDB workspace (microdata, validation report, record-key
secret) and ``uploads/`` (files waiting to be ingested). Never served by any URL. The files of
built releases live elsewhere (``releases/folders.py``).
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
