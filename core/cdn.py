"""Purge the CDN in front of the API when content changes, through wagtail.contrib.frontend_cache.

The CDN caches API URLs, so those are what is purged: each affected page's route and id in its
locale, and the listings (registered by the apps that own them, `register_listing`) of the
affected locales, and what apps name for a change (`register_related`). Purging runs as a background
task (Wagtail's own), so a slow CDN never slows publishing. Configured from the environment in
settings (FRONTEND_CACHE_*); without configuration nothing is sent.
"""

from collections.abc import Callable, Iterable
from urllib.parse import urlencode

from django.conf import settings
from django.dispatch import receiver
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

from core.events import ContentChange, content_changed

API_PREFIX = "/api/v1"

#: Listing endpoints whose responses change with any content change: path -> whether the
#: endpoint is also requested without a locale (the default locale).
_listings: dict[str, bool] = {}


#: Functions that name more API paths a change affects (e.g. the profiles of the people
#: credited on changed articles), registered by the apps that serve them.
_related: list[Callable[[ContentChange], Iterable[str]]] = []


def register_listing(path: str, *, without_locale: bool = True) -> None:
    """Purge `path` (e.g. "/articles") for the affected locales on every content change."""
    _listings[path] = without_locale


def register_related(paths_for: Callable[[ContentChange], Iterable[str]]) -> None:
    """Purge the paths `paths_for(change)` names (e.g. "/people/7"), asked for in any locale
    (their answers fall back along every reader's chain), on each content change."""
    _related.append(paths_for)


def api_urls_for(change: ContentChange) -> list[str]:
    base = getattr(settings, "API_PUBLIC_URL", "").rstrip("/") + API_PREFIX
    urls: set[str] = set()
    for page in change.pages:
        if page.path:
            urls.add(f"{base}/pages/resolve?{urlencode({'path': page.path})}")
        urls.add(f"{base}/pages/{page.id}")
        urls.add(f"{base}/pages/{page.id}?{urlencode({'locale': page.locale})}")
    locales = change.locales or [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    for listing, without_locale in _listings.items():
        urls.update(f"{base}{listing}?{urlencode({'locale': locale})}" for locale in locales)
        if without_locale:
            urls.add(f"{base}{listing}")
    every_locale = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    for paths_for in _related:
        for path in paths_for(change):
            urls.add(f"{base}{path}")
            urls.update(f"{base}{path}?{urlencode({'locale': code})}" for code in every_locale)
    return sorted(urls)


@receiver(content_changed, dispatch_uid="core.cdn.purge")
def purge_api_urls(sender, change: ContentChange, **kwargs) -> None:
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    purge_urls_from_cache(api_urls_for(change))
