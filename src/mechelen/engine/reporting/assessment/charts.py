"""The chart of the assessment report: the heatmap of consensus scores by sector and dimension."""

from __future__ import annotations

from typing import Any

from mechelen.core.messages import N_
from mechelen.core.reporting.assessment_report import AssessmentReport
from mechelen.engine.reporting.charts import CHART_FONT, grid_spec
from mechelen.engine.reporting.wording import Wording

#: the longest line of a column label (150 pixels at 12)
COLUMN_LABEL_CHARACTERS = 20
HEATMAP_COLUMN = 150  # pixels


def heatmap_spec(report: AssessmentReport, words: Wording) -> dict[str, Any]:
    """Sector x dimension consensus scores; cells where groups disagree get a red border."""
    framework = report.framework
    values = [
        {
            "sector": words.sector(cell.question.sector_id),
            "dimension": words.dimension(cell.question.dimension_id),
            "score": None if cell.consensus is None else round(cell.consensus, 2),
            # two decimals: 2.96 must not read "3.0" beside "level 3 or more"
            "text": words.number(cell.consensus, 2) + (" !" if cell.disagreement else ""),
            "disagreement": cell.disagreement,
        }
        for cell in report.aggregate.cells
    ]
    top = framework.max_score
    cells = {
        "mark": {"type": "rect", "cornerRadius": 2},
        "encoding": {
            "color": {
                "field": "score",
                "type": "quantitative",
                "scale": {"domain": [0, top], "scheme": "yellowgreenblue"},
                "legend": {"title": words._(N_("Consensus score")), "gradientLength": 160},
            },
            "stroke": {
                "condition": {"test": "datum.disagreement", "value": "#c0392b"},
                "value": "white",
            },
            "strokeWidth": {
                "condition": {"test": "datum.disagreement", "value": 3},
                "value": 1,
            },
        },
    }
    texts = {
        "mark": {"type": "text", "fontSize": 13, "fontWeight": "bold"},
        "encoding": {
            "text": {"field": "text"},
            "color": {
                "condition": {"test": f"datum.score > {top * 0.6}", "value": "white"},
                "value": "#1b1b1b",
            },
        },
    }
    spec = grid_spec(
        [words.sector(s.id) for s in framework.sectors],
        [words.dimension(d.id) for d in framework.dimensions],
        values,
        config={"font": CHART_FONT, "view": {"stroke": None}, "axis": {"labelFontSize": 12}},
        column=HEATMAP_COLUMN,
        column_characters=COLUMN_LABEL_CHARACTERS,
        row_height=34,
        line_height=14,
        layer=[cells, texts],
    )
    spec["description"] = words._(
        N_(
            "Consensus score by sector and dimension; a red border marks a cell where the "
            "stakeholder groups disagree"
        )
    )
    return spec
