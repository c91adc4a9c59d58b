import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase
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


@pytest.fixture
def crisis_lines(db):
    """Crisis lines in English, Spanish and Arabic, chosen for the site: without them no article
    passes the publication gate (core.rules)."""
    from tests.core.factories import crisis_lines_in

    return crisis_lines_in("es", "ar")


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache, whichever backend (local memory or Redis) runs."""
    from django.core.cache import cache

    # On Redis, delete only this test process's keys (parallel processes share the server).
    empty = getattr(cache, "delete_pattern", None) or (lambda pattern: cache.clear())
    empty("*")
    yield
    empty("*")


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language, as each request does: the test client's
    requests to /es/ or /ar/ routes leave their language active in the test's thread (Django's
    LocaleMiddleware activates it and nothing resets it), and lazy reader-facing words of the
    next test would come out in it."""
    from django.utils import translation

    with translation.override(None):
        translation.activate(settings.LANGUAGE_CODE)
        yield


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker):
    """A transaction around a whole test module, rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def demo_content(module_db):
    """The whole demo (about five seconds to load), once per module that asks for it.

    Each test still runs in its own savepoint (request `db` too), so its changes are undone.
    """
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("load_demo_content", verbosity=0)
