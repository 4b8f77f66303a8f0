"""Where the real public files of ../shared/data are (see the README there).

Looked up in MECHELEN_SHARED_DATA, then beside the repository (``../shared/data``), then in
``/work/shared/data``, where this workplace keeps them. A test that needs a file that is in
none of them is skipped, saying so.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

_CANDIDATES = [
    Path(os.environ["MECHELEN_SHARED_DATA"]) if os.environ.get("MECHELEN_SHARED_DATA") else None,
    Path(__file__).resolve().parents[2] / "shared" / "data",
    Path("/work/shared/data"),
]


def shared_data_dir() -> Path | None:
    return next((c for c in _CANDIDATES if c is not None and c.is_dir()), None)


def shared_file(name: str) -> Path:
    """The path of a shared data file; skips the test when it cannot be found."""
    folder = shared_data_dir()
    if folder is None or not (folder / name).is_file():
        pytest.skip(f"shared data file {name} not found (set MECHELEN_SHARED_DATA)")
    return folder / name
