from typing import Any

from django.core.management.base import BaseCommand

from mechelen.web.jobs.runner import run_pending


class Command(BaseCommand):
    help = "Run the background jobs left waiting or interrupted by a stopped web process."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{run_pending()} job(s) run")
