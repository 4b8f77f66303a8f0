"""The follow-up report in HTML and PDF: sections, charts, French, same output twice."""

from __future__ import annotations

import io
from datetime import date
from html import unescape

import pytest
from pypdf import PdfReader

from mechelen.core.framework.model import Framework
from mechelen.core.reporting.follow_up import Place
from mechelen.core.reporting.follow_up.network import Member, build_network_report
from mechelen.engine.reporting.follow_up_html import (
    render_follow_up_html,
    render_network_html,
    without_date,
)
from mechelen.engine.reporting.follow_up_pdf import html_to_pdf
from mechelen.engine.reporting.network_charts import country_box, map_spec, projection_for
from mechelen.engine.reporting.report_wording import ReportWording
from tests.core.reporting.follow_up_fixtures import follow_up_report


def pdf_text(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def test_html_has_every_section_and_the_same_charts(framework: Framework) -> None:
    html = render_follow_up_html(follow_up_report(framework), "en", date(2025, 1, 2))
    for anchor in ("summary", "commitments", "assessment", "indicators", "coverage"):
        assert f'id="{anchor}"' in html
    for scheme in ("gcm", "sdg", "nua"):
        assert f'id="by-{scheme}"' in html
    assert html.count("<svg") >= 5  # status bar, heatmap, change, two indicator charts
    assert 'id="heatmap-0"' in html or "heatmap-" in html
    assert "Fictional" in html and "January 2, 2025" in html
    assert "GCM objective 16" in html and "SDG target 10.3" in html
    assert "Council decision 2023/14" in html  # evidence


def test_same_data_gives_the_same_html_apart_from_the_date(framework: Framework) -> None:
    report = follow_up_report(framework)
    first = render_follow_up_html(report, "fr", date(2025, 1, 2))
    second = render_follow_up_html(follow_up_report(framework), "fr", date(2026, 3, 4))
    assert first != second
    assert without_date(first) == without_date(second)


def test_public_version_has_no_assessment(framework: Framework) -> None:
    html = render_follow_up_html(follow_up_report(framework, "public"), "en", date(2025, 1, 2))
    assert 'id="assessment"' not in html and "Public version" in html


def test_french_pdf_pages_and_text(framework: Framework) -> None:
    html = render_follow_up_html(follow_up_report(framework), "fr", date(2025, 1, 2))
    pdf = html_to_pdf(html, "Vennbrugge")
    pages, text = pdf_text(pdf)
    assert pdf.startswith(b"%PDF") and pages >= 8
    for expected in (
        "Rapport de suivi et d'examen",
        "Sommaire",
        "Engagements et leur état",
        "Évolution depuis le cycle de référence",
        "Couverture des données",
        "Objectif 16 du Pacte mondial",
        "FICTIF",  # the stamp is set in capitals
        "Vennbrugge",
    ):
        assert expected in text, expected
    assert f"2 / {pages}" in text  # page numbers
    # the same HTML gives the same PDF
    assert html_to_pdf(html, "Vennbrugge") == pdf


def test_map_zooms_on_member_countries(framework: Framework) -> None:
    belgium = country_box("056")
    assert belgium is not None and 2 < belgium[0] < 3 and 51 < belgium[3] < 52
    projection = projection_for([belgium])
    assert projection["type"] == "mercator" and projection["center"][0] == pytest.approx(
        4.4, abs=0.5
    )
    assert country_box("999") is None
    report = build_network_report(
        framework,
        "Net",
        "",
        [Member("a", Place("A", "BEL")), Member("b", Place("B", "ESP"))],
        {},
        {},
    )
    spec = map_spec(report, ReportWording(framework, "es"))
    lookup = spec["layer"][1]["transform"][0]["from"]["data"]["values"]
    assert {row["id"] for row in lookup} == {"056", "724"}
    assert {row["country"] for row in lookup} == {"Bélgica", "España"}


def test_network_html(framework: Framework) -> None:
    report = build_network_report(
        framework, "Net", "A network", [Member("a", Place("Ville", "FRA", fictional=True))], {}, {}
    )
    html = unescape(render_network_html(report, "fr", date(2025, 1, 2)))
    assert "Le portrait du réseau" in html and "France" in html and "<svg" in html
    assert "Aucun membre n'a encore partagé" in html
