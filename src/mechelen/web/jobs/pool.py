"""The background threads of one web process that run waiting jobs (``MECHELEN_JOBS=thread``).

At most ``settings.JOBS_MAX_THREADS`` threads run at once; each takes the oldest waiting job
(an atomic claim, see :mod:`mechelen.web.jobs.claims`), runs it, and takes the next until
none is left. A job started while every thread is busy waits in the queue for the first one
free. The limit is per process: a server with several web processes runs up to that many
times the limit.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from django.conf import settings
from django.db import close_old_connections, connection

from mechelen.web.jobs.claims import claim_next

log = logging.getLogger(__name__)


class JobThreads:
    """Start threads on demand, up to the limit, until the queue is empty."""

    def __init__(self, run_claimed: Callable[[int], object]) -> None:
        self._run_claimed = run_claimed
        self._lock = threading.Lock()
        self._active = 0
        #: counts the wake-ups, so a thread never leaves while a job it has not seen waits
        self._wakes = 0

    @property
    def active(self) -> int:
        with self._lock:
            return self._active

    def wake(self) -> None:
        """A job was queued: start a thread for it unless every thread allowed is busy."""
        with self._lock:
            self._wakes += 1
            if self._active >= max(1, settings.JOBS_MAX_THREADS):
                return
            self._active += 1
        threading.Thread(target=self._work, name="mechelen-job", daemon=True).start()

    def _work(self) -> None:
        close_old_connections()
        try:
            while True:
                with self._lock:
                    seen = self._wakes
                self._run_waiting_jobs()
                with self._lock:
                    if self._wakes == seen:
                        self._active -= 1
                        return
        except BaseException:
            with self._lock:
                self._active -= 1
            raise
        finally:
            connection.close()

    def _run_waiting_jobs(self) -> None:
        while True:
            try:
                job_id = claim_next()
                if job_id is None:
                    return
                self._run_claimed(job_id)
            except Exception:  # the database went away: run_jobs takes the jobs over later
                log.exception("could not run the waiting jobs")
                return
