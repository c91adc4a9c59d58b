"""A response cache for the delivery API, invalidated precisely when content changes.

Views tag what a response shows (`tag(request, ...)`): the page families it contains
(`family:<translation key>`), the page types it lists (`type:<label>`), the safety information.
A cached response stores the version token of each of its tags; publishing replaces the tokens of
the tags a change touches (core.events), so the very next request misses and is rebuilt. Nothing
is scanned or deleted, which works the same on Redis and on local memory.

Only responses whose view declared tags are cached, so redirects, errors and previews never are.
When the cache backend fails (Redis down), the API answers uncached and logs a warning.
"""

import hashlib
import logging
import uuid
from collections.abc import Iterable

from django.conf import settings
from django.core.cache import caches
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse

from core.api.params import is_tracking_parameter
from core.events import ContentChange, content_changed

logger = logging.getLogger(__name__)

API_PATH = "/api/v1/"
UNCACHED_PATHS = ("/api/v1/preview",)


def cache_seconds() -> int:
    return getattr(settings, "API_RESPONSE_CACHE_SECONDS", 300)


def tag(request: HttpRequest, *tags: str) -> None:
    """Declare what this response shows, so that changes to it invalidate the response.

    Views declare tags before they read what the tags stand for: each tag's version token is
    read now, so a change made while the response is built makes it stale at once, instead of
    being stored as fresh with the newer token.
    """
    if request is None:
        return
    if not hasattr(request, "api_cache_tags"):
        request.api_cache_tags = set()
    new = [name for name in tags if name not in request.api_cache_tags]
    request.api_cache_tags.update(tags)
    if new and hasattr(request, "api_cache_tokens"):  # the middleware will store the response
        request.api_cache_tokens.update(_current_tokens(new))


def _current_tokens(names: list[str]) -> dict[str, str]:
    """Each tag's version token, created for tags that have none yet; {} when the cache fails."""
    cache = _cache()
    try:
        tokens = cache.get_many([_tag_key(name) for name in names])
        missing = {_tag_key(name): uuid.uuid4().hex for name in names}
        missing = {key: token for key, token in missing.items() if key not in tokens}
        if missing:
            cache.set_many(missing, timeout=None)
            tokens.update(missing)
    except Exception:
        logger.warning("API response cache unavailable; answering uncached", exc_info=True)
        return {}
    return {name: tokens[_tag_key(name)] for name in names}


def _cache():
    return caches[getattr(settings, "API_RESPONSE_CACHE_ALIAS", "default")]


def _tag_key(name: str) -> str:
    return f"api:tag:{hashlib.sha1(name.encode()).hexdigest()}"  # noqa: S324 (a key, not a secret)


def _response_key(request: HttpRequest) -> str:
    # Tracking parameters change nothing in the answer: one entry serves every campaign.
    kept = request.GET.copy()
    for name in [name for name in kept if is_tracking_parameter(name)]:
        del kept[name]
    query = "&".join(sorted(kept.urlencode().split("&")))
    digest = hashlib.sha256(f"{request.path}?{query}".encode()).hexdigest()
    return f"api:response:{digest}"


def invalidate(tags: Iterable[str]) -> None:
    tags = list(tags)
    if not tags:
        return
    try:
        _cache().set_many({_tag_key(name): uuid.uuid4().hex for name in tags}, timeout=None)
    except Exception:
        logger.warning("Could not invalidate cached API responses", exc_info=True)


@receiver(content_changed, dispatch_uid="core.api.cache.invalidate")
def invalidate_on_change(sender, change: ContentChange, **kwargs) -> None:
    invalidate(change.tags)


class ApiResponseCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not self._eligible(request):
            return self.get_response(request)
        # CommonMiddleware validates the Host only after this one; a cached answer must not skip
        # that (DisallowedHost becomes Django's 400).
        request.get_host()
        key = _response_key(request)
        cached = self._lookup(key)
        if cached is not None:
            return cached
        request.api_cache_tags = set()
        request.api_cache_tokens = {}
        response = self.get_response(request)
        if self._store(key, request, response):
            response["X-Cache"] = "MISS"
        return response

    @staticmethod
    def _eligible(request: HttpRequest) -> bool:
        return (
            cache_seconds() > 0
            and request.method in ("GET", "HEAD")
            and request.path.startswith(API_PATH)
            and not request.path.startswith(UNCACHED_PATHS)
        )

    @staticmethod
    def _lookup(key: str) -> HttpResponse | None:
        cache = _cache()
        try:
            entry = cache.get(key)
            if entry is None:
                return None
            current = cache.get_many([_tag_key(name) for name in entry["tags"]])
        except Exception:
            logger.warning("API response cache unavailable; answering uncached", exc_info=True)
            return None
        if any(current.get(_tag_key(name)) != token for name, token in entry["tags"].items()):
            return None
        response = HttpResponse(entry["body"], status=200)
        for header, value in entry["headers"]:
            response[header] = value
        response["X-Cache"] = "HIT"
        return response

    @staticmethod
    def _store(key: str, request: HttpRequest, response: HttpResponse) -> bool:
        """Cache a taggable, public 200 response; True when it was stored."""
        tags = getattr(request, "api_cache_tags", set())
        tokens = getattr(request, "api_cache_tokens", {})
        cache_control = response.get("Cache-Control", "")
        if (
            not tags
            or set(tokens) != tags
            or response.status_code != 200
            or response.streaming
            or "private" in cache_control
            or "no-store" in cache_control
        ):
            return False
        try:
            _cache().set(
                key,
                {
                    "body": response.content,
                    "headers": [
                        (header, value)
                        for header, value in response.items()
                        if header in ("Content-Type", "Content-Language", "Last-Modified")
                    ],
                    "tags": tokens,
                },
                timeout=cache_seconds(),
            )
        except Exception:
            logger.warning("Could not store an API response in the cache", exc_info=True)
            return False
        return True
