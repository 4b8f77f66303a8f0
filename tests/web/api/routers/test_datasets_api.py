"""Preparing statistics through the API: a data steward uploads and ingests a file and
follows the job; the validation report gives counts and reasons, never the file's values."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from mechelen.web.audit.models import AuditEntry
from mechelen.web.statistics.models import Dataset, SourceFile
from mechelen.web.tenancy.roles import Role
from tests.web.api.helpers import api_call, api_upload
from tests.web.conftest import World
from tests.web.statistics.factories import FORMULA_LABEL, MAPPING, tiny_csv

REJECTED_VALUE = "not-an-age"


def csv_file(text: str, name: str = "people.csv") -> dict[str, Any]:
    return {"file": SimpleUploadedFile(name, text.encode(), "text/csv")}


def uploaded(world: World, text: str) -> int:
    response = api_upload(world.a.users[Role.DATA_STEWARD], "city-a/uploads", csv_file(text))
    assert response.status_code == 201, response.content
    return int(response.json()["id"])


def test_a_steward_uploads_ingests_and_reads_the_validation_report(world: World) -> None:
    steward = world.a.users[Role.DATA_STEWARD]
    pk = uploaded(world, tiny_csv())
    listed = api_call(steward, "GET", "city-a/uploads").json()
    assert listed[0]["columns"] == [
        "district",
        "district_name",
        "sex",
        "age",
        "nationality",
        "persons",
    ]
    job = api_call(steward, "POST", f"city-a/uploads/{pk}/ingest", {"mapping": MAPPING})
    assert job.status_code == 202, job.content
    assert job.json()["status"] == "done"
    followed = api_call(steward, "GET", f"city-a/jobs/{job.json()['id']}").json()
    assert followed["result"]["rows_rejected"] == 1 and followed["progress"] == 1.0
    dataset = Dataset.objects.get(organisation=world.a.organisation, name="people")
    for reader in (steward, world.a.users[Role.VIEWER]):
        report = api_call(reader, "GET", f"city-a/datasets/{dataset.pk}")
        assert report.status_code == 200
        found = report.json()
        assert found["counts"]["rows_rejected"] == 1
        assert found["rejected"][0]["rows"] == 1 and found["rejected"][0]["column"] == "age"
        assert found["mapping"] == MAPPING
        assert REJECTED_VALUE not in report.content.decode()
        assert FORMULA_LABEL not in report.content.decode()
    assert SourceFile.objects.get(pk=pk).removed_at is not None
    assert api_call(steward, "GET", "city-a/uploads").json() == []
    logged = set(AuditEntry.objects.filter(actor=steward).values_list("action", flat=True))
    assert {"statistics.upload", "statistics.dataset.create", "job.start"} <= logged


def test_the_firewall_refuses_a_mapped_status_column(world: World) -> None:
    text = "district,sex,age,residence_permit,persons\nD1,F,30,A,4\n"
    pk = uploaded(world, text)
    mapping = MAPPING.replace("{column: nationality}", "{column: residence_permit}")
    mapping = mapping.replace("label: district_name", "label: district")
    steward = world.a.users[Role.DATA_STEWARD]
    refused = api_call(steward, "POST", f"city-a/uploads/{pk}/ingest", {"mapping": mapping})
    assert refused.status_code == 422
    assert "residence_permit" in refused.json()["detail"]
    assert not Dataset.objects.filter(organisation=world.a.organisation).exists()


def test_a_renamed_or_empty_file_is_refused(world: World) -> None:
    steward = world.a.users[Role.DATA_STEWARD]
    renamed = {"file": SimpleUploadedFile("people.csv", b"PAR1\x00\x00PAR1", "text/csv")}
    assert api_upload(steward, "city-a/uploads", renamed).status_code == 422
    assert api_upload(steward, "city-a/uploads", csv_file("")).status_code == 422
    assert not SourceFile.objects.exists()


def test_another_city_s_jobs_and_datasets_are_not_found(world: World) -> None:
    uploaded(world, tiny_csv())
    steward_b = world.b.users[Role.DATA_STEWARD]
    source = SourceFile.objects.get(organisation=world.a.organisation)
    response = api_call(
        steward_b, "POST", f"city-b/uploads/{source.pk}/ingest", {"mapping": MAPPING}
    )
    assert response.status_code == 404
    assert api_call(steward_b, "GET", "city-b/uploads").json() == []
