"""Delivery over real HTTP, to a receiver on this machine's loopback address."""

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from webhooks.models import DeliveryStatus, WebhookDelivery
from webhooks.signing import verify

SECRET = "loopback-secret"


#: How long the /trickle endpoint keeps sending, a byte at a time, if nothing stops it.
TRICKLE_SECONDS = 30


class Receiver(BaseHTTPRequestHandler):
    """Verifies each webhook as docs/webhooks.md tells a front end to.

    /slow never answers (until the test ends); /trickle answers a byte every 0.2 seconds, so
    that no single read ever waits as long as the timeout.
    """

    received: list[dict]

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        genuine = verify(
            SECRET, body, self.headers["X-Webhook-Timestamp"], self.headers["X-Webhook-Signature"]
        )
        self.server.received.append({"path": self.path, "genuine": genuine, "body": body})
        if self.path == "/slow":
            self.server.released.wait(30)
            return
        if self.path == "/trickle":
            self.trickle(b"HTTP/1.1 204 No Content\r\n" + b"X-Padding: " + b"." * 500)
            return
        status = 500 if self.path == "/broken" else (204 if genuine else 401)
        self.send_response(status)
        self.end_headers()
        if status == 500:
            self.wfile.write(b"The revalidation queue is full")

    def trickle(self, data: bytes) -> None:
        stop = time.monotonic() + TRICKLE_SECONDS
        try:
            for byte in data:
                if time.monotonic() > stop or self.server.released.is_set():
                    return
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.2)
        except OSError:
            return  # the client hung up: what the deadline is for

    def log_message(self, *args):
        pass


@pytest.fixture
def receiver() -> Iterator[ThreadingHTTPServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    server.received = []
    server.released = threading.Event()
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.released.set()
    server.shutdown()
    server.server_close()


@pytest.fixture
def configure(settings, receiver):
    def run(*paths: str, timeout: float = 30):
        """A receiver that answers gets ample time, so a busy machine cannot turn its answer into
        a timeout; tests of timeouts pass a short one to endpoints that never finish."""
        host, port = receiver.server_address
        settings.WEBHOOK_ENDPOINTS = [f"http://{host}:{port}{path}" for path in paths]
        settings.WEBHOOK_SECRET = SECRET
        settings.WEBHOOK_TIMEOUT_SECONDS = timeout

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


def test_an_error_answer_is_retried_later(configure, receiver, committed, article):
    configure("/broken")

    committed(article.save_revision().publish)

    broken = WebhookDelivery.objects.get()
    assert broken.status == DeliveryStatus.RETRYING
    assert broken.last_status_code == 500
    assert "The revalidation queue is full" in broken.last_error


def test_a_silent_endpoint_is_retried_later(configure, receiver, committed, article):
    configure("/slow", timeout=0.5)  # /slow never answers: the timeout fires however busy

    committed(article.save_revision().publish)

    slow = WebhookDelivery.objects.get()
    assert slow.status == DeliveryStatus.RETRYING
    assert slow.last_status_code is None
    assert "Timeout" in slow.last_error


def test_an_endpoint_that_trickles_its_answer_is_cut_off_at_the_timeout(
    configure, receiver, committed, article
):
    """Each read gets a byte in time, but the attempt as a whole must end at its deadline."""
    configure("/trickle", timeout=1)
    started = time.monotonic()

    committed(article.save_revision().publish)

    # The deadline is 1 second; without one, the trickle holds the publish for 30 seconds.
    assert time.monotonic() - started < TRICKLE_SECONDS / 3
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.RETRYING
    assert delivery.last_status_code is None
    assert "Timeout" in delivery.last_error
