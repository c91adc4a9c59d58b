"""One minute of the scheduler: safe to start on every server, only one of them does the work."""

import logging
import os
import socket
from datetime import timedelta

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from ops.models import SchedulerLock

logger = logging.getLogger(__name__)

#: A little under a minute: every server's minutely tick runs a job at most once a minute between
#: them, even when their clocks or timers are a few seconds apart.
MINUTELY = timedelta(seconds=50)
#: (lock name, how often it runs at most, the command and its arguments)
JOBS: list[tuple[str, timedelta, list[str]]] = [
    ("publish_scheduled", MINUTELY, ["publish_scheduled"]),
    ("deliver_due_webhooks", MINUTELY, ["deliver_due_webhooks"]),
    ("prune_webhook_deliveries", timedelta(days=1), ["prune_webhook_deliveries", "--days", "30"]),
]
#: Longer than any job takes; a server that dies holding a lease frees it after this.
LEASE = timedelta(minutes=10)


class Command(BaseCommand):
    help = (
        "Run the scheduled jobs (publish_scheduled, deliver_due_webhooks, and daily "
        "prune_webhook_deliveries) if this server takes their lock; run it every minute on "
        "every server (deploy/health-cms-scheduler.timer)."
    )

    def handle(self, *args, **options):
        holder = f"{socket.gethostname()}:{os.getpid()}"
        failed = []
        for name, every, command in JOBS:
            if not SchedulerLock.acquire(name, holder, lease=LEASE, every=every):
                self.stdout.write(f"{name}: skipped (another server runs it, or it is not due).")
                continue
            try:
                call_command(*command, stdout=self.stdout, stderr=self.stderr)
            except Exception:
                # One failing job must not keep the others from running.
                logger.exception("Scheduled job %s failed", name)
                failed.append(name)
            finally:
                SchedulerLock.release(name, holder)
        if failed:
            raise CommandError(f"Failed: {', '.join(failed)} (see the log).")
