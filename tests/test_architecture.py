"""The layers import one way: core is pure, engine has no Django (docs/architecture.md)."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "mechelen"

#: core is pure domain code: no web framework, no data engine, no file format library
CORE_FORBIDDEN = {
    "django",
    "duckdb",
    "ibis",
    "polars",
    "pandas",
    "openpyxl",
    "yaml",
    "jinja2",
    "vl_convert",
    "babel",
    "typer",
    "rich",
    "mechelen.engine",
    "mechelen.cli",
    "mechelen.web",
    "mechelen.i18n",
}
ENGINE_FORBIDDEN = {"django", "mechelen.cli", "mechelen.web"}
#: the command line works on files and the engine; the web platform is a separate program
CLI_FORBIDDEN = {"django", "mechelen.web"}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    modules: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules.add(node.module)
    return modules


def violations(package: str, forbidden: set[str]) -> list[str]:
    found = []
    for path in sorted((SRC / package).rglob("*.py")):
        for module in imported_modules(path):
            if any(module == f or module.startswith(f + ".") for f in forbidden):
                found.append(f"{path.relative_to(SRC)} imports {module}")
    return found


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [("core", CORE_FORBIDDEN), ("engine", ENGINE_FORBIDDEN), ("cli", CLI_FORBIDDEN)],
)
def test_layers_import_one_way(package: str, forbidden: set[str]) -> None:
    assert violations(package, forbidden) == []


IMPORT_EVERY_MODULE = """
import importlib, pkgutil, sys
import mechelen.core, mechelen.engine, mechelen.cli
for package in (mechelen.core, mechelen.engine, mechelen.cli):
    for found in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        importlib.import_module(found.name)
print(sorted(m for m in sys.modules if m == "django" or m.startswith(("django.", "mechelen.web"))))
"""


def test_core_engine_and_cli_never_load_django_even_indirectly() -> None:
    """Importing every module of core, engine and cli, in a fresh interpreter, loads no
    Django (a third-party library or a shared helper could pull it in)."""
    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    done = subprocess.run(
        [sys.executable, "-c", IMPORT_EVERY_MODULE],
        capture_output=True,
        text=True,
        check=True,
        env=environment,
        timeout=300,
    )
    assert done.stdout.strip() == "[]"


def test_the_check_itself_catches_a_forbidden_import(tmp_path: Path) -> None:
    module = tmp_path / "bad.py"
    module.write_text("import pandas as pd\nfrom django.db import models\n")
    assert {"pandas", "django.db"} <= imported_modules(module)


def test_modules_stay_small() -> None:
    too_long = [
        f"{p.relative_to(SRC)}: {n} lines"
        for p in SRC.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400
    ]
    assert too_long == []
