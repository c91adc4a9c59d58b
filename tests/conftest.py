import pytest
from wagtail.models import Locale, Site


@pytest.fixture
def site(db) -> Site:
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home_page(site):
    return site.root_page.specific


@pytest.fixture
def locales(db) -> dict[str, Locale]:
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache, whichever backend (local memory or Redis) runs."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
