"""The public pages of published releases: anyone may see them, nothing unpublished.

Every lookup goes through :func:`published_release`, which finds the organisation's public
releases only (``policy.public_releases``): a draft, submitted or rejected release is a 404
here for everyone, whatever their roles.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from mechelen.web.statistics import policy
from mechelen.web.statistics.models import Release
from mechelen.web.statistics.releases.downloads import release_file_response
from mechelen.web.statistics.releases.published import (
    disclosure_report_url,
    disclosure_rows,
    downloadable_files,
    grouped_downloads,
    release_protection,
    share,
)
from mechelen.web.statistics.releases.views import render_table_page
from mechelen.web.tenancy.models import Organisation
from mechelen.web.tenancy.scoping import organisation_view


def published_release(organisation: Organisation, pk: int) -> Release:
    return get_object_or_404(
        policy.public_releases(organisation).select_related("organisation", "dataset"), pk=pk
    )


@organisation_view(None, public=True)
def release_page(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    release = published_release(organisation, pk)
    return render(
        request,
        "statistics/public_release.html",
        {
            "organisation": release.organisation,
            "release": release,
            "files": downloadable_files(release),
            "download_groups": grouped_downloads(release, public=True),
            "disclosure": disclosure_rows(release.tables),
            "protection": release_protection(release),
            "report_url": disclosure_report_url(release, public=True),
            "share": share(release.headline),
        },
    )


@organisation_view(None, public=True)
def table_page(
    request: HttpRequest, organisation: Organisation, pk: int, table: str
) -> HttpResponse:
    release = published_release(organisation, pk)
    return render_table_page(request, release.organisation, release, table, public=True)


@organisation_view(None, public=True)
def download(request: HttpRequest, organisation: Organisation, pk: int, name: str) -> HttpResponse:
    return release_file_response(published_release(organisation, pk), name)
