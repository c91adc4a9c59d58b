from collections import Counter

from django.core.management.base import BaseCommand

from webhooks.models import WebhookDelivery
from webhooks.tasks import deliver


class Command(BaseCommand):
    help = (
        "Attempt every webhook delivery whose next attempt is due (run it from cron, e.g. every "
        "minute, when the task backend cannot defer retries; with the database worker it only "
        "catches deliveries whose task was lost)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--limit",
            type=int,
            default=500,
            help="Attempt at most this many deliveries in one run (default 500).",
        )

    def handle(self, *args, limit: int, **options):
        due = list(WebhookDelivery.objects.due().values_list("pk", flat=True)[:limit])
        outcomes = Counter(deliver(pk) for pk in due)
        outcomes.pop(None, None)  # attempted meanwhile by a worker
        if not outcomes:
            self.stdout.write("No webhook delivery is due.")
            return
        summary = ", ".join(f"{count} {status}" for status, count in sorted(outcomes.items()))
        self.stdout.write(f"Attempted {sum(outcomes.values())} webhook deliveries: {summary}.")
