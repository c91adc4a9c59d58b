"""One attempt to deliver a webhook: claim it, post it signed, record what the endpoint answered.

Every failure of the endpoint (no answer, a timeout, a non-2xx status) is recorded on the delivery
and never raised: the caller may be an editor's publish (with the immediate task backend).
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

import requests
from django.db.models import F
from django.utils import timezone

from webhooks.conf import webhook_settings
from webhooks.models import OPEN_STATUSES, WebhookDelivery
from webhooks.signing import encode_body, signed_headers

logger = logging.getLogger(__name__)

USER_AGENT = "HealthCMS-Webhooks/1"
#: How much of an error response to keep in the log.
ERROR_EXCERPT_CHARS = 500


@dataclass(frozen=True)
class Reply:
    status_code: int
    excerpt: str = ""

    @property
    def ok(self) -> bool:
        return 200 <= self.status_code < 300


def post(url: str, body: bytes, headers: dict[str, str], timeout: float) -> Reply:
    """POST `body` to `url`; raises requests' exceptions when the endpoint does not answer."""
    with requests.post(
        url,
        data=body,
        headers={"User-Agent": USER_AGENT, **headers},
        timeout=timeout,
        # A redirect is a misconfigured endpoint: following it would re-send the body elsewhere.
        allow_redirects=False,
        stream=True,
    ) as response:
        if 200 <= response.status_code < 300:
            return Reply(response.status_code)
        excerpt = response.raw.read(ERROR_EXCERPT_CHARS, decode_content=True) or b""
        return Reply(response.status_code, excerpt.decode("utf-8", "replace"))


def _claim(delivery_id: int, lease: timedelta) -> WebhookDelivery | None:
    """Take the delivery if it is open and due, so that no other worker attempts it meanwhile.

    The next attempt time moves past how long an attempt can take (a lease): if this process dies
    mid-attempt, the delivery becomes due again (for `deliver_due_webhooks`) instead of sticking.
    """
    now = timezone.now()
    claimed = WebhookDelivery.objects.filter(
        pk=delivery_id, status__in=OPEN_STATUSES, next_attempt_at__lte=now
    ).update(
        attempts=F("attempts") + 1,
        last_attempt_at=now,
        next_attempt_at=now + lease,
        updated_at=now,
    )
    if not claimed:
        return None
    return WebhookDelivery.objects.get(pk=delivery_id)


def attempt(delivery_id: int) -> WebhookDelivery | None:
    """Attempt a due delivery once; returns it updated, or None if it was not due (or is gone)."""
    config = webhook_settings()
    if not config.secret:
        logger.error("WEBHOOK_SECRET is not set: webhook delivery %s waits for it.", delivery_id)
        return None
    delivery = _claim(delivery_id, lease=timedelta(seconds=2 * config.timeout_seconds + 30))
    if delivery is None:
        return None
    body = encode_body(delivery.payload)
    headers = signed_headers(config.secret, delivery.change_id, body, attempt=delivery.attempts)
    try:
        reply = post(delivery.endpoint, body, headers, timeout=config.timeout_seconds)
    except Exception as error:  # any failure of the endpoint is recorded, never raised
        reply, failure = None, f"{type(error).__name__}: {error}"
    else:
        failure = None if reply.ok else f"HTTP {reply.status_code}: {reply.excerpt}".strip()

    now = timezone.now()
    if failure is None:
        delivery.record_delivered(reply.status_code, now)
    else:
        delivery.record_failure(
            failure[:2000],
            status_code=reply.status_code if reply else None,
            max_attempts=config.max_attempts,
            now=now,
        )
        logger.warning(
            "Webhook %s to %s failed (attempt %s of %s): %s",
            delivery.change_id,
            delivery.endpoint,
            delivery.attempts,
            config.max_attempts,
            failure,
        )
    return delivery
