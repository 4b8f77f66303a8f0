"""The reports read well in each language and print well: chart numbers in the page's format,
labels in full, French punctuation, statuses set by hand flagged, secondary text smaller."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date
from html import unescape

import pytest
from pypdf import PdfReader

from mechelen.core.framework.model import Framework
from mechelen.core.indicators import Observation, ProgressStatus, Target
from mechelen.core.reporting.follow_up import (
    CommitmentEntry,
    IndicatorEntry,
    build_follow_up_report,
)
from mechelen.core.reporting.follow_up.network import Member, build_network_report
from mechelen.engine.reporting.assessment.charts import heatmap_spec
from mechelen.engine.reporting.charts import render_svg
from mechelen.engine.reporting.follow_up.charts import change_spec, indicator_spec
from mechelen.engine.reporting.follow_up.html import render_follow_up_html
from mechelen.engine.reporting.network.charts import commitments_taken_spec
from mechelen.engine.reporting.pdf import html_to_pdf
from mechelen.engine.reporting.wording import ReportWording
from tests.core.reporting.follow_up_fixtures import (
    PLACE,
    assessment,
    commitments,
    coverage,
    follow_up_report,
    indicators,
)

NNBSP = "\u202f"
LANGS = ("en", "fr", "es")


def _numbers_chart() -> dict[str, object]:
    return {
        "data": {"values": [{"x": "a", "v": 1234.5}, {"x": "b", "v": 20}]},
        "mark": {"type": "text"},
        "encoding": {
            "x": {"field": "x", "type": "nominal"},
            "y": {"field": "v", "type": "quantitative"},
            "text": {"field": "v", "type": "quantitative", "format": ",.1f"},
        },
    }


def svg_texts(svg: str) -> list[str]:
    """The texts of an SVG, a multi-line text's lines joined by spaces."""
    found = []
    for body in re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.S):
        lines = re.findall(r"<tspan[^>]*>(.*?)</tspan>", body) or [body]
        found.append(unescape(" ".join(line for line in lines if line)))
    return found


def test_chart_numbers_follow_the_page_language() -> None:
    texts = {lang: svg_texts(render_svg(_numbers_chart(), lang=lang)) for lang in LANGS}
    assert "1,234.5" in texts["en"] and "1,000" in texts["en"]
    assert f"1{NNBSP}234,5" in texts["fr"] and f"1{NNBSP}000" in texts["fr"]
    assert "1\xa0234,5" in texts["es"] and "20,0" in texts["es"]
    assert "1.234,5" not in texts["es"]  # the tables write 1 234,5 (no full stop)
    assert "1,234.5" not in texts["fr"] and "1234.5" not in str(texts["fr"])


@pytest.mark.parametrize("lang", LANGS)
def test_every_grid_label_reads_in_full(framework: Framework, lang: str) -> None:
    words = ReportWording(framework, lang)
    report = follow_up_report(framework)
    section = report.assessment
    assert section is not None
    heatmap = svg_texts(render_svg(heatmap_spec(section.results, words), lang=lang))
    change = svg_texts(render_svg(change_spec(section, words), lang=lang))
    for texts in (heatmap, change):
        assert not any("…" in text for text in texts)
        for sector in framework.sectors:
            assert words.sector(sector.id) in texts
        for dimension in framework.dimensions:
            assert words.dimension(dimension.id) in texts


def test_commitments_taken_keep_their_whole_title(framework: Framework) -> None:
    taken = [
        CommitmentEntry(f"p{c.paragraph}", "", "planned", c.paragraph)
        for c in framework.commitments
    ]
    report = build_network_report(framework, "Net", "", [Member("a", PLACE)], {"a": taken}, {})
    words = ReportWording(framework, "fr")
    texts = svg_texts(render_svg(commitments_taken_spec(report, words), lang="fr"))
    names = {c.paragraph: c.title.get("fr") for c in framework.commitments}
    titles = [f"§{t.paragraph} {names[t.paragraph]}" for t in report.most_taken[:12]]
    assert not any("…" in text for text in texts)
    assert all(title in texts for title in titles)


def test_heatmap_cells_show_two_decimals(framework: Framework) -> None:
    words = ReportWording(framework, "fr")
    spec = heatmap_spec(assessment(framework, 3), words)
    shown = [row["text"] for row in spec["data"]["values"]]
    assert shown and all(re.fullmatch(r"\d,\d\d( !)?", text) for text in shown)
    assert words.number(2.96, 2) == "2,96"


def test_a_share_s_axis_does_not_go_below_zero(framework: Framework) -> None:
    share = IndicatorEntry(
        "commitments-achieved",
        "Commitments achieved",
        "% of commitments",
        "higher-is-better",
        baseline=Observation(2018, 0),
        target=Target(80, 2030),
        observations=(Observation(2022, 10), Observation(2026, 20)),
    )
    words = ReportWording(framework, "en")
    domain = indicator_spec(share, words)["encoding"]["y"]["scale"]["domain"]
    assert domain[0] == 0 and domain[1] > 80
    gap = replace(share, baseline=Observation(2018, -4), target=Target(3, 2030), observations=())
    assert indicator_spec(gap, words)["encoding"]["y"]["scale"]["domain"][0] < -4


def test_french_report_puts_a_narrow_space_before_colons(framework: Framework) -> None:
    html = render_follow_up_html(follow_up_report(framework), "fr", date(2025, 1, 2))
    assert f"Objectif 16 du Pacte mondial{NNBSP}: " in html
    assert "Pacte mondial: " not in html and "mondial :" not in html
    assert f"2 mai 2023{NNBSP}: Council decision 2023/14" in html  # evidence date
    assert re.search(rf"Language courses{NNBSP}: <span class=\"status achieved\"", html)
    english = render_follow_up_html(follow_up_report(framework), "en", date(2025, 1, 2))
    assert "GCM objective 16: " in english and NNBSP not in english


def test_a_status_set_by_hand_is_flagged_in_the_overview(framework: Framework) -> None:
    first, gap, context = indicators()
    by_hand = replace(
        gap,
        status=ProgressStatus.ON_TRACK,
        override_by="coordinator",
        override_reason="New desks opened in 2024",
        override_on=date(2025, 3, 4),
    )
    report = build_follow_up_report(
        framework, PLACE, "internal", commitments(), (first, by_hand, context), coverage()
    )
    html = render_follow_up_html(report, "en", date(2025, 5, 1))
    overview = html[html.index('id="indicators"') : html.index('class="indicator"')]
    assert overview.count("(set by hand") == 1 and 'href="#by-hand-1"' in overview
    note = (
        "Gap in access to a service: Set by coordinator on 4 March 2025 "
        "(computed status: Moving away): New desks opened in 2024"
    )
    assert note in unescape(overview)
    assert "Set by coordinator on 4 March 2025" in unescape(html[html.index('class="indicator"') :])
    assert "of which 1 set by hand" in html
    french = unescape(render_follow_up_html(report, "fr", date(2025, 5, 1)))
    assert f"Fixé par coordinator le 4 mars 2025 (état calculé{NNBSP}: " in french


def _sizes(pdf: bytes, page_text: str) -> dict[str, float]:
    """The printed size of each line of the page holding ``page_text``."""
    sizes: dict[str, float] = {}

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            sizes.setdefault(text.strip(), round(size * tm[0] * cm[0], 2))

    page = next(p for p in PdfReader(io.BytesIO(pdf)).pages if page_text in p.extract_text())
    page.extract_text(visitor_text=visit)
    return sizes


def test_secondary_text_prints_smaller_than_the_main_text(framework: Framework) -> None:
    with_target = tuple(
        replace(c, target="Courses for 1,200 newcomers") if c.key == "p31" else c
        for c in commitments()
    )
    report = build_follow_up_report(framework, PLACE, "internal", with_target, indicators())
    sizes = _sizes(html_to_pdf(render_follow_up_html(report, "en", None), "V"), "Owner")
    title = sizes["Language courses"]
    target = next(size for text, size in sizes.items() if text.startswith("Target:"))
    evidence = next(size for text, size in sizes.items() if "Council decision" in text)
    badge = sizes["Achieved"]
    assert title == pytest.approx(8.2, abs=0.05)
    assert target < title and evidence < title and badge < title
