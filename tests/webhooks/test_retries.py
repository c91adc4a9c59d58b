"""A failing endpoint never breaks publishing; its deliveries are retried with backoff."""

from datetime import timedelta
from io import StringIO

import pytest
import requests
from django.core.management import call_command
from django.utils import timezone
from django_tasks import task_backends

from articles.models import ArticlePage
from webhooks import delivery as webhook_delivery
from webhooks.delivery import Reply
from webhooks.models import DeliveryStatus, WebhookDelivery
from webhooks.tasks import deliver, deliver_webhook

from .conftest import FRONT_END, SEARCH, FakeEndpoints


def time_passes(seconds: int = 31) -> None:
    """Move every scheduled attempt into the past, as if `seconds` had gone by."""
    for delivery in WebhookDelivery.objects.exclude(next_attempt_at=None):
        delivery.next_attempt_at -= timedelta(seconds=seconds)
        delivery.save(update_fields=["next_attempt_at"])


def wait_before_next_attempt(delivery: WebhookDelivery) -> timedelta:
    """From the start of the last attempt to the next, to the second."""
    wait = delivery.next_attempt_at - delivery.last_attempt_at
    return timedelta(seconds=round(wait.total_seconds()))


def deliver_due() -> str:
    out = StringIO()
    call_command("deliver_due_webhooks", stdout=out)
    return out.getvalue()


@pytest.fixture
def failing(endpoints):
    endpoints.answers[FRONT_END] = requests.ConnectionError("Connection refused")
    endpoints.answers[SEARCH] = 500
    return endpoints


def test_a_failing_endpoint_does_not_break_publishing(failing, committed, article):
    article.title = "Ketamine and depression, updated"
    before = timezone.now()

    committed(article.save_revision().publish)

    live = ArticlePage.objects.get(pk=article.pk)
    assert live.title == "Ketamine and depression, updated"
    assert live.live
    refused = WebhookDelivery.objects.get(endpoint=FRONT_END)
    erroring = WebhookDelivery.objects.get(endpoint=SEARCH)
    for delivery in (refused, erroring):
        assert delivery.status == DeliveryStatus.RETRYING
        assert delivery.attempts == 1
        # The first retry waits 30 seconds.
        assert before + timedelta(seconds=29) < delivery.next_attempt_at
        assert delivery.next_attempt_at < timezone.now() + timedelta(seconds=31)
    assert refused.last_status_code is None
    assert "Connection refused" in refused.last_error
    assert erroring.last_status_code == 500
    assert erroring.last_error.startswith("HTTP 500")


def test_deliver_due_webhooks_retries_a_delivery_once_it_is_due(failing, committed, article):
    committed(article.save_revision().publish)
    first = failing.to(SEARCH)[0]
    failing.answers.clear()  # the endpoints recover

    assert "No webhook delivery is due" in deliver_due()
    assert len(failing.sent) == 2

    time_passes()
    assert "2 delivered" in deliver_due()

    for delivery in WebhookDelivery.objects.all():
        assert delivery.status == DeliveryStatus.DELIVERED
        assert delivery.attempts == 2
        assert delivery.next_attempt_at is None
        assert delivery.delivered_at is not None
        assert delivery.last_error == ""
    retry = failing.to(SEARCH)[1]
    # The same change and body, freshly signed, so receivers can drop a duplicate by its id.
    assert retry.headers["X-Webhook-Id"] == first.headers["X-Webhook-Id"]
    assert retry.body == first.body
    assert retry.headers["X-Webhook-Attempt"] == "2"


def test_backoff_grows_and_the_delivery_fails_after_the_last_attempt(
    failing, committed, article, settings
):
    settings.WEBHOOK_MAX_ATTEMPTS = 3
    committed(article.save_revision().publish)
    delivery = WebhookDelivery.objects.get(endpoint=SEARCH)
    assert wait_before_next_attempt(delivery) == timedelta(seconds=30)

    time_passes()
    deliver_due()
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.RETRYING
    assert wait_before_next_attempt(delivery) == timedelta(minutes=2)

    time_passes(seconds=121)
    deliver_due()
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.attempts == 3
    assert delivery.next_attempt_at is None

    time_passes(seconds=3600)
    assert "No webhook delivery is due" in deliver_due()
    assert len(failing.to(SEARCH)) == 3


def test_a_delivery_is_not_attempted_twice_at_once(endpoints, committed, article):
    committed(article.save_revision().publish)
    delivered = WebhookDelivery.objects.get(endpoint=FRONT_END)

    assert deliver(delivered.pk) is None
    assert len(endpoints.to(FRONT_END)) == 1


def test_with_a_deferring_backend_the_retry_is_enqueued_for_its_time(
    failing, committed, article, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    backend = task_backends["default"]

    committed(article.save_revision().publish)

    # Publishing only logs and enqueues: nothing is posted until a worker runs the task.
    assert failing.sent == []
    pending = WebhookDelivery.objects.get(endpoint=SEARCH)
    assert pending.status == DeliveryStatus.PENDING
    assert sorted(deliveries_enqueued(backend)) == sorted(
        WebhookDelivery.objects.values_list("pk", flat=True)
    )

    backend.results.clear()
    assert deliver(pending.pk) == DeliveryStatus.RETRYING
    pending.refresh_from_db()
    [retry] = [result for result in backend.results if result.task.func is deliver_webhook.func]
    assert list(retry.args) == [pending.pk]
    assert retry.task.run_after == pending.next_attempt_at


def deliveries_enqueued(backend) -> list[int]:
    """The deliveries that tasks were enqueued for (Wagtail enqueues tasks of its own too)."""
    return [
        result.args[0] for result in backend.results if result.task.func is deliver_webhook.func
    ]


def test_even_a_broken_subscriber_does_not_break_publishing(
    endpoints, committed, article, monkeypatch, caplog
):
    def broken(change):
        raise RuntimeError("the payload could not be built")

    monkeypatch.setattr("webhooks.receivers.payload_for", broken)
    article.title = "Published all the same"

    committed(article.save_revision().publish)

    assert ArticlePage.objects.get(pk=article.pk).title == "Published all the same"
    assert "Could not queue webhooks" in caplog.text
    assert endpoints.sent == []


def test_the_database_worker_delivers_and_defers_retries(
    failing, committed, article, settings, monkeypatch
):
    """Production's path: publishing stores tasks; `db_worker` delivers and re-enqueues retries."""
    from django_tasks_db.management.commands import db_worker
    from django_tasks_db.models import DBTaskResult

    # The worker runs inside the test's transaction here, which it must not close.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    failing.answers.pop(FRONT_END)  # one endpoint works, the other answers 500

    committed(article.save_revision().publish)
    assert failing.sent == []
    assert DBTaskResult.objects.filter(task_path="webhooks.tasks.deliver_webhook").count() == 2

    call_command("db_worker", batch=True, startup_delay=False, verbosity=0, stdout=StringIO())

    assert WebhookDelivery.objects.get(endpoint=FRONT_END).status == DeliveryStatus.DELIVERED
    erroring = WebhookDelivery.objects.get(endpoint=SEARCH)
    assert erroring.status == DeliveryStatus.RETRYING
    retry = DBTaskResult.objects.get(task_path="webhooks.tasks.deliver_webhook", status="READY")
    assert retry.run_after == erroring.next_attempt_at


def test_a_second_claim_while_an_attempt_is_in_flight_sends_nothing(endpoints, committed, article):
    """deliver_due_webhooks (or a second worker) finds the delivery claimed and leaves it."""
    endpoints.answers[FRONT_END] = 500
    committed(article.save_revision().publish)
    delivery = WebhookDelivery.objects.get(endpoint=FRONT_END)
    time_passes()
    concurrent = []

    def post_while_another_worker_claims(url, body, headers, timeout):
        if not concurrent:
            concurrent.append(deliver(delivery.pk))
            concurrent.append(deliver_due())
        return FakeEndpoints.post(endpoints, url, body, headers, timeout)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(webhook_delivery, "post", post_while_another_worker_claims)
        assert deliver(delivery.pk) == DeliveryStatus.RETRYING

    assert concurrent == [None, "No webhook delivery is due.\n"]
    assert len(endpoints.to(FRONT_END)) == 2  # the first attempt, and this one retry
    delivery.refresh_from_db()
    assert delivery.attempts == 2


def test_an_attempt_that_outlived_its_claim_does_not_overwrite_the_next_one(
    endpoints, committed, article
):
    """A worker that stalled past its lease must not record over the attempt that replaced it."""
    endpoints.answers[FRONT_END] = 500
    committed(article.save_revision().publish)
    delivery = WebhookDelivery.objects.get(endpoint=FRONT_END)
    time_passes()
    later, stalled = [], []

    def stalled_post(url, body, headers, timeout):
        if not stalled:
            stalled.append(url)
            # The stalled worker's lease runs out; another worker takes the delivery and succeeds.
            time_passes(seconds=3600)
            endpoints.answers[FRONT_END] = 204
            later.append(deliver(delivery.pk))
            return Reply(500, "Internal Server Error")
        return FakeEndpoints.post(endpoints, url, body, headers, timeout)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(webhook_delivery, "post", stalled_post)
        deliver(delivery.pk)

    assert later == [DeliveryStatus.DELIVERED]
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.DELIVERED
    assert delivery.attempts == 3
    assert delivery.last_error == ""
