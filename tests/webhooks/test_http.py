"""Delivery over real HTTP, to a receiver on this machine's loopback address."""

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from webhooks.models import DeliveryStatus, WebhookDelivery
from webhooks.signing import verify

SECRET = "loopback-secret"


class Receiver(BaseHTTPRequestHandler):
    """Verifies each webhook as docs/webhooks.md tells a front end to; /slow never answers."""

    received: list[dict]

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        genuine = verify(
            SECRET, body, self.headers["X-Webhook-Timestamp"], self.headers["X-Webhook-Signature"]
        )
        self.server.received.append({"path": self.path, "genuine": genuine, "body": body})
        if self.path == "/slow":
            time.sleep(3)
        status = 500 if self.path == "/broken" else (204 if genuine else 401)
        self.send_response(status)
        self.end_headers()
        if status == 500:
            self.wfile.write(b"The revalidation queue is full")

    def log_message(self, *args):
        pass


@pytest.fixture
def receiver() -> Iterator[ThreadingHTTPServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    server.received = []
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def configure(settings, receiver):
    def run(*paths: str):
        host, port = receiver.server_address
        settings.WEBHOOK_ENDPOINTS = [f"http://{host}:{port}{path}" for path in paths]
        settings.WEBHOOK_SECRET = SECRET
        settings.WEBHOOK_TIMEOUT_SECONDS = 1

    return run


def test_a_receiver_verifies_the_signature_and_acknowledges(
    configure, receiver, committed, article
):
    configure("/revalidate")

    committed(article.save_revision().publish)

    [request] = receiver.received
    assert request["genuine"]
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.DELIVERED
    assert delivery.last_status_code == 204


def test_an_error_answer_and_a_silent_endpoint_are_retried_later(
    configure, receiver, committed, article
):
    configure("/broken", "/slow")
    started = time.monotonic()

    committed(article.save_revision().publish)

    # The silent endpoint costs at most its timeout (1 second here), never more.
    assert time.monotonic() - started < 2.5
    broken = WebhookDelivery.objects.get(endpoint__endswith="/broken")
    assert broken.status == DeliveryStatus.RETRYING
    assert broken.last_status_code == 500
    assert "The revalidation queue is full" in broken.last_error
    slow = WebhookDelivery.objects.get(endpoint__endswith="/slow")
    assert slow.status == DeliveryStatus.RETRYING
    assert slow.last_status_code is None
    assert "Timeout" in slow.last_error
