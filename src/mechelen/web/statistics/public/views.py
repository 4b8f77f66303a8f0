"""The public pages of published releases: anyone may see them, nothing unpublished.

Every lookup goes through :func:`published_release`, which finds published releases only:
a draft, submitted or rejected release is a 404 here for everyone, whatever their roles.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from mechelen.web.statistics.models import Release
from mechelen.web.statistics.releases.downloads import release_file_response
from mechelen.web.statistics.releases.published import (
    disclosure_report_url,
    disclosure_rows,
    downloadable_files,
    release_protection,
    share,
)
from mechelen.web.statistics.releases.views import render_table_page


def published_release(slug: str, pk: int) -> Release:
    return get_object_or_404(
        Release.objects.published().select_related("organisation", "dataset"),
        pk=pk,
        organisation__slug=slug,
    )


def release_page(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    release = published_release(slug, pk)
    return render(
        request,
        "statistics/public_release.html",
        {
            "organisation": release.organisation,
            "release": release,
            "files": downloadable_files(release),
            "disclosure": disclosure_rows(release.tables),
            "protection": release_protection(release),
            "report_url": disclosure_report_url(release, public=True),
            "share": share(release.headline),
        },
    )


def table_page(request: HttpRequest, slug: str, pk: int, table: str) -> HttpResponse:
    release = published_release(slug, pk)
    return render_table_page(request, release.organisation, release, table, public=True)


def download(request: HttpRequest, slug: str, pk: int, name: str) -> HttpResponse:
    return release_file_response(published_release(slug, pk), name)
