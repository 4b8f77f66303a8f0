"""Nothing is lost silently on the web either, and no uploaded file outlives its ingest
(issue 10, points B and D).

Fails on 70a54e0: an upload whose rows were all rejected replaced the city's dataset with an
empty one and the job ended "done"; a failed ingest kept the uploaded file in the workspace.
"""

from __future__ import annotations

import time
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from mechelen.web.audit.models import AuditEntry
from mechelen.web.jobs.models import Job, JobStatus
from mechelen.web.statistics.datasets.storage import open_workspace, upload_folder
from mechelen.web.statistics.models import Dataset, SourceFile
from mechelen.web.tenancy.roles import Role
from tests.engine.ingest.test_xlsx_guard import xlsx_bomb
from tests.web.api.helpers import api_call, api_upload
from tests.web.conftest import World, client_for
from tests.web.statistics.factories import MAPPING, tiny_csv
from tests.web.statistics.test_workflow import MAPPING_FIELDS, SPEC_FIELDS, upload_and_ingest

MARKER = "ZQXJ7-permit-marker"


def _bad_csv(rows: int) -> str:
    """Every age wrong, and an unmapped permit column holding the marker."""
    lines = ["district,district_name,sex,age,nationality,persons,permit"]
    lines += [f"D1,North,F,-{i + 1},BEL,3,{MARKER}" for i in range(rows)]
    return "\n".join(lines) + "\n"


def _upload_and_map(world: World, text: str) -> Job:
    slug = world.a.organisation.slug
    steward = client_for(world.a.users[Role.DATA_STEWARD])
    upload = SimpleUploadedFile("people.csv", text.encode(), content_type="text/csv")
    steward.post(reverse("statistics:upload", args=[slug]), {"file": upload})
    source = SourceFile.objects.filter(organisation=world.a.organisation).latest("pk")
    steward.post(reverse("statistics:map", args=[slug, source.pk]), MAPPING_FIELDS)
    return Job.objects.filter(kind="statistics.ingest").latest("pk")


def _workspace_rows(world: World) -> int:
    with open_workspace(world.a.organisation) as workspace:
        record = workspace.dataset("people")
        return record.rows_kept if record else 0


def _no_marker_anywhere(world: World) -> None:
    folder = upload_folder(world.a.organisation).parent
    for path in folder.rglob("*"):
        if path.is_file():
            assert MARKER.encode() not in path.read_bytes(), path
    for source in SourceFile.objects.filter(organisation=world.a.organisation):
        assert source.removed_at is not None
        assert not (upload_folder(world.a.organisation) / source.stored_name).exists()


def test_an_upload_keeping_no_row_is_refused_and_the_dataset_kept(world: World) -> None:
    dataset = upload_and_ingest(world)
    summary = dataset.summary
    assert _workspace_rows(world) == 20
    job = _upload_and_map(world, _bad_csv(50))
    assert job.status == JobStatus.FAILED
    codes = [p["code"] for p in job.problems]
    assert codes[0] == "ingest.E020" and "ingest.E012" in codes and codes[-1] == "statistics.E003"
    assert all(p.get("params", {}).get("value", "…") == "…" for p in job.problems)
    dataset.refresh_from_db()
    assert dataset.summary == summary and _workspace_rows(world) == 20
    _no_marker_anywhere(world)
    assert SourceFile.objects.filter(removed_at=None).count() == 0

    steward = client_for(world.a.users[Role.DATA_STEWARD])
    url = reverse("statistics:job", args=[world.a.organisation.slug, job.pk])
    for lang, words in [
        ("fr", "Aucune ligne n'a été gardée"),
        ("es", "No se ha conservado ninguna fila"),
        ("en", "No row was kept"),
    ]:
        page = steward.get(url, HTTP_ACCEPT_LANGUAGE=lang).content.decode()
        assert "ingest.E020" in page and words in page.replace("&#x27;", "'"), lang


def test_an_upload_keeping_too_few_rows_is_refused_by_the_share(world: World) -> None:
    upload_and_ingest(world)
    few = tiny_csv().splitlines()[:6]  # the header and 5 of the 20 good rows
    job = _upload_and_map(world, "\n".join(few) + "\n")
    assert job.status == JobStatus.FAILED
    refusal = job.problems[0]
    assert refusal["code"] == "ingest.E023"
    assert (refusal["params"]["kept"], refusal["params"]["current"]) == (5, 20)
    assert _workspace_rows(world) == 20
    with override_settings(INGEST_MIN_SHARE=0.25):
        job = _upload_and_map(world, "\n".join(few) + "\n")
    assert job.status == JobStatus.DONE, job.problems
    assert _workspace_rows(world) == 5


def test_the_upload_of_a_failed_ingest_is_deleted(world: World) -> None:
    """Refused by the firewall (a status value): the file goes as after a successful ingest."""
    text = tiny_csv().replace("D1,North,F,not-an-age,BEL,3", "D1,North,F,30,sans papiers,3")
    mapping = MAPPING.replace("citizenship: {column: nationality}", "")
    mapping += "keep: {origin: nationality}\n"
    steward = world.a.users[Role.DATA_STEWARD]
    response = api_upload(
        steward,
        "city-a/uploads",
        {"file": SimpleUploadedFile("people.csv", text.encode(), "text/csv")},
    )
    pk = response.json()["id"]
    job = api_call(steward, "POST", f"city-a/uploads/{pk}/ingest", {"mapping": mapping}).json()
    assert job["status"] == "failed"
    source = SourceFile.objects.get(pk=pk)
    assert source.removed_at is not None
    assert not (upload_folder(world.a.organisation) / source.stored_name).exists()
    assert [p["code"] for p in job["problems"]] == ["firewall.E002", "statistics.E003"]
    assert not Dataset.objects.get().ready


def test_the_api_says_the_same_when_nothing_is_kept(world: World) -> None:
    steward = world.a.users[Role.DATA_STEWARD]
    response = api_upload(
        steward,
        "city-a/uploads",
        {"file": SimpleUploadedFile("people.csv", _bad_csv(10).encode(), "text/csv")},
    )
    pk = response.json()["id"]
    job = api_call(steward, "POST", f"city-a/uploads/{pk}/ingest", {"mapping": MAPPING}).json()
    assert job["status"] == "failed"
    assert job["problems"][0]["code"] == "ingest.E020"
    assert MARKER not in str(job)
    _no_marker_anywhere(world)


def test_an_xlsx_bomb_upload_is_refused_with_its_code_and_not_kept(
    world: World, tmp_path: Path
) -> None:
    """The header is read when the file is uploaded: the bomb is refused there, in seconds."""
    bomb = xlsx_bomb(tmp_path / "people.xlsx", 300).read_bytes()
    steward = world.a.users[Role.DATA_STEWARD]
    before = set(upload_folder(world.a.organisation).glob("*"))
    started = time.perf_counter()
    response = api_upload(
        steward, "city-a/uploads", {"file": SimpleUploadedFile("people.xlsx", bomb)}
    )
    assert time.perf_counter() - started < 10
    assert response.status_code == 422 and "256 MB" in response.content.decode()
    assert not SourceFile.objects.filter(original_name="people.xlsx").exists()
    assert set(upload_folder(world.a.organisation).glob("*")) == before


def test_a_spec_with_method_none_or_a_repeated_dimension_is_refused_on_the_page(
    world: World,
) -> None:
    """Fails on 70a54e0: ``method: none`` passed the form and the build ended in a KeyError."""
    upload_and_ingest(world)
    slug = world.a.organisation.slug
    steward = client_for(world.a.users[Role.DATA_STEWARD])
    base = "release: odd\ndataset: people\n"
    for text, code, french in [
        (
            "tables:\n  - {name: t, dimensions: [sex]}\nprotection: {method: none}\n",
            "spec.E019",
            "La méthode none publie les effectifs sans protection",
        ),
        ("tables:\n  - {name: t, dimensions: [sex, sex]}\n", "spec.E030", "plus d'une fois"),
    ]:
        response = steward.post(
            reverse("statistics:release_new", args=[slug]),
            {**SPEC_FIELDS, "spec_yaml": base + text},
            HTTP_ACCEPT_LANGUAGE="fr",
        )
        page = response.content.decode().replace("&#x27;", "'")
        assert response.status_code == 200 and french in page, code
    assert not Job.objects.filter(kind="statistics.preview").exists()


def test_the_steward_sets_the_share_for_one_ingest(world: World) -> None:
    """On the mapping page (in %) and in the API (0 to 1): a lower share lets a smaller
    version replace the dataset; the default refuses it."""
    upload_and_ingest(world)
    few = "\n".join(tiny_csv().splitlines()[:6]) + "\n"  # 5 of the 20 good rows
    slug = world.a.organisation.slug
    steward = client_for(world.a.users[Role.DATA_STEWARD])
    page = steward.get(
        reverse("statistics:map", args=[slug, SourceFile.objects.latest("pk").pk])
    ).content.decode()
    assert 'name="min_share"' not in page  # that upload was ingested: the page is gone
    upload = SimpleUploadedFile("people.csv", few.encode(), content_type="text/csv")
    steward.post(reverse("statistics:upload", args=[slug]), {"file": upload})
    source = SourceFile.objects.latest("pk")
    page = steward.get(reverse("statistics:map", args=[slug, source.pk])).content.decode()
    assert 'name="min_share"' in page and 'value="50"' in page
    fields = {**MAPPING_FIELDS, "min_share": "20"}
    steward.post(reverse("statistics:map", args=[slug, source.pk]), fields)
    job = Job.objects.filter(kind="statistics.ingest").latest("pk")
    assert job.status == JobStatus.DONE, job.problems
    assert _workspace_rows(world) == 5

    api_steward = world.a.users[Role.DATA_STEWARD]
    for share, status, rows in [(None, "failed", 5), (0.5, "failed", 5), (0.2, "done", 1)]:
        one = "\n".join(tiny_csv().splitlines()[:2]) + "\n"
        response = api_upload(
            api_steward,
            "city-a/uploads",
            {"file": SimpleUploadedFile("people.csv", one.encode(), "text/csv")},
        )
        body: dict[str, object] = {"mapping": MAPPING}
        if share is not None:
            body["min_share"] = share
        url = f"city-a/uploads/{response.json()['id']}/ingest"
        job_out = api_call(api_steward, "POST", url, body).json()
        assert job_out["status"] == status, job_out
        assert _workspace_rows(world) == rows
    response = api_upload(
        api_steward,
        "city-a/uploads",
        {"file": SimpleUploadedFile("people.csv", few.encode(), "text/csv")},
    )
    url = f"city-a/uploads/{response.json()['id']}/ingest"
    assert (
        api_call(api_steward, "POST", url, {"mapping": MAPPING, "min_share": 2}).status_code == 422
    )


def test_an_upload_nobody_ingests_is_deleted_after_the_keep_hours(world: World) -> None:
    """An abandoned upload (every column of the file) does not stay for ever: the next upload
    or ingest of its organisation deletes it once it waited UPLOAD_KEEP_HOURS, and it is no
    longer listed."""
    steward = world.a.users[Role.DATA_STEWARD]
    response = api_upload(
        steward,
        "city-a/uploads",
        {"file": SimpleUploadedFile("old.csv", _bad_csv(3).encode(), "text/csv")},
    )
    old = SourceFile.objects.get(pk=response.json()["id"])
    stored = upload_folder(world.a.organisation) / old.stored_name
    assert stored.exists()
    SourceFile.objects.filter(pk=old.pk).update(
        uploaded_at=timezone.now() - timedelta(hours=settings.UPLOAD_KEEP_HOURS + 1)
    )
    assert api_call(steward, "GET", "city-a/uploads").json() == []  # no longer listed
    api_upload(
        steward,
        "city-a/uploads",
        {"file": SimpleUploadedFile("new.csv", tiny_csv().encode(), "text/csv")},
    )
    old.refresh_from_db()
    assert old.removed_at is not None and not stored.exists()
    assert AuditEntry.objects.filter(action="statistics.upload.expire", actor=None).count() == 1
    assert [u["name"] for u in api_call(steward, "GET", "city-a/uploads").json()] == ["new.csv"]
    folder = upload_folder(world.a.organisation).parent
    assert not any(MARKER.encode() in p.read_bytes() for p in folder.rglob("*") if p.is_file())
