"""HTTP caching headers for the delivery API: ETag, Last-Modified, Cache-Control and 304s.

Views set `Last-Modified` (and may set their own Cache-Control, as previews do); this middleware
adds the rest to every successful GET under the API's prefix and answers conditional requests.
"""

from django.conf import settings
from django.utils.cache import get_conditional_response, patch_vary_headers, set_response_etag
from django.utils.http import http_date, parse_http_date_safe

API_PREFIX = "/api/"


def default_cache_control() -> str:
    max_age = getattr(settings, "API_CACHE_MAX_AGE", 60)
    shared_max_age = getattr(settings, "API_CACHE_S_MAXAGE", 300)
    stale = getattr(settings, "API_CACHE_STALE_WHILE_REVALIDATE", 600)
    return f"public, max-age={max_age}, s-maxage={shared_max_age}, stale-while-revalidate={stale}"


def set_last_modified(response, moment) -> None:
    if moment is not None:
        response["Last-Modified"] = http_date(moment.timestamp())


class ApiHttpCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(API_PREFIX) or request.method not in ("GET", "HEAD"):
            return response
        if response.status_code != 200 or response.streaming:
            return response
        response.setdefault("Cache-Control", default_cache_control())
        patch_vary_headers(response, ["Origin"])
        if not response.has_header("ETag"):
            set_response_etag(response)
        last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
        return get_conditional_response(
            request,
            etag=response.get("ETag"),
            last_modified=last_modified,
            response=response,
        )
