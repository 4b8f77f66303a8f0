from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from mechelen.web.demo.load import DEMO_PASSWORD, load_all


class Command(BaseCommand):
    help = (
        "Load the demo content: four Belgian cities with Statbel 2015 data and fictional activity."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--password", default=DEMO_PASSWORD, help="password of every demo login"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        context = load_all(options["password"], say=self.stdout.write)
        for note in context.notes:
            self.stdout.write(note)
