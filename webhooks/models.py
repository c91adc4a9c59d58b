"""The delivery log: one record per content change and endpoint, kept up to date by each attempt."""

from datetime import datetime, timedelta

from django.db import models
from django.utils import timezone

#: How long to wait after each failed attempt: 30 seconds, 2 minutes, 10 minutes, 1 hour, then
#: every 6 hours until WEBHOOK_MAX_ATTEMPTS is reached.
RETRY_DELAYS = (
    timedelta(seconds=30),
    timedelta(minutes=2),
    timedelta(minutes=10),
    timedelta(hours=1),
    timedelta(hours=6),
)


def retry_delay(failed_attempts: int) -> timedelta:
    """The wait before the next attempt, after `failed_attempts` (1 or more) have failed."""
    return RETRY_DELAYS[min(max(failed_attempts, 1), len(RETRY_DELAYS)) - 1]


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    DELIVERED = "delivered", "Delivered"
    RETRYING = "retrying", "Retrying"
    FAILED = "failed", "Failed"


#: Deliveries that may still be attempted.
OPEN_STATUSES = (DeliveryStatus.PENDING, DeliveryStatus.RETRYING)


class WebhookDeliveryQuerySet(models.QuerySet):
    def due(self, now: datetime | None = None) -> "WebhookDeliveryQuerySet":
        """Open deliveries whose next attempt time has come."""
        return self.filter(
            status__in=OPEN_STATUSES, next_attempt_at__lte=now or timezone.now()
        ).order_by("next_attempt_at", "pk")


class WebhookDelivery(models.Model):
    """A signed notice of one content change, sent (or being sent) to one endpoint."""

    endpoint = models.URLField(max_length=500, help_text="The URL the webhook is posted to.")
    change_id = models.CharField(
        "change id",
        max_length=64,
        help_text="The idempotency id (X-Webhook-Id): the same for every endpoint and attempt.",
    )
    event = models.CharField(max_length=50, help_text="What happened, e.g. page.published.")
    payload = models.JSONField(help_text="The JSON body, identical on every attempt.")
    status = models.CharField(
        max_length=20, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    last_status_code = models.PositiveSmallIntegerField(
        "last status code",
        null=True,
        blank=True,
        help_text="The endpoint's HTTP status on the last attempt; empty if it did not answer.",
    )
    last_error = models.TextField("last error", blank=True)
    next_attempt_at = models.DateTimeField(
        "next attempt at",
        null=True,
        blank=True,
        help_text="When the delivery is next attempted; empty once it is delivered or failed.",
    )
    last_attempt_at = models.DateTimeField("last attempt at", null=True, blank=True)
    delivered_at = models.DateTimeField("delivered at", null=True, blank=True)
    created_at = models.DateTimeField("created at", auto_now_add=True)
    updated_at = models.DateTimeField("updated at", auto_now=True)

    objects = WebhookDeliveryQuerySet.as_manager()

    class Meta:
        verbose_name = "webhook delivery"
        verbose_name_plural = "webhook deliveries"
        ordering = ["-created_at", "-pk"]
        constraints = [
            # A change is announced to each endpoint once, even if it were announced twice.
            models.UniqueConstraint(
                fields=["change_id", "endpoint"], name="webhooks_one_delivery_per_endpoint"
            )
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="webhooks_due")]

    def __str__(self) -> str:
        return f"{self.event} → {self.endpoint}"

    def _record(self, **fields) -> bool:
        """Write the outcome of this process's attempt, only if its claim still holds.

        A worker that stalled past its lease may finish after another worker took the delivery
        over (and counted another attempt): its outcome is stale and must not overwrite the newer
        one. Returns whether it was recorded.
        """
        recorded = WebhookDelivery.objects.filter(
            pk=self.pk, attempts=self.attempts, status__in=OPEN_STATUSES
        ).update(**fields, updated_at=timezone.now())
        if recorded:
            for name, value in fields.items():
                setattr(self, name, value)
        else:
            self.refresh_from_db()
        return bool(recorded)

    def record_delivered(self, status_code: int, now: datetime) -> bool:
        return self._record(
            status=DeliveryStatus.DELIVERED,
            last_status_code=status_code,
            last_error="",
            next_attempt_at=None,
            delivered_at=now,
        )

    def record_failure(
        self, error: str, status_code: int | None, max_attempts: int, now: datetime
    ) -> bool:
        """Schedule the next attempt with backoff, or give up after `max_attempts`."""
        failed = self.attempts >= max_attempts
        return self._record(
            status=DeliveryStatus.FAILED if failed else DeliveryStatus.RETRYING,
            last_status_code=status_code,
            last_error=error,
            next_attempt_at=None if failed else now + retry_delay(self.attempts),
        )
