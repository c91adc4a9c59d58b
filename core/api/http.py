"""HTTP caching headers for the delivery API: ETag, Last-Modified, Cache-Control and 304s.

Views set `Last-Modified` (and may set their own Cache-Control, as previews do); this middleware
adds the rest to every successful GET under the API's prefix and answers conditional requests.
"""

import json
from http import HTTPStatus

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers, set_response_etag
from django.utils.http import http_date, parse_http_date_safe
from wagtail.api.v3.errors import PROBLEM_JSON

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


class ApiProtocolMiddleware:
    """HTTP as clients expect it everywhere under the API's prefix: HEAD wherever GET works (the
    GET's headers, no body), and problem details for the 404s and 405s that no view answered
    (an unknown path, a method the route does not take)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        head = request.method == "HEAD"
        if head:
            request.method = "GET"
        response = self.get_response(request)
        if response.status_code in (404, 405) and not response.get("Content-Type", "").startswith(
            PROBLEM_JSON
        ):
            response = self._problem(response)
        if head:
            response.content = b""  # Content-Length stays that of the GET
        return response

    @staticmethod
    def _problem(response):
        detail = {
            404: "There is no API endpoint at this path.",
            405: "This endpoint does not answer this method.",
        }[response.status_code]
        problem = HttpResponse(
            json.dumps(
                {
                    "type": "about:blank",
                    "title": HTTPStatus(response.status_code).phrase,
                    "status": response.status_code,
                    "detail": detail,
                }
            ),
            status=response.status_code,
            content_type=PROBLEM_JSON,
        )
        if response.has_header("Allow"):
            allowed = [method.strip() for method in response["Allow"].split(",")]
            problem["Allow"] = ", ".join([*allowed, *(["HEAD"] if "GET" in allowed else [])])
        return problem
