from typing import Any

from django.core.management.base import BaseCommand

from mechelen.web.jobs.runner import run_pending


class Command(BaseCommand):
    help = (
        "Run the waiting background jobs and take over the interrupted ones (no heartbeat "
        "for MECHELEN_JOBS_STALE_SECONDS, or their process is gone); safe from cron beside "
        "a running web process, as each job is claimed before it runs."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{run_pending()} job(s) run")
