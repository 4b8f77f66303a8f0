"""Serving a built release's files: only those the engine listed in its release.json.

The files are aggregates of modest size, read whole (no file handle outlives the request).
"""

from __future__ import annotations

from django.http import Http404, HttpResponse

from mechelen.web.statistics.models import Release
from mechelen.web.statistics.releases.folders import media_path
from mechelen.web.statistics.releases.published import downloadable_files

CONTENT_TYPES = {
    ".csv": "text/csv; charset=utf-8",
    ".json": "application/json",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def release_file_response(release: Release, name: str) -> HttpResponse:
    """The file ``name`` of the release (404 for anything it did not publish)."""
    if name not in downloadable_files(release):
        raise Http404
    path = media_path(release.folder) / name
    response = HttpResponse(
        path.read_bytes(), content_type=CONTENT_TYPES.get(path.suffix, "application/octet-stream")
    )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
