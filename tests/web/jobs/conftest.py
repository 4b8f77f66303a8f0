"""Several threads on the test database.

On SQLite the test database lives in memory with a shared cache, where two connections that
meet on a table get "database table is locked" at once: the busy timeout of a database file
does not apply. ``sqlite_waits_when_locked`` gives every connection opened during the test
that wait back (a short retry of the statement), so threads behave as on a file or on
PostgreSQL; on PostgreSQL it does nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.db import OperationalError, connection
from django.db.backends.signals import connection_created

#: how long a statement waits for a lock before the error is raised, as SQLite's timeout
LOCK_PATIENCE = 20.0


def retry_when_locked(
    execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any
) -> Any:
    deadline = time.monotonic() + LOCK_PATIENCE
    while True:
        try:
            return execute(sql, params, many, context)
        except OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.002)


def _wait_on_new_connection(sender: Any, connection: Any, **kwargs: Any) -> None:
    if connection.vendor == "sqlite" and retry_when_locked not in connection.execute_wrappers:
        connection.execute_wrappers.append(retry_when_locked)


@pytest.fixture
def sqlite_waits_when_locked(transactional_db: Any) -> Iterator[None]:
    connection_created.connect(_wait_on_new_connection)
    if connection.vendor == "sqlite":
        connection.execute_wrappers.append(retry_when_locked)
    try:
        yield
    finally:
        connection_created.disconnect(_wait_on_new_connection)
        if retry_when_locked in connection.execute_wrappers:
            connection.execute_wrappers.remove(retry_when_locked)
