"""The reports' HTML templates (``templates/``), what every report page reads, and the mark of
a report's generation date."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from mechelen.core.reporting.follow_up.model import FollowUpReport
from mechelen.core.reporting.follow_up.network import NetworkReport
from mechelen.engine.reporting.wording import ReportWording

#: the templates of every report: ``assessment.html``, ``follow_up.html``, ``network.html``
#: (the last two extend ``report_base.html``)
templates = Environment(
    loader=PackageLoader("mechelen.engine.reporting", "templates"),
    autoescape=select_autoescape(["html"]),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)

#: marks the generation date in the HTML, so that tests can compare two reports without it
DATE_MARK = "data-generated"


def page_context(
    report: FollowUpReport | NetworkReport, words: ReportWording, generated_on: date | None
) -> dict[str, Any]:
    """What the follow-up and the network report pages both read: the translations, the
    language and wording, the report and its framework, the generation date and its mark."""
    return {
        "_": words._,
        "lang": words.lang,
        "words": words,
        "report": report,
        "framework": report.framework,
        "generated": words.date(generated_on),
        "date_mark": DATE_MARK,
    }


def without_date(html: str) -> str:
    """The HTML with the generation date blanked (to compare two generations)."""
    return re.sub(rf"<time {DATE_MARK}[^>]*>.*?</time>", "<time></time>", html)
