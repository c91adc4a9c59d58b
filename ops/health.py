"""/healthz for load balancers: the database, the cache and the task worker's queue.

Anyone may ask (a load balancer uses the instance's address as Host, see ops.middleware), so the
public answer is only the status; the details need the HEALTHZ_TOKEN.
"""

import hmac

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone

from core.cache_breaker import cache_is_available

TOKEN_HEADER = "X-Healthz-Token"  # noqa: S105  (a header name)


def oldest_pending_task_age() -> float | None:
    """Seconds the oldest task that is ready to run has waited; None without the database queue."""
    backend = settings.TASKS.get("default", {}).get("BACKEND", "")
    if backend != "django_tasks_db.DatabaseBackend":
        return None
    from django_tasks_db.models import DBTaskResult

    oldest = (
        DBTaskResult.objects.ready()
        .order_by("enqueued_at")
        .values_list("enqueued_at", flat=True)
        .first()
    )
    return 0.0 if oldest is None else (timezone.now() - oldest).total_seconds()


def may_see_details(request) -> bool:
    token = getattr(settings, "HEALTHZ_TOKEN", "") or ""
    given = request.headers.get(TOKEN_HEADER, "")
    return bool(token) and hmac.compare_digest(token.encode(), given.encode())


def healthz(request):
    """200 "ok"; 200 "degraded" when the site still serves readers (cache down, worker behind);
    503 "unavailable" when the database does not answer.

    A cache that does not answer leaves the site serving (uncached, from the database), and a
    worker that is behind delays only background work: taking servers out of rotation would not
    help readers, so monitoring alerts on "degraded" instead.
    """
    details: dict[str, object] = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        return _answer(request, "unavailable", {"database": "down"}, status=503)
    status = "ok"
    if not all(cache_is_available(caches[alias]) for alias in settings.CACHES):
        status, details["cache"] = "degraded", "unavailable"
    try:
        age = oldest_pending_task_age()
    except Exception:
        age = None
        status, details["tasks"] = "degraded", "unknown"
    if age is not None:
        details["oldest_task_seconds"] = round(age)
        if age > settings.HEALTHZ_MAX_TASK_AGE_SECONDS:
            status, details["tasks"] = "degraded", "behind"
    return _answer(request, status, details)


def _answer(request, health: str, details: dict, status: int = 200) -> JsonResponse:
    body: dict[str, object] = {"status": health}
    if may_see_details(request):
        body.update(details)
    response = JsonResponse(body, status=status)
    response["Cache-Control"] = "no-store"
    return response
