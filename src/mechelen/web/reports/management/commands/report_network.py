"""``manage.py report_network SLUG --lang fr --format pdf --out FILE``."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from mechelen.web.reports.actions import render_network_report
from mechelen.web.reports.management.commands.report_city import add_report_options, write
from mechelen.web.tenancy.models import Network


class Command(BaseCommand):
    help = "Write the report of a network of cities (PDF or HTML)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("network", help="The network's short name (slug).")
        add_report_options(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        network = Network.objects.filter(slug=options["network"]).first()
        if network is None:
            raise CommandError(f"No network named {options['network']!r}.")
        found = render_network_report(network, options["lang"], options["format"], options["date"])
        path = write(options["out"], found.content)
        self.stdout.write(f"Report written to {path}")
