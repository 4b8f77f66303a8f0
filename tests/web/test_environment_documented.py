"""Every environment variable the web platform reads is documented in docs/web.md."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WEB = ROOT / "src" / "mechelen" / "web"
DOC = ROOT / "docs" / "web.md"
VARIABLE = re.compile(r"MECHELEN_[A-Z0-9_]+|DATABASE_URL")


def variables_read(source: str) -> set[str]:
    """Names of variables in ``source``: string literals that are one such name, and
    ``DATABASE_URL`` where dj-database-url reads it by default."""
    tree = ast.parse(source)
    found = {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and VARIABLE.fullmatch(node.value)
    }
    if "dj_database_url.config(" in source and "env=" not in source:
        found.add("DATABASE_URL")
    return found


def test_every_environment_variable_is_documented() -> None:
    read = set().union(*(variables_read(p.read_text("utf-8")) for p in WEB.rglob("*.py")))
    documented = set(re.findall(r"`(" + VARIABLE.pattern + r")`", DOC.read_text("utf-8")))
    assert {"MECHELEN_SECRET_KEY", "DATABASE_URL"} <= read
    assert read - documented == set(), "document these variables in docs/web.md"


def test_the_finder_sees_reads_and_ignores_prose() -> None:
    source = (
        '"""Mentions MECHELEN_IN_A_DOCSTRING."""\n'
        'import os\nx = os.environ.get("MECHELEN_SOMETHING", "1")\ny = os.getenv("OTHER")\n'
    )
    assert variables_read(source) == {"MECHELEN_SOMETHING"}
