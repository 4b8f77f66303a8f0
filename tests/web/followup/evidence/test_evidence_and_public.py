"""Evidence uploads (type and size by content), and what stays private stays off public pages."""

from __future__ import annotations

import io
import json
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from mechelen.web.followup.indicators import actions
from mechelen.web.followup.models import CommitmentEvidence
from mechelen.web.tenancy.roles import Role
from tests.web.conftest import World, client_for
from tests.web.followup.factories import PDF, document_evidence, indicator_of

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def evidence_url(world: World, pk: int) -> str:
    return f"/manage/{world.a.organisation.slug}/follow-up/commitments/{pk}/evidence/"


def post_document(world: World, name: str, content: bytes) -> str:
    client = client_for(world.a.users[Role.COORDINATOR])
    assert world.a.public_commitment is not None
    response = client.post(
        evidence_url(world, world.a.public_commitment.pk),
        {"date": "2025-05-01", "title": "Minutes", "document": SimpleUploadedFile(name, content)},
    )
    return str(response.content.decode()) if response.status_code == 200 else ""


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("minutes.pdf", b"just text, not a PDF", "is not a PDF, ODT or DOCX document"),
        ("minutes.pdf", PNG, "content is png"),
        ("minutes.exe", PDF, "is not one of"),
        ("minutes.docx", b"PK\x03\x04not really a zip", "is not a PDF, ODT or DOCX document"),
    ],
)
def test_a_document_of_the_wrong_kind_is_refused(
    world: World, name: str, content: bytes, message: str
) -> None:
    page = post_document(world, name, content)
    assert message in page
    assert not CommitmentEvidence.objects.exists()


@override_settings(MAX_UPLOAD_MB=1)
def test_a_document_over_the_size_limit_is_refused(world: World) -> None:
    page = post_document(world, "big.pdf", PDF + b"0" * (1024 * 1024))
    assert "the largest file accepted is 1 MB" in page
    assert not CommitmentEvidence.objects.exists()


def test_a_document_and_a_docx_are_accepted_and_audited(world: World) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    assert post_document(world, "minutes.pdf", PDF) == ""
    assert post_document(world, "plan.docx", buffer.getvalue()) == ""
    assert sorted(CommitmentEvidence.objects.values_list("kind", flat=True)) == ["docx", "pdf"]
    from mechelen.web.audit.models import AuditEntry

    assert AuditEntry.objects.filter(action="followup.evidence.add").count() == 2


def without_charts(page: str) -> str:
    """The page without its SVG charts (whose coordinates may hold any number)."""
    return re.sub(r"<svg.*?</svg>", "", page, flags=re.DOTALL)


def outsiders(world: World) -> list[object]:
    return [
        None,
        world.b.users[Role.ADMINISTRATOR],
        world.analyst,
        world.outsider,
        world.a.users[Role.SERVICE_PROVIDER],
        world.a.users[Role.RESPONDENT],
    ]


def test_private_evidence_and_indicators_never_reach_the_public(world: World) -> None:
    assert world.a.private_commitment is not None and world.a.public_commitment is not None
    secret = document_evidence(world.a.private_commitment, "Secret evidence")
    shown = document_evidence(world.a.public_commitment, "Shown evidence")
    indicator_of(world.a, "stateless-residents")
    public_indicator = indicator_of(world.a)
    public_indicator.public = True
    public_indicator.save()
    actions.record_observation(None, public_indicator, {"year": 2020, "value": 131.0})
    actions.record_observation(
        None, public_indicator, {"year": 2022, "value": 987.5, "public": True}
    )
    slug = world.a.organisation.slug
    for user in outsiders(world):
        client = client_for(user)
        page = without_charts(client.get(f"/cities/{slug}/").content.decode())
        assert "Shown evidence" in page and "Secret evidence" not in page
        assert "Language-course participation" in page and "987.5" in page
        assert "Stateless residents" not in page and "131" not in page
        assert client.get(f"/cities/{slug}/follow-up/evidence/{secret.pk}/file").status_code == 404
        found = client.get(f"/cities/{slug}/follow-up/evidence/{shown.pk}/file")
        assert found.status_code == 200 and found.content == PDF
        assert found["Content-Type"] == "application/pdf"
        export = client.get(f"/cities/{slug}/follow-up/export/follow-up.json").content.decode()
        for hidden in ("Secret evidence", "Stateless residents", "Unpublished plan", "131.0"):
            assert hidden not in export, hidden
        assert client.get(f"/api/organisations/{slug}/indicators").json()[0]["series"] == [
            {
                "year": 2022,
                "value": 987.5,
                "source": "manual",
                "note": "",
                "public": True,
                "part": "",
            }
        ]
        assert client.get(f"/manage/{slug}/follow-up/evidence/{secret.pk}/file").status_code in (
            302,
            403,
        )
    insider = client_for(world.a.users[Role.VIEWER])
    export = insider.get(f"/cities/{slug}/follow-up/export/follow-up.json").content.decode()
    assert "Secret evidence" in export and "Stateless residents" in export
    assert insider.get(f"/manage/{slug}/follow-up/evidence/{secret.pk}/file").status_code == 200


def test_export_formats_are_valid_and_formula_safe(world: World) -> None:
    commitment = world.a.public_commitment
    assert commitment is not None
    commitment.paragraph = None
    commitment.own_title = '=HYPERLINK("http://evil.example","x")'
    commitment.save()
    item = indicator_of(world.a)
    item.public = True
    item.save()
    actions.record_observation(
        None, item, {"year": 2022, "value": 150.0, "public": True, "source_note": "+1 formula"}
    )
    client = client_for(None)
    base = f"/cities/{world.a.organisation.slug}/follow-up/export"
    values = client.get(f"{base}/indicator_values.csv").content.decode().splitlines()
    assert values[0] == "indicator,year,area,area_label,value,flag,source_note"
    assert values[1] == "language-course-participation,2022,_T,,150,entered,'+1 formula"
    commitments = client.get(f"{base}/commitments.csv").content.decode()
    assert "'=HYPERLINK" in commitments and ",=HYPERLINK" not in commitments
    sdmx = client.get(f"{base}/indicator_values.sdmx.csv").content.decode().splitlines()
    assert sdmx[0] == "DATAFLOW,INDICATOR,AREA,YEAR,OBS_VALUE,OBS_STATUS"
    assert sdmx[1].endswith(",language-course-participation,_T,2022,150,A")
    document = json.loads(client.get(f"{base}/follow-up.json").content)
    assert document["tables"]["indicator_values"][0]["value"] == 150.0
    assert "assessment_change" not in document["tables"]
    archive = zipfile.ZipFile(io.BytesIO(client.get(f"{base}/datapackage.zip").content))
    descriptor = json.loads(archive.read("datapackage.json"))
    assert descriptor["profile"] == "tabular-data-package"
    for resource in descriptor["resources"]:
        assert resource["path"] in archive.namelist()
        header = archive.read(resource["path"]).decode().splitlines()[0].split(",")
        assert header == [f["name"] for f in resource["schema"]["fields"]]
        assert all(
            f["type"] in ("string", "number", "integer", "date", "boolean")
            for f in resource["schema"]["fields"]
        )
    flag = next(
        f
        for r in descriptor["resources"]
        if r["name"] == "indicator_values"
        for f in r["schema"]["fields"]
        if f["name"] == "flag"
    )
    assert flag["constraints"]["enum"] == ["published", "entered", "computed"]
    assert client.get(f"{base}/nothing.csv").status_code == 404
