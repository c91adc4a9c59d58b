"""One attempt to deliver a webhook: claim it, post it signed, record what the endpoint answered.

Every failure of the endpoint (no answer, a timeout, a non-2xx status) is recorded on the delivery
and never raised: the caller may be an editor's publish (with the immediate task backend).
"""

import contextlib
import logging
import socket
import threading
from dataclasses import dataclass
from datetime import timedelta

import requests
from django.db.models import F
from django.utils import timezone
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

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


class AttemptTimeout(requests.Timeout):
    """The endpoint did not answer completely within the attempt's total deadline."""


class _Deadline:
    """Shuts down an attempt's sockets when its time is up, whatever they are waiting for.

    requests' timeouts apply to each read, so an endpoint that trickles a byte at a time could
    hold an attempt (and a publish, with the immediate backend) for ever. Shutting the socket
    down from a timer thread makes any blocked read or TLS handshake fail at once.
    """

    def __init__(self, seconds: float):
        self._lock = threading.Lock()
        # Duplicates of the sockets: shutdown() acts on the connection behind every duplicate,
        # and a duplicate still works after TLS wrapping has detached the original object.
        self._sockets: list[socket.socket] = []
        self.expired = False
        self._timer = threading.Timer(seconds, self.expire)
        self._timer.daemon = True

    def __enter__(self) -> "_Deadline":
        self._timer.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._timer.cancel()
        with self._lock:
            for sock in self._sockets:
                sock.close()
            self._sockets.clear()

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            watched = sock.dup()
            self._sockets.append(watched)
            if self.expired:
                self._shut(watched)

    def expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                self._shut(sock)

    @staticmethod
    def _shut(sock: socket.socket) -> None:
        # An already closed socket has nothing waiting on it.
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


class _DeadlineAdapter(HTTPAdapter):
    """An adapter whose connections register their sockets with a deadline."""

    def __init__(self, deadline: _Deadline):
        def watched(connection_class):
            class Watched(connection_class):
                def _new_conn(self):
                    sock = super()._new_conn()
                    deadline.watch(sock)
                    return sock

            return Watched

        self._pool_classes = {
            "http": type(
                "WatchedPool", (HTTPConnectionPool,), {"ConnectionCls": watched(HTTPConnection)}
            ),
            "https": type(
                "WatchedTLSPool",
                (HTTPSConnectionPool,),
                {"ConnectionCls": watched(HTTPSConnection)},
            ),
        }
        super().__init__(max_retries=0)

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = self._pool_classes

    def proxy_manager_for(self, proxy, **proxy_kwargs):
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        manager.pool_classes_by_scheme = self._pool_classes
        return manager


def post(url: str, body: bytes, headers: dict[str, str], timeout: float) -> Reply:
    """POST `body` to `url` and read the answer, all within `timeout` seconds in total.

    Raises requests' exceptions when the endpoint does not answer (AttemptTimeout when it does
    not finish answering in time).
    """
    with _Deadline(timeout) as deadline, requests.Session() as session:
        adapter = _DeadlineAdapter(deadline)
        session.mount("http://", adapter)
        session.mount("https://", adapter)
        try:
            with session.post(
                url,
                data=body,
                headers={"User-Agent": USER_AGENT, **headers},
                timeout=timeout,
                # A redirect is a misconfigured endpoint: following it would re-send the body
                # elsewhere.
                allow_redirects=False,
                stream=True,
            ) as response:
                if 200 <= response.status_code < 300:
                    return Reply(response.status_code)
                excerpt = response.raw.read(ERROR_EXCERPT_CHARS, decode_content=True) or b""
                if deadline.expired:
                    raise AttemptTimeout(f"no complete answer within {timeout} seconds")
                return Reply(response.status_code, excerpt.decode("utf-8", "replace"))
        except Exception as error:  # urllib3's errors escape requests while reading the body
            if deadline.expired and not isinstance(error, AttemptTimeout):
                raise AttemptTimeout(f"no complete answer within {timeout} seconds") from error
            raise


def _claim(delivery_id: int, lease: timedelta) -> WebhookDelivery | None:
    """Take the delivery if it is open and due, so that no other worker attempts it meanwhile.

    The claim is one conditional UPDATE, so of two workers claiming at once only one gets it. The
    next attempt time moves past how long an attempt can take (a lease, longer than the attempt's
    total deadline): if this process dies mid-attempt, the delivery becomes due again (for
    `deliver_due_webhooks`) instead of sticking.
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
    delivery = _claim(delivery_id, lease=timedelta(seconds=config.timeout_seconds + 60))
    if delivery is None:
        return None
    body = encode_body(delivery.payload)
    headers = signed_headers(
        config.secret,
        delivery.change_id,
        body,
        attempt=delivery.attempts,
        fallbacks=config.secret_fallbacks,
    )
    try:
        reply = post(delivery.endpoint, body, headers, timeout=config.timeout_seconds)
    except Exception as error:  # any failure of the endpoint is recorded, never raised
        reply, failure = None, f"{type(error).__name__}: {error}"
    else:
        failure = None if reply.ok else f"HTTP {reply.status_code}: {reply.excerpt}".strip()

    now = timezone.now()
    if failure is None:
        recorded = delivery.record_delivered(reply.status_code, now)
    else:
        recorded = delivery.record_failure(
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
    if not recorded:
        logger.warning(
            "Webhook delivery %s was taken over by another attempt; this outcome is dropped.",
            delivery_id,
        )
        return None
    return delivery
