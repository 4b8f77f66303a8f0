from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from mechelen.web.demo.load import DEMO_PASSWORD, load_all


class Command(BaseCommand):
    help = (
        "Migrate the database, load the demo content and serve the site "
        "(http://127.0.0.1:8000 by default), printing the demo logins."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--address", default="127.0.0.1:8000", help="address and port to serve on"
        )
        parser.add_argument("--no-serve", action="store_true", help="load the content and stop")

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("migrate", verbosity=0)
        context = load_all(DEMO_PASSWORD, say=self.stdout.write)
        for note in context.notes:
            self.stdout.write(note)
        if options["no_serve"]:
            return
        self.stdout.write(f"Serving the demo on http://{options['address']}/ (Ctrl-C stops it)")
        call_command("runserver", options["address"], use_reloader=False)
