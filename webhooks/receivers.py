"""Turn each committed content change into one logged, enqueued delivery per endpoint.

This runs in the editor's request (after the commit): it only writes the log and enqueues, so a
slow or failing endpoint never holds up publishing.
"""

import logging

from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone

from core.events import ContentChange, content_changed
from webhooks.conf import webhook_settings
from webhooks.models import WebhookDelivery
from webhooks.payload import payload_for
from webhooks.tasks import schedule

logger = logging.getLogger(__name__)


@receiver(content_changed, dispatch_uid="webhooks.send_on_content_change")
def send_on_content_change(sender, change: ContentChange, **kwargs) -> None:
    try:
        queue_deliveries(change)
    except Exception:
        logger.exception("Could not queue webhooks for content change %s", change.id)


def queue_deliveries(change: ContentChange) -> list[WebhookDelivery]:
    """Log a pending delivery of `change` to every endpoint, and enqueue them once committed."""
    config = webhook_settings()
    if not config.enabled:
        return []
    if not change.pages and not change.tags:
        # Nothing any front end shows changed (e.g. an author no article credits yet).
        return []
    if not config.secret:
        logger.error("WEBHOOK_ENDPOINTS is set without WEBHOOK_SECRET: no webhook is sent.")
        return []
    payload = payload_for(change)
    now = timezone.now()
    created = []
    with transaction.atomic():
        for endpoint in dict.fromkeys(config.endpoints):
            delivery, is_new = WebhookDelivery.objects.get_or_create(
                change_id=change.id,
                endpoint=endpoint,
                defaults={"event": change.event, "payload": payload, "next_attempt_at": now},
            )
            if is_new:
                created.append(delivery)

    def enqueue_created():
        for delivery in created:
            schedule(delivery)

    # Attempting inside the transaction would hold it open for the length of an HTTP request.
    transaction.on_commit(enqueue_created)
    return created
