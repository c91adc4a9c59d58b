"""/healthz: what a load balancer and monitoring learn, and what strangers do not."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.api.test_cache_outage import RefusedCache

TOKEN = "health-details-token"
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def test_health_check_reports_the_database(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_a_load_balancer_asking_with_the_instances_address_as_host_gets_an_answer(client, db):
    assert client.get("/healthz", HTTP_HOST="10.0.0.7").status_code == 200
    # Only /healthz: every other path still refuses a Host that is not allowed.
    assert client.get("/api/v1/site", HTTP_HOST="10.0.0.7").status_code == 400


def test_health_check_reports_a_broken_cache_as_degraded_while_the_database_answers(
    client, db, refused_cache, settings
):
    settings.HEALTHZ_TOKEN = TOKEN
    response = client.get("/healthz", HTTP_X_HEALTHZ_TOKEN=TOKEN)
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "cache": "unavailable"}
    refused_cache.now += 5  # the breaker is open: the next check does not wait for the cache
    assert client.get("/healthz").json()["status"] == "degraded"
    assert RefusedCache.calls == 1


def test_strangers_get_the_status_without_the_details(client, db, refused_cache, settings):
    settings.HEALTHZ_TOKEN = TOKEN
    assert client.get("/healthz").json() == {"status": "degraded"}
    assert client.get("/healthz", HTTP_X_HEALTHZ_TOKEN="a-guess").json() == {"status": "degraded"}


def test_details_are_never_shown_without_a_configured_token(client, db, refused_cache, settings):
    settings.HEALTHZ_TOKEN = ""
    assert client.get("/healthz", HTTP_X_HEALTHZ_TOKEN="").json() == {"status": "degraded"}


@pytest.fixture
def database_queue(settings):
    settings.TASKS = DATABASE_QUEUE
    settings.HEALTHZ_TOKEN = TOKEN
    settings.HEALTHZ_MAX_TASK_AGE_SECONDS = 300


def enqueue_task_waiting(minutes: int):
    from django_tasks_db.models import DBTaskResult

    from webhooks.tasks import deliver_webhook

    result = deliver_webhook.enqueue(123456)
    DBTaskResult.objects.filter(pk=result.id).update(
        enqueued_at=timezone.now() - timedelta(minutes=minutes)
    )


def test_a_worker_that_keeps_up_leaves_the_health_check_ok(client, db, database_queue):
    enqueue_task_waiting(minutes=1)
    body = client.get("/healthz", HTTP_X_HEALTHZ_TOKEN=TOKEN).json()
    assert body["status"] == "ok"
    assert 55 <= body["oldest_task_seconds"] <= 120


def test_a_task_waiting_longer_than_the_threshold_makes_the_health_check_degraded(
    client, db, database_queue
):
    enqueue_task_waiting(minutes=10)
    response = client.get("/healthz", HTTP_X_HEALTHZ_TOKEN=TOKEN)
    assert response.status_code == 200  # the site still serves readers
    assert response.json()["status"] == "degraded"
    assert response.json()["tasks"] == "behind"
    assert response.json()["oldest_task_seconds"] >= 600
