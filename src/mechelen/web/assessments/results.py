"""What the pages show of a round: coverage by stakeholder group, a respondent's progress, and
the results (the core report laid out for the page, in the page language)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Max, Q

from mechelen.core.assessment.questionnaire import build_questionnaire
from mechelen.core.reporting.assessment_report import AssessmentReport
from mechelen.engine.reporting.assessment.charts import heatmap_spec
from mechelen.engine.reporting.assessment.json_data import report_as_dict
from mechelen.engine.reporting.charts import render_svg
from mechelen.engine.reporting.wording import Wording
from mechelen.web.assessments.models import AssessmentRound, Invitation
from mechelen.web.assessments.reading import report_of
from mechelen.web.framework_data import framework, in_page_language


def question_count() -> int:
    return len(build_questionnaire(framework()))


@dataclass(frozen=True)
class GroupCoverage:
    group_id: str
    label: str
    invited: int
    started: int
    submitted: int
    answered: int
    asked: int

    @property
    def share(self) -> float:
        return self.answered / self.asked if self.asked else 0.0

    @property
    def percent(self) -> int:
        return round(100 * self.share)


def round_coverage(assessment_round: AssessmentRound) -> list[GroupCoverage]:
    """Per stakeholder group: people invited, who started, who submitted, answers given."""
    total = question_count()
    rows = {
        row["group_id"]: row
        for row in assessment_round.invitations.values("group_id").annotate(
            n_invited=Count("pk", distinct=True),
            n_started=Count("pk", filter=Q(answers__isnull=False), distinct=True),
            n_submitted=Count("pk", filter=Q(submitted_at__isnull=False), distinct=True),
            n_answered=Count("answers"),
        )
    }
    found = []
    for group in framework().stakeholder_groups:
        row = rows.get(group.id, {})
        invited = row.get("n_invited", 0)
        found.append(
            GroupCoverage(
                group.id,
                in_page_language(group.label),
                invited,
                row.get("n_started", 0),
                row.get("n_submitted", 0),
                row.get("n_answered", 0),
                invited * total,
            )
        )
    return found


def progress(invitation: Invitation) -> tuple[int, int]:
    """(questions answered, "don't know" included; questions in all)."""
    return invitation.answers.count(), question_count()


def group_label(group_id: str) -> str:
    try:
        return in_page_language(framework().group(group_id).label)
    except KeyError:
        return group_id


def results_context(report: AssessmentReport, lang: str) -> dict[str, Any]:
    """The report laid out for the results page: the same figures as the CLI report."""
    words = Wording(report.framework, lang)
    data = report_as_dict(report, lang)
    cells = {(c["sector"], c["dimension"]): c for c in data["cells"]}
    urgency = {c["sector"]: c for c in data["urgency"]}
    dimensions = report.framework.dimensions
    table = [
        {
            "label": words.sector(sector.id),
            "values": [
                (
                    words.number(cells[(sector.id, d.id)]["consensus"], 2),
                    cells[(sector.id, d.id)]["disagreement"],
                )
                for d in dimensions
            ]
            + [
                (
                    words.number(urgency[sector.id]["consensus"], 2),
                    urgency[sector.id]["disagreement"],
                )
            ],
        }
        for sector in report.framework.sectors
    ]
    disagreements = []
    for cell in data["cells"] + data["urgency"]:
        if not cell["disagreement"]:
            continue
        scores = cell["group_scores"]
        top, low = max(scores.values()), min(scores.values())
        disagreements.append(
            {
                "label": cell["label"],
                "spread": words.number(cell["spread"]),
                "highest": words.groups([g for g, s in scores.items() if s == top]),
                "top": words.number(top),
                "lowest": words.groups([g for g, s in scores.items() if s == low]),
                "low": words.number(low),
                "all": [(words.group(g), words.number(s)) for g, s in scores.items()],
                "missing": words.groups(cell["missing_groups"]),
            }
        )
    priorities = [
        {
            "rank": p["rank"],
            "label": p["label"],
            "score": words.number(p["score"], 2),
            "need": words.number(p["need"], 2),
            "reason": p["reason"],
        }
        for p in data["priorities"]
    ]
    work = [
        {
            "label": words.sector(step["sector"]),
            "rank": step["rank"],
            "after": words.sectors(step["waits_for"]),
        }
        for step in data["order_of_work"]
    ]
    evidence = []
    for sector in report.framework.sectors:
        items = [
            {
                "dimension": words.dimension(c["dimension"]),
                "quotes": [
                    {
                        "text": e["text"],
                        "respondent": e["respondent"],
                        "group": words.group(e["group"]),
                    }
                    for e in c["evidence"]
                ],
            }
            for c in data["cells"] + data["urgency"]
            if c["sector"] == sector.id and c["evidence"]
        ]
        if items:
            evidence.append({"sector": words.sector(sector.id), "items": items})
    return {
        "data": data,
        "heatmap_svg": render_svg(heatmap_spec(report, words), id_prefix="heatmap", lang=lang),
        "dimension_labels": [words.dimension(d.id) for d in dimensions],
        "table": table,
        "disagreements": disagreements,
        "disagreement_levels": words.number(report.aggregate.disagreement_levels, 0),
        # the count that chooses the plural form of "levels"
        "disagreement_count": round(report.aggregate.disagreement_levels),
        "priorities": priorities,
        "order_of_work": work,
        "coverage": data["coverage"],
        "groups_missing": words.groups(report.groups_missing),
        "evidence": evidence,
        "scale_top": report.framework.max_score,
    }


def results_cache_key(assessment_round: AssessmentRound, lang: str) -> str:
    """Changes whenever the results can: a submission, an import, closing the round.

    Only submitted answers count, and submitted answers cannot change any more.
    """
    submitted = assessment_round.invitations.filter(submitted_at__isnull=False).aggregate(
        count=Count("pk"), last=Max("submitted_at")
    )
    last = submitted["last"].isoformat() if submitted["last"] else "-"
    return (
        f"assessment-results:{assessment_round.pk}:{lang}:{assessment_round.status}:"
        f"{submitted['count']}:{last}"
    )


def cached_results(assessment_round: AssessmentRound, lang: str) -> tuple[int, dict[str, Any]]:
    """(respondents counted, the results page context), computed once per state of the round."""
    key = results_cache_key(assessment_round, lang)
    found: tuple[int, dict[str, Any]] | None = cache.get(key)
    if found is None:
        report = report_of(assessment_round)
        context = results_context(report, lang) if report.respondent_count else {}
        found = (report.respondent_count, context)
        cache.set(key, found, timeout=None)
    return found
