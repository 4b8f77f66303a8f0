"""Generate the reports: the follow-up app assembles the model
(:mod:`mechelen.web.followup.report`), the engine renders it as HTML or PDF.

Generating a report only reads: nothing is stored, so nothing is audited.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.text import slugify

from mechelen.core.reporting.follow_up import FollowUpReport
from mechelen.core.reporting.follow_up.network import NetworkReport
from mechelen.engine.reporting.follow_up.html import render_follow_up_html
from mechelen.engine.reporting.network.html import render_network_html
from mechelen.engine.reporting.pdf import html_to_pdf
from mechelen.i18n import LANGUAGES
from mechelen.web.followup.policy import reader_of
from mechelen.web.followup.report.city import city_follow_up, follow_up_report
from mechelen.web.followup.report.network import network_report
from mechelen.web.tenancy.models import Network, Organisation

FORMATS = ("html", "pdf")


@dataclass(frozen=True)
class RenderedReport:
    content: bytes
    content_type: str
    filename: str


def today() -> datetime.date:
    return timezone.localdate()


def _render(
    html: str, title: str, stem: str, fmt: str, generated_on: datetime.date
) -> RenderedReport:
    if fmt == "pdf":
        return RenderedReport(html_to_pdf(html, title), "application/pdf", f"{stem}.pdf")
    return RenderedReport(html.encode("utf-8"), "text/html; charset=utf-8", f"{stem}.html")


def render_city_report(
    organisation: Organisation,
    lang: str,
    fmt: str,
    public: bool,
    generated_on: datetime.date | None = None,
) -> RenderedReport:
    lang = lang if lang in LANGUAGES else "en"
    day = generated_on or today()
    reader = reader_of(organisation, public)
    report: FollowUpReport = follow_up_report(city_follow_up(organisation, lang, reader))
    html = render_follow_up_html(report, lang, day)
    kind = "public" if public else "internal"
    stem = f"follow-up-{slugify(organisation.slug)}-{kind}-{lang}-{day.isoformat()}"
    return _render(html, organisation.name, stem, fmt, day)


def render_network_report(
    network: Network, lang: str, fmt: str, generated_on: datetime.date | None = None
) -> RenderedReport:
    lang = lang if lang in LANGUAGES else "en"
    day = generated_on or today()
    report: NetworkReport = network_report(network, lang)
    html = render_network_html(report, lang, day)
    stem = f"network-{slugify(network.slug)}-{lang}-{day.isoformat()}"
    return _render(html, network.name, stem, fmt, day)
