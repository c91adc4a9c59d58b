from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from webhooks.models import OPEN_STATUSES, WebhookDelivery


class Command(BaseCommand):
    help = "Delete finished webhook deliveries (delivered or failed) older than the retention."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=30,
            help="Keep finished deliveries created in the last DAYS days (default 30).",
        )

    def handle(self, *args, days: int, **options):
        cutoff = timezone.now() - timedelta(days=days)
        deleted, _ = (
            WebhookDelivery.objects.filter(created_at__lt=cutoff)
            .exclude(status__in=OPEN_STATUSES)
            .delete()
        )
        self.stdout.write(f"Deleted {deleted} webhook deliveries older than {days} days.")
