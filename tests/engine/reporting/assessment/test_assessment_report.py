"""The report: HTML that opens offline (inline SVG heatmap) and JSON with the same results."""

from __future__ import annotations

import json
from pathlib import Path

from mechelen.core.framework.model import Framework
from mechelen.engine.assessment.pipeline import run_assessment
from mechelen.engine.assessment.template import FilledRespondent, write_form


def contrasting_form(tmp_path: Path, framework: Framework) -> Path:
    """All sectors at the top but identity documents: 4 from local government, 0 from civil society."""

    def answers(score: int) -> dict[str, tuple[int | None, str]]:
        base: dict[str, tuple[int | None, str]] = {
            f"{s.id}/{d.id}": (4, "") for s in framework.sectors for d in framework.dimensions
        }
        base.update({f"{s.id}/urgency": (0, "") for s in framework.sectors})
        base["identity-documents/institutional-capacity"] = (score, "Waiting lists of 9 months")
        base["identity-documents/urgency"] = (4, "")
        base["education/policy-coherence"] = (2, "")
        return base

    people = [
        FilledRespondent("City hall", "local-government", answers(4)),
        FilledRespondent("Welcome network", "civil-society", answers(0)),
        FilledRespondent("Refugee council", "civil-society", answers(0)),
    ]
    return write_form(
        framework, tmp_path / "answers.xlsx", "en", people, place="Testville", note="Fictional"
    )


def test_report_shows_heatmap_disagreement_and_priorities(
    tmp_path: Path, framework: Framework
) -> None:
    run = run_assessment(
        framework,
        [contrasting_form(tmp_path, framework)],
        tmp_path / "out",
        generated_at="2026-01-01",
    )
    html = run.html.read_text(encoding="utf-8")
    assert "<svg" in html and "http" not in html.split("<svg", 1)[1].split("</svg>", 1)[0].replace(
        "http://www.w3.org", ""
    )
    assert "Testville" in html and "Fictional" in html
    data = json.loads(run.json.read_text(encoding="utf-8"))
    cell = next(
        c
        for c in data["cells"]
        if c["sector"] == "identity-documents" and c["dimension"] == "institutional-capacity"
    )
    assert cell["consensus"] == 2.0  # (4 + 0) / 2 groups, not (4 + 0 + 0) / 3 people
    assert cell["disagreement"] is True and cell["spread"] == 4.0
    assert "international-organisations" in cell["missing_groups"]
    assert data["priorities"][0]["sector"] == "identity-documents"
    assert data["priorities"][0]["reason"] == (
        "average score 3.3 of 4; urgency critical (4.0 of 4); blocks Education"
    )
    assert [s["sector"] for s in data["order_of_work"]] == ["identity-documents", "education"]
    assert data["order_of_work"][1]["waits_for"] == ["identity-documents"]
    assert "Waiting lists of 9 months" in html


def test_report_is_identical_when_made_twice(tmp_path: Path, framework: Framework) -> None:
    form = contrasting_form(tmp_path, framework)
    first = run_assessment(framework, [form], tmp_path / "a", generated_at="2026-01-01")
    second = run_assessment(framework, [form], tmp_path / "b", generated_at="2026-01-01")
    assert first.html.read_bytes() == second.html.read_bytes()
    assert first.json.read_bytes() == second.json.read_bytes()


def test_report_in_french(tmp_path: Path, framework: Framework) -> None:
    run = run_assessment(
        framework, [contrasting_form(tmp_path, framework)], tmp_path / "fr", lang="fr"
    )
    html = run.html.read_text(encoding="utf-8")
    assert '<html lang="fr">' in html
    assert "Documents d'identité" in html or "Documents d&#39;identité" in html
    assert "Évaluation initiale conjointe" in html


def test_the_engine_runs_a_different_framework(tmp_path: Path, tiny_framework: Framework) -> None:
    people = [
        FilledRespondent(
            "A",
            "city",
            {
                "papers/capacity": (0, ""),
                "papers/reach": (1, ""),
                "papers/urgency": (2, ""),
                "schools/capacity": (2, ""),
                "schools/reach": (1, ""),
            },
        ),
        FilledRespondent(
            "B", "neighbours", {"papers/capacity": (1, ""), "schools/urgency": (0, "")}
        ),
    ]
    form = write_form(tiny_framework, tmp_path / "tiny.xlsx", "en", people)
    run = run_assessment(tiny_framework, [form], tmp_path / "out")
    data = json.loads(run.json.read_text(encoding="utf-8"))
    assert data["framework"]["id"] == "tiny-test"
    assert [p["sector"] for p in data["priorities"]] == ["papers", "schools"]
    assert data["method"]["scale_top"] == 2


def test_the_table_beside_the_heatmap_gives_the_same_figures(
    tmp_path: Path, framework: Framework
) -> None:
    # three groups: 4, 4 and 3 give 3.67, which the heatmap writes "3.67"; the table must
    # not write "3.7" beside it
    def answers(score: int) -> dict[str, tuple[int | None, str]]:
        return {
            f"{s.id}/{d.id}": (score, "") for s in framework.sectors for d in framework.dimensions
        }

    people = [
        FilledRespondent("A", "local-government", answers(4)),
        FilledRespondent("B", "civil-society", answers(4)),
        FilledRespondent("C", "academia", answers(3)),
    ]
    form = write_form(framework, tmp_path / "a.xlsx", "en", people)
    run = run_assessment(framework, [form], tmp_path / "out", generated_at="2026-01-01")
    html = run.html.read_text(encoding="utf-8")
    svg, after = html.split("<svg", 1)[1].split("</svg>", 1)
    assert ">3.67<" in svg.replace(" !", "")
    table = after.split("<table", 1)[1].split("</table>", 1)[0]
    assert "3.67" in table and "3.7<" not in table
