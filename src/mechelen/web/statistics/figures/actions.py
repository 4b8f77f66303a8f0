"""Changes to service figures, each recorded in the audit log."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from mechelen.web.audit.log import record
from mechelen.web.statistics.models import ServiceFigure
from mechelen.web.tenancy.models import Organisation

FIGURE_FIELDS = ("sector", "period", "name", "value")


@transaction.atomic
def create_figure(actor: Any, organisation: Organisation, data: dict[str, Any]) -> ServiceFigure:
    figure = ServiceFigure.objects.create(
        organisation=organisation, provider=actor, **{f: data[f] for f in FIGURE_FIELDS}
    )
    record(
        actor, "statistics.figure.create", figure, organisation, {f: data[f] for f in FIGURE_FIELDS}
    )
    return figure


@transaction.atomic
def update_figure(actor: Any, figure: ServiceFigure, data: dict[str, Any]) -> ServiceFigure:
    changed = {f: data[f] for f in FIGURE_FIELDS if getattr(figure, f) != data[f]}
    for name, value in changed.items():
        setattr(figure, name, value)
    figure.save()
    record(actor, "statistics.figure.update", figure, figure.organisation, changed)
    return figure
