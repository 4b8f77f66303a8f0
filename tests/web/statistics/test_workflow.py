"""The whole way from an uploaded file to a public table, as the roles would click it.

Jobs run inline under the test settings, so each POST that starts one returns after it ended.
"""

from __future__ import annotations

import re
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mechelen.web.audit.models import AuditEntry
from mechelen.web.jobs.models import Job, JobStatus
from mechelen.web.statistics.datasets.storage import has_workspace, open_workspace, upload_folder
from mechelen.web.statistics.models import Dataset, Release, ReleaseStatus, SourceFile
from mechelen.web.tenancy.roles import Role
from tests.web.conftest import World, client_for
from tests.web.statistics.factories import CONFIRMED, tiny_csv

MAPPING_FIELDS = {
    "dataset": "people",
    "country": "BEL",
    "count": "persons",
    "geography_level": "district",
    "geography_column": "district",
    "geography_label": "district_name",
    "sex": "sex",
    "age": "age",
    "citizenship": "nationality",
    "age_bands": "0, 18, 65",
}
SPEC_FIELDS = {
    "title": "People in 2024",
    "release": "people-2024",
    "dimensions": ["sex", "citizenship_status"],
    "layout": "pairs",
    "method": "cell-key",
    "threshold": "3",
    "epsilon": "1.0",
}


def upload_and_ingest(world: World) -> Dataset:
    slug = world.a.organisation.slug
    steward = client_for(world.a.users[Role.DATA_STEWARD])
    upload = SimpleUploadedFile("people.csv", tiny_csv().encode(), content_type="text/csv")
    response = steward.post(reverse("statistics:upload", args=[slug]), {"file": upload})
    source = SourceFile.objects.get(organisation=world.a.organisation)
    assert response.status_code == 302
    assert response["Location"] == reverse("statistics:map", args=[slug, source.pk])
    page = steward.get(response["Location"])
    assert page.status_code == 200
    assert b"nationality" in page.content
    response = steward.post(reverse("statistics:map", args=[slug, source.pk]), MAPPING_FIELDS)
    job = Job.objects.get(kind="statistics.ingest")
    assert response.status_code == 302
    assert response["Location"] == reverse("statistics:job", args=[slug, job.pk])
    assert job.status == JobStatus.DONE, job.problems
    return Dataset.objects.get(organisation=world.a.organisation, name="people")


def test_steward_to_public_table(world: World) -> None:
    slug = world.a.organisation.slug
    dataset = upload_and_ingest(world)
    steward = client_for(world.a.users[Role.DATA_STEWARD])

    # the progress page shows the finished job and leads to the validation report
    job = Job.objects.get(kind="statistics.ingest")
    page = steward.get(reverse("statistics:job", args=[slug, job.pk])).content.decode()
    assert 'http-equiv="refresh"' not in page
    assert reverse("statistics:dataset", args=[slug, dataset.pk]) in page

    # the uploaded file is gone: the workspace holds what was read from it
    source = SourceFile.objects.get(organisation=world.a.organisation)
    assert source.removed_at is not None
    assert not (upload_folder(world.a.organisation) / source.stored_name).exists()
    record = dataset.summary["record"]
    assert (record["rows_read"], record["rows_kept"], record["rows_rejected"]) == (21, 20, 1)

    report = steward.get(reverse("statistics:dataset", args=[slug, dataset.pk])).content.decode()
    assert "ingest.E012" in report
    rejected = steward.get(reverse("statistics:rejected_rows", args=[slug, dataset.pk]))
    text = rejected.content.decode()
    assert re.search(r"<td class=\"number\">22</td><td>age</td><td><code>ingest.E012</code>", text)
    assert "not-an-age" in text and "is not an age in whole years" in text

    # define the tables: one per dimension and the pair, all by area
    response = steward.post(reverse("statistics:release_new", args=[slug]), SPEC_FIELDS)
    release = Release.objects.get(organisation=world.a.organisation)
    build = Job.objects.get(kind="statistics.preview")
    assert response["Location"] == reverse("statistics:job", args=[slug, build.pk])
    assert build.status == JobStatus.DONE, build.problems
    release.refresh_from_db()
    assert release.status == ReleaseStatus.DRAFT and release.built
    assert release.table_names() == [
        "by-sex",
        "by-citizenship-status",
        "by-sex-and-citizenship-status",
    ]
    page = steward.get(reverse("statistics:release", args=[slug, release.pk])).content.decode()
    assert "Disclosure report" in page and "Cell key method" in page
    table = steward.get(reverse("statistics:release_table", args=[slug, release.pk, "by-sex"]))
    assert b"<svg" in table.content and b'<th scope="row">Women</th>' in table.content

    # not public before approval
    public_url = reverse("public_statistics:release", args=[slug, release.pk])
    assert client_for(None).get(public_url).status_code == 404

    assert (
        steward.post(reverse("statistics:release_submit", args=[slug, release.pk])).status_code
        == 302
    )
    release.refresh_from_db()
    assert release.status == ReleaseStatus.SUBMITTED
    assert client_for(None).get(public_url).status_code == 404

    admin = client_for(world.a.users[Role.ADMINISTRATOR])
    assert (
        admin.post(
            reverse("statistics:release_approve", args=[slug, release.pk]), CONFIRMED
        ).status_code
        == 302
    )
    release.refresh_from_db()
    assert release.status == ReleaseStatus.PUBLISHED
    assert release.headline["residents"] is not None

    visitor = client_for(None)
    page = visitor.get(public_url).content.decode()
    assert "People in 2024" in page and "by-sex.sdmx.csv" in page
    city = visitor.get(reverse("portal:city", args=[slug])).content.decode()
    assert public_url in city
    table = visitor.get(reverse("public_statistics:table", args=[slug, release.pk, "by-sex"]))
    assert table.status_code == 200 and b"<svg" in table.content
    for name in (
        "by-sex.csv",
        "by-sex.sdmx.csv",
        "by-sex.hxl.csv",
        "tables.xlsx",
        "tables.json",
        "datapackage.json",
        "disclosure-report.json",
        "release.json",
    ):
        download = visitor.get(reverse("public_statistics:file", args=[slug, release.pk, name]))
        assert download.status_code == 200, name
        assert download["Content-Disposition"] == f'attachment; filename="{name}"'

    actions = list(
        AuditEntry.objects.filter(organisation=world.a.organisation)
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == [
        "statistics.upload",
        "statistics.dataset.create",
        "job.start",
        "statistics.dataset.ingest",
        "statistics.release.create",
        "job.start",
        "statistics.release.build",
        "statistics.release.submit",
        "statistics.release.approve",
    ]
    actors: dict[str, Any] = dict(
        AuditEntry.objects.filter(action__startswith="statistics.release.").values_list(
            "action", "actor__username"
        )
    )
    assert actors["statistics.release.submit"] == "city-a-data_steward"
    assert actors["statistics.release.approve"] == "city-a-administrator"


def test_coordinator_sees_counts_but_not_rejected_rows(world: World) -> None:
    dataset = upload_and_ingest(world)
    slug = world.a.organisation.slug
    for role in (Role.COORDINATOR, Role.VIEWER, Role.ADMINISTRATOR):
        client = client_for(world.a.users[role])
        page = client.get(reverse("statistics:dataset", args=[slug, dataset.pk])).content.decode()
        assert "ingest.E012" in page and "not-an-age" not in page
        assert reverse("statistics:rejected_rows", args=[slug, dataset.pk]) not in page
        assert (
            client.get(reverse("statistics:rejected_rows", args=[slug, dataset.pk])).status_code
            == 403
        )


def test_bad_spec_fails_the_build_with_its_code(world: World) -> None:
    upload_and_ingest(world)
    slug = world.a.organisation.slug
    steward = client_for(world.a.users[Role.DATA_STEWARD])
    spec = "release: odd\ndataset: people\ngeography: {level: planet}\ntables:\n  - {name: t, dimensions: [geography, sex]}\n"
    steward.post(reverse("statistics:release_new", args=[slug]), {**SPEC_FIELDS, "spec_yaml": spec})
    build = Job.objects.get(kind="statistics.preview")
    assert build.status == JobStatus.FAILED
    assert "spec.E021" in [p["code"] for p in build.problems]
    page = steward.get(reverse("statistics:job", args=[slug, build.pk])).content.decode()
    assert "spec.E021" in page and "is not a geography level" in page
    release = Release.objects.get(name="odd")
    assert not release.built
    assert (
        steward.post(reverse("statistics:release_submit", args=[slug, release.pk])).status_code
        == 302
    )
    release.refresh_from_db()
    assert release.status == ReleaseStatus.DRAFT  # nothing built, nothing to submit


def test_each_city_has_its_own_workspace(world: World) -> None:
    upload_and_ingest(world)
    with open_workspace(world.a.organisation) as workspace:
        assert workspace.dataset("people") is not None
    if has_workspace(world.b.organisation):
        with open_workspace(world.b.organisation) as workspace:
            assert workspace.dataset("people") is None
    steward_b = client_for(world.b.users[Role.DATA_STEWARD])
    dataset = Dataset.objects.get(organisation=world.a.organisation)
    url = reverse("statistics:dataset", args=[world.b.organisation.slug, dataset.pk])
    assert steward_b.get(url).status_code == 404


def test_rejected_release_is_changed_rebuilt_and_resubmitted(world: World) -> None:
    upload_and_ingest(world)
    slug = world.a.organisation.slug
    steward = client_for(world.a.users[Role.DATA_STEWARD])
    admin = client_for(world.a.users[Role.ADMINISTRATOR])
    steward.post(reverse("statistics:release_new", args=[slug]), SPEC_FIELDS)
    release = Release.objects.get()
    first_folder = release.folder
    steward.post(reverse("statistics:release_submit", args=[slug, release.pk]))
    admin.post(
        reverse("statistics:release_reject", args=[slug, release.pk]), {"reason": "Ages too"}
    )
    spec = (
        "release: people-2024\ndataset: people\n"
        "tables:\n  - {name: by-age, dimensions: [geography, age_band]}\n"
        "protection: {method: suppression, threshold: 5}\n"
    )
    url = reverse("statistics:release_edit", args=[slug, release.pk])
    assert "release: people-2024" in steward.get(url).content.decode()
    steward.post(url, {**SPEC_FIELDS, "spec_yaml": spec})
    release.refresh_from_db()
    assert release.status == ReleaseStatus.DRAFT and release.built
    assert release.table_names() == ["by-age"] and release.folder != first_folder
    assert release.tables[0]["report"]["method"] == "suppression"
    steward.post(reverse("statistics:release_submit", args=[slug, release.pk]))
    admin.post(reverse("statistics:release_approve", args=[slug, release.pk]), CONFIRMED)
    release.refresh_from_db()
    assert release.status == ReleaseStatus.PUBLISHED and release.rejection_reason == ""
