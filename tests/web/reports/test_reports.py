"""Reports on the site: the workspace button, the internal and public city reports, the network
report and its page section, the management command; public versions never leak."""

from __future__ import annotations

import datetime
import io
from html import unescape
from typing import Any

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from mechelen.core.assessment.questionnaire import build_questionnaire
from mechelen.engine.reporting.html import without_date
from mechelen.web.assessments.models import Answer, AssessmentRound, Invitation, RoundStatus
from mechelen.web.commitments.models import CommitmentStatus
from mechelen.web.followup.models import CityIndicator, CommitmentEvidence, IndicatorObservation
from mechelen.web.framework_data import framework
from mechelen.web.tenancy.roles import Role
from tests.web.conftest import City, World, client_for

SECRET_EVIDENCE = "Confidential memo to the mayor"
SECRET_VALUE = 98765.0


def closed_round(city: City, title: str, score: int, share: bool) -> AssessmentRound:
    item = AssessmentRound.objects.create(
        organisation=city.organisation,
        title=title,
        framework_id="mechelen-2017",
        share_with_networks=share,
        status=RoundStatus.CLOSED,
        closed_at=timezone.now(),
    )
    for number, group in enumerate(("local-government", "civil-society")):
        invitation = Invitation.objects.create(
            round=item,
            group_id=group,
            name=f"P{number}",
            language="en",
            submitted_at=timezone.now(),
        )
        Answer.objects.bulk_create(
            Answer(invitation=invitation, question_id=q.id, score=score)
            for q in build_questionnaire(framework())
        )
    return item


def follow(city: City) -> None:
    """A public indicator with a public and a private value, and a private indicator."""
    shown = CityIndicator.objects.create(
        organisation=city.organisation,
        indicator_id="language-course-participation",
        baseline_year=2018,
        baseline_value=120.0,
        target_value=240.0,
        target_year=2030,
        public=True,
    )
    IndicatorObservation.objects.create(indicator=shown, year=2022, value=150.0, public=True)
    IndicatorObservation.objects.create(indicator=shown, year=2024, value=SECRET_VALUE)
    hidden = CityIndicator.objects.create(
        organisation=city.organisation, indicator_id="stateless-residents"
    )
    IndicatorObservation.objects.create(indicator=hidden, year=2024, value=12.0, public=True)
    CommitmentEvidence.objects.create(
        commitment=city.private_commitment,
        date=datetime.date(2025, 2, 1),
        title=SECRET_EVIDENCE,
    )
    city.public_commitment.status = CommitmentStatus.ACHIEVED  # type: ignore[union-attr]
    city.public_commitment.save()  # type: ignore[union-attr]


def get(user: Any, name: str, slug: str, **params: str) -> Any:
    return client_for(user).get(reverse(name, kwargs={"slug": slug}), params)


def text(response: Any) -> str:
    return unescape(
        b"".join(response).decode() if response.streaming else response.content.decode()
    )


def test_workspace_offers_the_report_to_coordinators_administrators_and_viewers(
    world: World,
) -> None:
    for role, shown in ((Role.COORDINATOR, True), (Role.VIEWER, True), (Role.DATA_STEWARD, False)):
        page = text(get(world.a.users[role], "tenancy:workspace", "city-a"))
        assert (reverse("reports:city", kwargs={"slug": "city-a"}) in page) is shown, role
    page = text(get(world.a.users[Role.COORDINATOR], "reports:city", "city-a"))
    assert 'name="format" value="pdf"' in page


def test_internal_report_holds_everything_of_its_city_only(world: World) -> None:
    follow(world.a)
    follow(world.b)
    closed_round(world.a, "First round", 1, share=False)
    closed_round(world.a, "Second round", 3, share=False)
    html = text(get(world.a.users[Role.VIEWER], "reports:city_file", "city-a", lang="en"))
    assert "Unpublished plan of City A" in html and SECRET_EVIDENCE in html
    assert "98,765" in html and "Stateless residents" in html
    assert 'id="assessment"' in html and "Second round" in html and "First round" in html
    assert "Change since the baseline round" in html
    assert "City B" not in html and "Unpublished plan of City B" not in html


def test_public_report_shows_published_content_only(world: World) -> None:
    follow(world.a)
    closed_round(world.a, "Shared round", 3, share=True)
    for user in (None, world.b.users[Role.ADMINISTRATOR], world.a.users[Role.ADMINISTRATOR]):
        html = text(get(user, "reports:public_city", "city-a", lang="en"))
        assert "Public version" in html
        assert "Unpublished plan" not in html and "Secret target" not in html
        assert SECRET_EVIDENCE not in html
        assert "98,765" not in html and "Stateless residents" not in html
        assert 'id="assessment"' not in html and "Shared round" not in html
        assert "Language-course participation" in html and "150" in html
        assert "City B" not in html


def test_public_pdf_in_french(world: World) -> None:
    follow(world.a)
    response = get(None, "reports:public_city", "city-a", lang="fr", format="pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    reader = PdfReader(io.BytesIO(response.content))
    content = "\n".join(page.extract_text() for page in reader.pages)
    assert "Rapport de suivi et d'examen" in content and "City A" in content
    assert "Unpublished plan" not in content and SECRET_EVIDENCE not in content


def test_the_public_city_page_links_to_its_report(world: World) -> None:
    page = text(get(None, "portal:city", "city-a"))
    assert reverse("reports:public_city", kwargs={"slug": "city-a"}) in page


def test_network_report_counts_only_shared_rounds_and_published_figures(world: World) -> None:
    follow(world.a)
    follow(world.b)
    closed_round(world.a, "A shares", 3, share=True)
    closed_round(world.b, "B keeps", 1, share=False)
    world.a.organisation.endorsed_on = datetime.date(2018, 1, 1)
    world.a.organisation.save()
    html = text(get(None, "reports:network", "net", lang="en"))
    assert "Cities counted: City A." in html
    assert "98,765" not in html and "Stateless residents" not in html
    assert "Unpublished plan" not in html
    assert "Belgium" in html and "<svg" in html
    page = text(get(None, "portal:network", "net"))
    assert "The network&#x27;s picture" in page or "The network's picture" in page
    assert reverse("reports:network", kwargs={"slug": "net"}) in page


def test_the_same_data_gives_the_same_report(world: World) -> None:
    follow(world.a)
    first = text(get(world.a.users[Role.ADMINISTRATOR], "reports:city_file", "city-a", lang="es"))
    second = text(get(world.a.users[Role.ADMINISTRATOR], "reports:city_file", "city-a", lang="es"))
    assert without_date(first) == without_date(second)
    assert "Informe de seguimiento y examen" in first


def test_management_command(world: World, tmp_path: Any) -> None:
    follow(world.a)
    out = tmp_path / "a.html"
    call_command(
        "report_city",
        "city-a",
        "--lang",
        "fr",
        "--format",
        "html",
        "--out",
        str(out),
        "--public",
        "--date",
        "2025-01-15",
        stdout=io.StringIO(),
    )
    html = unescape(out.read_text(encoding="utf-8"))
    assert "15 janvier 2025" in html and "Unpublished plan" not in html
    net = tmp_path / "n.pdf"
    call_command("report_network", "net", "--out", str(net), stdout=io.StringIO())
    assert net.read_bytes().startswith(b"%PDF")
