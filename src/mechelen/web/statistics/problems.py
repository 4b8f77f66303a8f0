"""Engine problems on the web: kept as code and parameters, rendered in the page's language."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict
from typing import Any

from django.utils.translation import gettext_lazy as _

from mechelen.core.messages import MESSAGES
from mechelen.core.problems import Location, Problem
from mechelen.i18n import render_location, render_problem
from mechelen.web.language import page_language

#: problems raised by the web layer itself (the engine's are in mechelen.core.messages)
WEB_MESSAGES = {
    "statistics.E001": _("The uploaded file is no longer there: upload it again."),
    "statistics.E003": _(
        "The uploaded file was deleted, as after every ingest: upload it again to try once more."
    ),
    "statistics.E002": _(
        "The table specification changed while it was being built: preview again."
    ),
    "job.E001": _("The work stopped because of an unexpected error ({message})."),
    "job.E002": _("The work was interrupted too many times (the server stopped during it)."),
}


def problem_text(problem: Problem) -> str:
    """The problem's message in the page's language, with where it was found."""
    lang = page_language()
    text = render_problem(problem, lang)
    where = render_location(problem.location, lang)
    return f"{text} ({where})" if where else text


def as_stored(problem: Problem) -> dict[str, Any]:
    """A JSON form of a problem, for a job's ``problems`` (English message for logs)."""
    return {
        "code": problem.code,
        "message": render_problem(problem, "en"),
        "params": {
            k: v if isinstance(v, int | float) else str(v) for k, v in problem.params.items()
        },
        "location": {k: v for k, v in asdict(problem.location).items() if v is not None},
    }


def stored_texts(stored: Iterable[Mapping[str, Any]]) -> list[dict[str, str]]:
    """(code, message in the page's language) of problems stored by :func:`as_stored`."""
    shown = []
    for item in stored:
        code = str(item.get("code", ""))
        if code in MESSAGES:
            problem = Problem(
                code, item.get("params") or {}, Location(**(item.get("location") or {}))
            )
            shown.append({"code": code, "message": problem_text(problem)})
        elif code in WEB_MESSAGES:
            message = str(WEB_MESSAGES[code]).format(message=item.get("message", ""))
            shown.append({"code": code, "message": message})
        else:
            shown.append({"code": code, "message": str(item.get("message", ""))})
    return shown
