import os
import shutil
import tempfile

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connections, transaction
from django.test import TestCase, override_settings
from wagtail.models import Locale, Site

if os.environ.get("TEST_DATABASE_TEMPLATE"):
    # `make mutate` starts pytest once per mutant, thousands of times, and migrating a new test
    # database costs each start about 20 seconds. It migrates one SQLite file instead, and each test
    # process works on its own copy of it (so parallel mutants do not share one database), with
    # media of its own (the processes are forked from one whose settings chose a media folder).
    @pytest.fixture(scope="session")
    def django_db_setup(django_db_blocker):
        handle, copy = tempfile.mkstemp(prefix="healthcms-mutant-", suffix=".sqlite3")
        os.close(handle)
        shutil.copyfile(os.environ["TEST_DATABASE_TEMPLATE"], copy)
        connection = connections["default"]
        connection.close()
        connection.settings_dict["NAME"] = copy
        media = override_settings(MEDIA_ROOT=tempfile.mkdtemp(prefix="healthcms-mutant-media-"))
        media.enable()
        yield
        media.disable()
        connection.close()
        os.remove(copy)


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
