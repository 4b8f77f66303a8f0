"""Where the files of built releases live.

``MEDIA_ROOT/statistics/<slug>/releases/<release id>/<build>/``: the files of a built release
(aggregates that passed disclosure control). Served only through views that ask the policy:
published releases publicly, others to the organisation's roles that may see them. The
microdata lives elsewhere (``datasets/storage.py``).
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from mechelen.web.statistics.policy import public_releases
from mechelen.web.tenancy.models import Organisation


def releases_folder(organisation: Organisation) -> Path:
    return Path(settings.MEDIA_ROOT) / "statistics" / organisation.slug / "releases"


def media_path(relative: str) -> Path:
    return Path(settings.MEDIA_ROOT) / relative


def published_release_folders(organisation: Organisation, exclude: int | None = None) -> list[Path]:
    """The folders of the organisation's published releases (``exclude``: a release's pk):
    what an attacker holds, so what a new release is protected and audited together with."""
    releases = public_releases(organisation)
    if exclude is not None:
        releases = releases.exclude(pk=exclude)
    folders = [media_path(r.folder) for r in releases.order_by("published_at") if r.folder]
    return [f for f in folders if (f / "release.json").is_file()]


def media_relative(path: Path) -> str:
    return str(path.relative_to(Path(settings.MEDIA_ROOT)))
