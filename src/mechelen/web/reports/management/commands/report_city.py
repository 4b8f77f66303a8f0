"""``manage.py report_city SLUG --lang fr --format pdf --out FILE [--public] [--date YYYY-MM-DD]``."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from mechelen.i18n import LANGUAGES
from mechelen.web.reports.actions import FORMATS, render_city_report
from mechelen.web.tenancy.models import Organisation


def add_report_options(parser: CommandParser) -> None:
    parser.add_argument("--lang", choices=LANGUAGES, default="en", help="Language of the report.")
    parser.add_argument("--format", choices=FORMATS, default="pdf", help="pdf or html.")
    parser.add_argument("--out", required=True, help="File to write.")
    parser.add_argument(
        "--date",
        type=datetime.date.fromisoformat,
        default=None,
        help="Generation date printed on the cover (default: today).",
    )


def write(out: str, content: bytes) -> Path:
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


class Command(BaseCommand):
    help = "Write the follow-up and review report of a city (PDF or HTML)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("city", help="The city's short name (slug), e.g. mechelen.")
        add_report_options(parser)
        parser.add_argument(
            "--public",
            action="store_true",
            help="The public version: published content only.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = Organisation.objects.filter(slug=options["city"]).first()
        if organisation is None:
            raise CommandError(f"No city or region named {options['city']!r}.")
        found = render_city_report(
            organisation, options["lang"], options["format"], options["public"], options["date"]
        )
        path = write(options["out"], found.content)
        self.stdout.write(f"Report written to {path}")
