"""The ceiling: a Django view that returns a JSON body of a given size and does nothing else."""

import json
from functools import lru_cache

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest

MAX_BYTES = 10_000_000


@lru_cache(maxsize=16)
def json_body(size: int) -> bytes:
    """A JSON document of exactly `size` bytes (at least the envelope's 15)."""
    envelope = json.dumps({"padding": ""}).encode()
    return envelope[:-2] + b"x" * max(size - len(envelope), 0) + envelope[-2:]


def trivial_json(request: HttpRequest) -> HttpResponse:
    """GET /api/bench/trivial?bytes=N: the same middleware as the API, no database, no work."""
    try:
        size = int(request.GET.get("bytes", "1000"))
    except ValueError:
        return HttpResponseBadRequest("bytes must be a whole number")
    if not 0 <= size <= MAX_BYTES:
        return HttpResponseBadRequest(f"bytes must be between 0 and {MAX_BYTES}")
    return HttpResponse(json_body(size), content_type="application/json")
