"""Where the real public files of ../shared/data are (see the README there)."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED_DATA = Path(__file__).resolve().parents[4] / "shared" / "data"


def shared_file(name: str) -> Path:
    """The path of a shared data file; skips the test when the folder is not beside the repo."""
    path = SHARED_DATA / name
    if not path.is_file():
        pytest.skip(f"shared data file {name} not found beside the repository")
    return path
