"""/metrics for Prometheus: requests, the API cache, the task queue and snapshot lag."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from core.snapshots.models import PageSnapshot

TOKEN = "metrics-scrape-token"


@pytest.fixture
def scrape(client, settings):
    settings.METRICS_TOKEN = TOKEN

    def run() -> str:
        response = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/plain")
        return response.content.decode()

    return run


def sample(text: str, name: str, **labels) -> float:
    selector = ",".join(f'{key}="{value}"' for key, value in labels.items())
    pattern = rf"^{name}(\{{{selector}\}})? (\S+)$" if selector else rf"^{name} (\S+)$"
    match = re.search(pattern, text, flags=re.MULTILINE)
    assert match, f"{name} {labels} not in the metrics"
    return float(match.groups()[-1])


def test_metrics_are_not_served_without_a_configured_token(client, db, settings):
    settings.METRICS_TOKEN = ""
    assert client.get("/metrics").status_code == 403
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer ").status_code == 403


def test_metrics_refuse_a_scraper_without_the_token(client, db, settings):
    settings.METRICS_TOKEN = TOKEN
    assert client.get("/metrics").status_code == 403
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 403


def test_requests_are_counted_by_status(client, db, scrape, site):
    before = scrape()
    client.get("/api/v1/pages/999999")
    after = scrape()
    counted = 'healthcms_http_requests_total{method="GET",status="404"}'
    was = (
        float(re.search(rf"^{re.escape(counted)} (\S+)$", before, re.M)[1])
        if (counted in before)
        else 0
    )
    assert sample(after, "healthcms_http_requests_total", method="GET", status="404") == was + 1


def test_api_cache_hits_and_misses_are_counted(client, scrape, article):
    def count(result: str, text: str) -> float:
        line = f'healthcms_api_cache_lookups_total{{result="{result}"}}'
        found = re.search(rf"^{re.escape(line)} (\S+)$", text, re.M)
        return float(found[1]) if found else 0

    before = scrape()
    client.get("/api/v1/articles", {"locale": "en"})
    client.get("/api/v1/articles", {"locale": "en"})
    after = scrape()
    assert count("miss", after) == count("miss", before) + 1
    assert count("hit", after) == count("hit", before) + 1


def test_snapshot_lag_counts_live_pages_whose_snapshot_is_behind(scrape, article):
    assert sample(scrape(), "healthcms_snapshot_lag_pages") == 0
    PageSnapshot.objects.filter(page=article).update(revision=None)
    assert sample(scrape(), "healthcms_snapshot_lag_pages") == 1


def test_the_task_queue_depth_and_age_come_from_the_database_queue(scrape, db, settings):
    from django_tasks_db.models import DBTaskResult

    from webhooks.tasks import deliver_webhook

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    for _ in range(3):
        deliver_webhook.enqueue(1)
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(minutes=2))
    text = scrape()
    assert sample(text, "healthcms_task_queue_depth") == 3
    assert 110 <= sample(text, "healthcms_task_queue_oldest_seconds") <= 200
