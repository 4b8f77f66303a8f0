"""The follow-up report in HTML and PDF: sections, charts, French, same output twice."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader

from mechelen.core.framework.model import Framework
from mechelen.engine.reporting.follow_up.html import render_follow_up_html
from mechelen.engine.reporting.html import without_date
from mechelen.engine.reporting.pdf import html_to_pdf
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
    assert "Fictional" in html and "2 January 2025" in html and "January 2, 2025" not in html
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
