"""The assessment report as one self-contained HTML file (opens offline) plus its JSON twin."""

from __future__ import annotations

import json
from pathlib import Path

from mechelen.core.reporting.assessment_report import AssessmentReport
from mechelen.engine.reporting.assessment.charts import heatmap_spec
from mechelen.engine.reporting.assessment.json_data import report_as_dict
from mechelen.engine.reporting.charts import render_svg
from mechelen.engine.reporting.html import templates
from mechelen.engine.reporting.wording import Wording
from mechelen.i18n import translator


def render_assessment_html(report: AssessmentReport, lang: str, generated_at: str = "") -> str:
    words = Wording(report.framework, lang)
    data = report_as_dict(report, lang, generated_at)
    template = templates.get_template("assessment.html")
    return template.render(
        _=translator(lang),
        lang=lang,
        data=data,
        words=words,
        framework=report.framework,
        heatmap_svg=render_svg(heatmap_spec(report, words), id_prefix="heatmap", lang=lang),
        by_sector={c["sector"]: c for c in data["urgency"]},
        cells={(c["sector"], c["dimension"]): c for c in data["cells"]},
    )


def write_assessment_report(
    report: AssessmentReport, out_dir: Path, lang: str = "en", generated_at: str = ""
) -> tuple[Path, Path]:
    """Write ``report.html`` and ``report.json`` into ``out_dir``; return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    html_path = out_dir / "report.html"
    json_path = out_dir / "report.json"
    html_path.write_text(render_assessment_html(report, lang, generated_at), encoding="utf-8")
    data = report_as_dict(report, lang, generated_at)
    json_path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return html_path, json_path
