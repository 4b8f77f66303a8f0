"""The design system's files the site serves, and only those.

The USWDS package (``node_modules/@uswds/uswds/dist``) holds some 2,700 files: Sass sources,
component templates and 2,400 icons. The pages need its compiled style sheet and script, and
the fonts and images that style sheet names. :class:`DesignSystemFinder` offers Django's static
files exactly those, under ``static/uswds/`` as in the package (``uswds/css/uswds.min.css``,
``uswds/img/usa-icons/close.svg``...): ``collectstatic`` copies a few hundred kilobytes instead of
20 MB, and the demo's and tests' static-file server does not index thousands of files each time
it starts.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any, Literal, overload

from django.conf import settings
from django.contrib.staticfiles.finders import BaseFinder
from django.core.checks import CheckMessage
from django.core.files.storage import FileSystemStorage

#: the static path prefix of the design system's files
PREFIX = "uswds"
#: the compiled files the pages link
COMPILED = ("css/uswds.min.css", "js/uswds.min.js")
#: images the templates name themselves (base.html's menu)
TEMPLATE_IMAGES = ("img/usa-icons/close.svg",)
_URL = re.compile(r"""url\(\s*["']?([^)"'?#]+)""")


@cache
def served_files(dist: Path) -> tuple[str, ...]:
    """The design system's files the site serves, relative to ``dist``: the compiled files, the
    fonts and images their style sheet names, and the images the templates name."""
    css = (dist / "css" / "uswds.min.css").read_text(encoding="utf-8")
    named = {
        posixpath.normpath(posixpath.join("css", url))
        for url in _URL.findall(css)
        if not url.startswith("data:")
    }
    return tuple(
        sorted(name for name in {*COMPILED, *TEMPLATE_IMAGES, *named} if (dist / name).is_file())
    )


class DesignSystemFinder(BaseFinder):
    """Django's static-files finder of :func:`served_files`, under :data:`PREFIX`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.dist = Path(settings.DESIGN_SYSTEM_DIR)
        self.storage = FileSystemStorage(location=self.dist)
        self.storage.prefix = PREFIX  # type: ignore[attr-defined]  # collectstatic's target folder

    def check(self, **kwargs: Any) -> list[CheckMessage]:
        return []

    @overload
    def find(self, path: str, find_all: Literal[False] = False) -> str | None: ...
    @overload
    def find(self, path: str, find_all: Literal[True]) -> list[str]: ...
    def find(self, path: str, find_all: bool = False) -> str | list[str] | None:
        name = path.removeprefix(PREFIX + "/")
        found = [str(self.dist / name)] if name != path and name in served_files(self.dist) else []
        # nothing found is an empty list in both forms, as Django's own finders answer
        return found if find_all or not found else found[0]

    def list(self, ignore_patterns: Any) -> Iterator[tuple[str, FileSystemStorage]]:
        for name in served_files(self.dist):
            yield name, self.storage
