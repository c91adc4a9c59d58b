"""Prometheus metrics at /metrics (prometheus-client): requests, the API cache, the task queue,
and snapshot lag.

Counters live in each process; with several gunicorn workers, set PROMETHEUS_MULTIPROC_DIR
(deploy/gunicorn.conf.py) so that a scrape adds up every worker. The queue and the snapshot
lag are read from the database when scraped, so they are the same whichever server answers.
"""

import hmac
import os

from django.conf import settings
from django.http import HttpResponse, HttpResponseForbidden
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily

REQUESTS = Counter(
    "healthcms_http_requests", "HTTP responses, by status code and method", ["status", "method"]
)
API_CACHE = Counter(
    "healthcms_api_cache_lookups", "API response cache lookups, by result", ["result"]
)


class MetricsMiddleware:
    """Counts every response, and the API response cache's hits and misses (its X-Cache)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        REQUESTS.labels(status=str(response.status_code), method=request.method).inc()
        if (cached := response.get("X-Cache")) in {"HIT", "MISS"}:
            API_CACHE.labels(result=cached.lower()).inc()
        return response


class DatabaseCollector:
    """Gauges read at scrape time: the task queue and live pages whose snapshot is behind."""

    def collect(self):
        from core.snapshots.rebuild import live_pages_without_snapshots, stale_snapshots
        from ops.health import oldest_pending_task_age

        depth = GaugeMetricFamily(
            "healthcms_task_queue_depth", "Background tasks ready to run and not started"
        )
        age = GaugeMetricFamily(
            "healthcms_task_queue_oldest_seconds", "How long the oldest ready task has waited"
        )
        backend = settings.TASKS.get("default", {}).get("BACKEND", "")
        if backend == "django_tasks_db.DatabaseBackend":
            from django_tasks_db.models import DBTaskResult

            depth.add_metric([], DBTaskResult.objects.ready().count())
            age.add_metric([], oldest_pending_task_age() or 0.0)
        yield depth
        yield age
        lag = GaugeMetricFamily(
            "healthcms_snapshot_lag_pages",
            "Live pages whose publication snapshot is missing or older than their live revision",
        )
        stale_pages = stale_snapshots().values("page_id").distinct().count()
        lag.add_metric([], stale_pages + live_pages_without_snapshots().count())
        yield lag


def registry() -> CollectorRegistry:
    metrics = CollectorRegistry()
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.MultiProcessCollector(metrics)
    else:
        metrics.register(REQUESTS)
        metrics.register(API_CACHE)
    metrics.register(DatabaseCollector())
    return metrics


def metrics_view(request):
    """The metrics, for a scraper that sends `Authorization: Bearer <METRICS_TOKEN>`.

    Without METRICS_TOKEN every scrape is refused: the endpoint is never public by accident.
    """
    token = getattr(settings, "METRICS_TOKEN", "") or ""
    given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    if not token or not hmac.compare_digest(token.encode(), given.encode()):
        return HttpResponseForbidden("Send Authorization: Bearer <METRICS_TOKEN>.")
    return HttpResponse(generate_latest(registry()), content_type=CONTENT_TYPE_LATEST)
