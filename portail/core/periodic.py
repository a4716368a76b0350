"""Periodic jobs: reminders the day before an event, overdue follow-up requests, retention.

Each app registers its jobs in AppConfig.ready(). `manage.py run_periodic` runs every job once;
production runs it from cron or a systemd timer (docs/deploiement.md), `make run` from a loop in
bin/run-dev. A job must be idempotent: it looks at the data (« not reminded yet », « closed more
than 12 months ago ») rather than at when it last ran, so running it twice or late is harmless.
"""

import logging
from dataclasses import dataclass

from django.utils import timezone

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    key: str
    label: str
    run: object  # callable(now) -> int (how many objects were handled)


_JOBS = {}


def register(key, label, run):
    _JOBS[key] = Job(key, label, run)


def jobs():
    return [_JOBS[key] for key in sorted(_JOBS)]


def run_all(now=None, only=None):
    """Run every job (or those named in `only`); returns {key: count}. One failing job is
    logged and does not stop the others."""
    now = now or timezone.now()
    done = {}
    for job in jobs():
        if only and job.key not in only:
            continue
        try:
            done[job.key] = job.run(now)
        except Exception:
            logger.exception("tâche périodique en échec", extra={"job": job.key})
            done[job.key] = None
        else:
            logger.info("tâche périodique", extra={"job": job.key, "count": done[job.key]})
    return done
