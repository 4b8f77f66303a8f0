"""The follow-up sections of a city's public page: public indicators and public evidence.

What anyone may see, whoever looks (the policy's ``visible_…`` for a visitor): the indicators
the city marked public, with values from published releases or marked public (the status is
assessed on those values only), and the evidence of public commitments.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from mechelen.web.followup.evidence.rows import commitment_progress
from mechelen.web.followup.indicators.charts import indicator_chart
from mechelen.web.followup.indicators.progress import indicator_progress
from mechelen.web.language import page_language
from mechelen.web.portal.sections import city_section
from mechelen.web.tenancy.access import VISITOR
from mechelen.web.tenancy.models import Organisation


@city_section
def public_indicators(
    request: HttpRequest, organisation: Organisation
) -> tuple[str, dict[str, Any]] | None:
    rows = indicator_progress(organisation, page_language(), VISITOR)
    evidence = [
        row for row in commitment_progress(organisation, page_language(), VISITOR) if row.evidence
    ]
    if not rows and not evidence:
        return None
    return "followup/section_city.html", {
        "organisation": organisation,
        "indicators": [{"row": r, "chart": indicator_chart(r, "public")} for r in rows],
        "evidence": evidence,
    }
