"""What a statistics job is doing now, in the page's language (jobs store an English step)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

STEPS = {
    "ingest:inspect": gettext_lazy("Recognising the file"),
    "ingest:read": gettext_lazy("Reading the rows"),
    "ingest:standardise": gettext_lazy("Standardising codes (sex, ages, countries)"),
    "ingest:validate": gettext_lazy("Checking every value"),
    "ingest:write": gettext_lazy("Writing the dataset into the workspace"),
}


def step_text(step: str) -> str:
    if step in STEPS:
        return str(STEPS[step])
    if step.startswith("table:"):
        return _("Building and protecting table %(name)s") % {"name": step.removeprefix("table:")}
    return step
