"""Messages of the follow-up's own problem codes; the core's codes go through mechelen.i18n."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from mechelen.core.problems import Problem
from mechelen.i18n import render_location, render_problem
from mechelen.web.language import page_language

MESSAGES = {
    "followup.E001": _("The release {release} is not published: only published figures count."),
    "followup.E002": _("The indicator {id} cannot be read from a published table."),
    "followup.E003": _("The release has no table (or only hidden cells) that gives {id}."),
    "followup.E004": _("No yearly service figure is named {name}."),
    "followup.E005": _("The indicator {id} takes no figures from this source."),
    "followup.E006": _("No published release of the city gives {id} yet."),
    "followup.E007": _(
        "The indicator id {id} is already taken by the catalogue or by one of your indicators."
    ),
    "followup.E008": _("The file defines no indicator."),
}


def problem_text(problem: Problem) -> str:
    """The problem's message in the page's language."""
    if problem.code in MESSAGES:
        return str(MESSAGES[problem.code]).format(**problem.params)
    return render_problem(problem, page_language())


def located_text(problem: Problem) -> str:
    """The message after where it was found: "indicators.yaml, line 12: ..." and its code."""
    where = render_location(problem.location, page_language())
    text = f"{problem_text(problem)} ({problem.code})"
    return f"{where}: {text}" if where else text
