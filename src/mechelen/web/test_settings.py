"""Settings for the test suite: jobs run inline, fast password hashing, a temporary data folder.

``DATABASE_URL`` still chooses the database, so the same tests run on SQLite and PostgreSQL.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from mechelen.web.settings import *  # noqa: F403

DATA_DIR = Path(tempfile.mkdtemp(prefix="mechelen-test-"))
MEDIA_ROOT = DATA_DIR / "media"
WORKSPACES_DIR = DATA_DIR / "workspaces"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir()
JOBS_MODE = "inline"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
