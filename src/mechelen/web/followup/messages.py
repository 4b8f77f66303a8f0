"""Messages of the follow-up's own problem codes; the core's codes go through mechelen.i18n."""

from __future__ import annotations

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from mechelen.core.problems import Problem
from mechelen.i18n import LANGUAGES, render_problem

MESSAGES = {
    "followup.E001": _("The release {release} is not published: only published figures count."),
    "followup.E002": _("The indicator {id} cannot be read from a published table."),
    "followup.E003": _("The release has no table (or only hidden cells) that gives {id}."),
    "followup.E004": _("No yearly service figure is named {name}."),
    "followup.E005": _("The indicator {id} takes no figures from this source."),
}


def problem_text(problem: Problem) -> str:
    """The problem's message in the page's language."""
    if problem.code in MESSAGES:
        return str(MESSAGES[problem.code]).format(**problem.params)
    lang = (get_language() or "en").split("-")[0]
    return render_problem(problem, lang if lang in LANGUAGES else "en")
