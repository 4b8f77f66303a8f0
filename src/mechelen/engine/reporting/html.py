"""The reports' HTML templates (``templates/``), and the mark of a report's generation date."""

from __future__ import annotations

import re

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

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


def without_date(html: str) -> str:
    """The HTML with the generation date blanked (to compare two generations)."""
    return re.sub(rf"<time {DATE_MARK}[^>]*>.*?</time>", "<time></time>", html)
