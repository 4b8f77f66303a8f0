"""The choice of the baseline assessment round, recorded in the audit log."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from mechelen.web.assessments.models import AssessmentRound
from mechelen.web.audit.log import record
from mechelen.web.followup.models import AssessmentBaseline
from mechelen.web.tenancy.models import Organisation


@transaction.atomic
def choose_baseline_round(
    actor: Any, organisation: Organisation, assessment_round: AssessmentRound
) -> AssessmentBaseline:
    baseline, _ = AssessmentBaseline.objects.update_or_create(
        organisation=organisation, defaults={"round": assessment_round, "chosen_by": actor}
    )
    record(
        actor,
        "followup.assessment.baseline",
        assessment_round,
        organisation,
        {"round": assessment_round.title},
    )
    return baseline
