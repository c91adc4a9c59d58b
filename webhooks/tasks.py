"""Background delivery with django-tasks: the worker attempts, and re-enqueues retries when it can.

With a backend that defers tasks (the database backend in production), a failed attempt enqueues
the next one to run after its backoff. With one that cannot (the immediate backend of development
and tests), nothing waits: the next attempt time is recorded, and `manage.py deliver_due_webhooks`
(run from cron) attempts what is due.
"""

import logging

from django.utils import timezone
from django_tasks import task

from webhooks.delivery import attempt
from webhooks.models import DeliveryStatus, WebhookDelivery

logger = logging.getLogger(__name__)


@task()
def deliver_webhook(delivery_id: int) -> str | None:
    """Attempt one delivery; the returned status shows in the task backend's results."""
    return deliver(delivery_id)


def deliver(delivery_id: int) -> str | None:
    """Attempt a due delivery now and schedule its retry if it failed; returns its status."""
    delivery = attempt(delivery_id)
    if delivery is None:
        return None
    if delivery.status == DeliveryStatus.RETRYING:
        schedule(delivery)
    return delivery.status


def schedule(delivery: WebhookDelivery) -> bool:
    """Enqueue the delivery's next attempt; False when it is left to `deliver_due_webhooks`.

    Never raises: a delivery that could not be enqueued stays due in the log.
    """
    try:
        if delivery.next_attempt_at is None:
            return False
        if delivery.next_attempt_at <= timezone.now():
            deliver_webhook.enqueue(delivery.pk)
            return True
        if not deliver_webhook.get_backend().supports_defer:
            return False
        deliver_webhook.using(run_after=delivery.next_attempt_at).enqueue(delivery.pk)
        return True
    except Exception:
        logger.exception("Could not enqueue webhook delivery %s; it stays due", delivery.pk)
        return False
