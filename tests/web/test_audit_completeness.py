"""Every write leaves an audit entry naming the person who made it and the organisation.

Two walks. Each POST of the page matrix (``tests/web/access_matrix.py``) is sent with valid
data (``WRITES`` of ``tests/web/audit_writes.py``) by a person it allows: the database writes it makes are watched, and the
audit entries it adds must name that person and the organisation concerned. A POST page
without data here fails the walk (or is listed in ``NO_DATA_WRITTEN`` with its reason). And
each public function of ``web/*/actions.py`` that changes data must call ``record`` (itself
or through a helper of its module), but for ``AUDITED_BY_ITS_CALLER``.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.urls import reverse

from mechelen.web.audit.models import AuditEntry
from mechelen.web.tenancy.models import Organisation
from mechelen.web.tenancy.roles import Role
from tests.web.access_matrix import (
    ANY_LOGGED_IN,
    INVITEE,
    NETWORK_ANALYSTS,
    PAGES,
    PLATFORM_ADMINS,
    PUBLIC,
)
from tests.web.audit_writes import NO_DATA_WRITTEN, WRITES
from tests.web.conftest import World, client_for

WEB = Path(__file__).resolve().parents[2] / "src" / "mechelen" / "web"
#: tables whose writes are not data: the log itself, sessions, login throttling
NOT_DATA = re.compile(r"^(audit_auditentry|django_session|axes_\w+|django_content_type)$")
WRITE_SQL = re.compile(
    r'^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?',
    re.IGNORECASE | re.MULTILINE,
)

POSTS = sorted(name for name, rule in PAGES.items() if rule.post is not None)


def sender(world: World, by: Role | str) -> Any:
    if isinstance(by, Role):
        return world.a.users[by]
    return {
        "analyst": world.analyst,
        "outsider": world.outsider,
        "platform admin": world.platform_admin,
        "visitor": None,
    }[by]


@contextmanager
def tables_written() -> Iterator[set[str]]:
    """The data tables the statements run inside the block write to."""
    written: set[str] = set()

    def watch(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        written.update(t for t in WRITE_SQL.findall(sql) if not NOT_DATA.match(t.lower()))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(watch):
        yield written


def test_every_post_of_the_matrix_is_walked() -> None:
    missing = set(POSTS) - set(WRITES) - set(NO_DATA_WRITTEN)
    assert not missing, f"say how to send these POSTs in WRITES: {sorted(missing)}"
    assert not set(WRITES) - set(POSTS), "WRITES names pages without a POST"


def allowed_sender(rule_post: frozenset[Any], by: Role | str) -> bool:
    if rule_post == PUBLIC:
        return True
    if rule_post == ANY_LOGGED_IN:
        return by != "visitor"
    if rule_post == NETWORK_ANALYSTS:
        return by == "analyst"
    if rule_post == PLATFORM_ADMINS:
        return by == "platform admin"
    if rule_post == INVITEE:
        return by == "outsider"
    return by in rule_post


@pytest.mark.parametrize("name", [name for name in POSTS if name in WRITES])
def test_each_write_is_audited_with_its_author_and_organisation(world: World, name: str) -> None:
    rule, write = PAGES[name], WRITES[name]
    assert rule.post is not None and allowed_sender(rule.post, write.by)
    kwargs = rule.kwargs(world, world.a)
    data = write.data(world, kwargs)
    user = sender(world, write.by)
    client = client_for(user)  # (logging in writes the person's last login: not watched)
    before = AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    with tables_written() as written:
        response = client.post(reverse(name, kwargs=kwargs), data)
    assert response.status_code < 400, response.status_code
    assert written, f"{name} wrote nothing with this data: {response.content.decode()[:3000]}"
    entries = list(AuditEntry.objects.filter(pk__gt=before).select_related("actor"))
    assert entries, f"{name} wrote {sorted(written)} without an audit entry"
    organisation = write.organisation(world)
    author = user if user is not None else entries[0].actor  # a registration: the newcomer
    for entry in entries:
        assert entry.actor is not None and entry.actor == author, (entry.action, entry.actor)
        assert entry.organisation == organisation, (entry.action, entry.organisation)


def test_the_walk_sees_a_write_that_is_not_audited(world: World) -> None:
    """A write made outside an action (no audit entry) is seen by the watch."""
    viewer = client_for(world.a.users[Role.VIEWER])
    with tables_written() as written:
        Organisation.objects.filter(pk=world.a.organisation.pk).update(population=1)
        viewer.get(reverse("portal:home"))
    assert written == {"tenancy_organisation"}


# the static walk: every writing function of the actions modules records


WRITE_CALLS = {
    "save",
    "create",
    "delete",
    "update",
    "bulk_create",
    "bulk_update",
    "get_or_create",
    "update_or_create",
    "create_user",
    "add",
    "remove",
    "set",
    "clear",
}
#: calls that write an audit entry: ``enqueue`` records the start of a job (job.start)
RECORDING_CALLS = {"record", "enqueue"}
#: public functions of actions modules that write without recording, and what audits them
AUDITED_BY_ITS_CALLER = {
    "statistics.remove_upload": (
        "deletes the uploaded file once the ingest job has read it; the job records "
        "statistics.dataset.ingest"
    ),
}


def calls_of(function: ast.FunctionDef) -> set[str]:
    """Names called in the function: ``f(...)`` gives f, ``x.y.f(...)`` gives f."""
    found: set[str] = set()
    for node in ast.walk(function):
        if isinstance(node, ast.Call):
            if isinstance(node.func, ast.Name):
                found.add(node.func.id)
            elif isinstance(node.func, ast.Attribute):
                found.add(node.func.attr)
    return found


def closure(name: str, calls: dict[str, set[str]], seen: set[str] | None = None) -> set[str]:
    """What ``name`` calls, with what the functions of its module that it calls call."""
    seen = seen if seen is not None else set()
    if name in seen:
        return set()
    seen.add(name)
    found = set(calls.get(name, set()))
    for inner in list(found & calls.keys()):
        found |= closure(inner, calls, seen)
    return found


def unaudited_writers(source: str) -> list[str]:
    tree = ast.parse(source)
    functions = [node for node in tree.body if isinstance(node, ast.FunctionDef)]
    calls = {function.name: calls_of(function) for function in functions}
    wrong = []
    for function in functions:
        if function.name.startswith("_"):
            continue
        reached = closure(function.name, calls)
        if reached & WRITE_CALLS and not reached & RECORDING_CALLS:
            wrong.append(function.name)
    return wrong


def test_every_writing_action_records() -> None:
    wrong = []
    for path in sorted([*WEB.glob("*/actions.py"), *WEB.glob("*/*_actions.py")]):
        app = path.parent.name
        for name in unaudited_writers(path.read_text("utf-8")):
            if f"{app}.{name}" not in AUDITED_BY_ITS_CALLER:
                wrong.append(f"{app}.{name}")
    assert not wrong, f"these actions write without record(): {wrong}"


def test_the_static_walk_finds_a_silent_write() -> None:
    source = (
        "def _save(item):\n    item.save()\n\n"
        "def loud(actor, item):\n    _save(item)\n    record(actor, 'x', item)\n\n"
        "def silent(item):\n    _save(item)\n"
    )
    assert unaudited_writers(source) == ["silent"]
