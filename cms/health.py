from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.http import JsonResponse

from core.cache_breaker import cache_is_available


def healthz(request):
    """Liveness and readiness for load balancers: the process answers and the database is up.

    A cache that does not answer leaves the site serving (uncached, from the database), so it is
    reported as degraded with a 200: taking servers out of rotation would not help readers.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    if not all(cache_is_available(caches[alias]) for alias in settings.CACHES):
        return JsonResponse({"status": "degraded", "cache": "unavailable"})
    return JsonResponse({"status": "ok"})
