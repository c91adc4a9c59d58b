"""Browser tests: the real Wagtail admin in headless Chromium, driven by Playwright.

The tests use Debian's Chromium (`make browser` installs it with apt-get); Playwright never
downloads a browser of its own. Without it, the tests are skipped on a developer's machine and
fail under CI (CI=true), so that a CI machine cannot pass without running them.

Each user signs in in a browser context of their own (`new_context` from pytest-playwright,
which also keeps a screenshot and a trace of every open page when a test fails; see
docs/testing.md). The Django server is pytest-django's `live_server`, a thread of the test
process that shares its test database.
"""

import os
import re
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.servers.basehttp import ThreadedWSGIServer
from django.test.testcases import LiveServerThread
from playwright.sync_api import BrowserContext, Page, expect, sync_playwright
from pytest_django.live_server_helper import LiveServer
from wagtail.models import Locale, Site

from articles.models import Person
from core.models import CrisisLine, SafetyInformation, SafetySettings
from core.translators import translators_group_name
from editorial.roles import EDITORS, MEDICAL_REVIEWERS, WRITERS
from editorial.translation_review import reviewers_group_name
from tests.approvals import publish_reviewed
from tests.articles.factories import ArticleIndexPageFactory

CHROMIUM = Path(os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these, Chromium calls home, and closed networks refuse or stall the connections.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Fail fast: a missing button should not cost 30 seconds of CI time.
ACTION_TIMEOUT_MS = 15_000
NAVIGATION_TIMEOUT_MS = 30_000

PASSWORD = "e2e-a-long-password"


class OneDatabaseRequestAtATimeServer(ThreadedWSGIServer):
    """Django's threaded live server, with the requests that reach Django run one at a time.

    The browser sends requests in parallel (a page and its assets, Wagtail's autosaves and
    editing-session pings, a leaving page's release beacon). Django's live server would run
    them at once on the test's SQLite in-memory connection, which it shares with every thread,
    and SQLite answers "database table is locked". Static files, which need no database, are
    still served in parallel.
    """

    def set_app(self, application):
        self.database_lock = threading.Lock()
        self.serving = True
        static_prefix = urlsplit(settings.STATIC_URL).path

        def one_at_a_time(environ, start_response):
            if environ.get("PATH_INFO", "").startswith(static_prefix):
                return application(environ, start_response)
            with self.database_lock:
                if not self.serving:
                    start_response("503 Service Unavailable", [("Content-Length", "0")])
                    return [b""]
                response = application(environ, start_response)
                try:
                    return [b"".join(response)]
                finally:
                    if hasattr(response, "close"):
                        response.close()

        super().set_app(one_at_a_time)


class E2ELiveServerThread(LiveServerThread):
    server_class = OneDatabaseRequestAtATimeServer


@pytest.fixture(scope="session")
def live_server(django_db_setup):
    """pytest-django's live server (static files, shared in-memory SQLite), made safe for SQLite.

    It asks for the test database first: started before it, the server would not share the
    test's in-memory connection, and its threads would open connections of their own.
    """
    server = LiveServer("127.0.0.1", start=False)
    threaded = server.thread
    server.thread = E2ELiveServerThread(
        threaded.host,
        static_handler=threaded.static_handler,
        connections_override=threaded.connections_override,
        port=threaded.port,
    )
    server.thread.daemon = True
    server.start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def _server_quiet_while_the_database_is_emptied(live_server):
    """Between browser tests the server answers no request that would touch the database.

    A closing page still sends requests (Wagtail's editing-session release beacon); run while
    the test's teardown empties the database, one held SQLite's session table ("database table
    is locked"), the flush failed and the next test found the previous test's users.
    """
    server = live_server.thread.httpd
    with server.database_lock:
        server.serving = True
    yield
    with server.database_lock:  # waits for the request in progress, if any
        server.serving = False


# Playwright's sync API runs an event loop in the test's thread, so Django refuses database
# access there ("You cannot call this from an async context") unless this is set. It is set only
# while a browser test runs (setup to teardown, which empties the database): a process-wide
# setting would reach other tests' subprocesses, e.g. `manage.py check --deploy`, which rejects it.
ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    item.stash[_previous_async_unsafe] = os.environ.get(ASYNC_UNSAFE)
    os.environ[ASYNC_UNSAFE] = "true"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    try:
        return (yield)
    finally:
        previous = item.stash.get(_previous_async_unsafe, None)
        if previous is None:
            os.environ.pop(ASYNC_UNSAFE, None)
        else:
            os.environ[ASYNC_UNSAFE] = previous


_previous_async_unsafe = pytest.StashKey[str | None]()


def running_in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, django_db_setup):
    """pytest-playwright's launch options (--headed, --slowmo) with Debian's Chromium.

    Requested before Playwright starts; asking for the test database here makes it exist before
    Playwright's event loop runs and outlive it, so that Django can destroy it afterwards.
    """
    if not CHROMIUM.exists():
        reason = (
            f"Chromium is not installed at {CHROMIUM}: run `make browser` (apt-get install "
            "chromium) to run the browser tests."
        )
        if running_in_ci():
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": CHROMIUM_ARGS,
    }


# pytest-playwright keeps Playwright, its event loop and Chromium running for the whole session.
# Under pytest-xdist the worker that ran the browser tests goes on with other tests; narrowed to
# the module, Playwright and Chromium stop when the browser tests are done, so those tests run
# without a browser in memory or an event loop in their thread.
@pytest.fixture(scope="module")
def playwright(_pw_api_request_contexts):
    with sync_playwright() as running:
        if _pw_api_request_contexts:
            _pw_api_request_contexts.instrument(running)
        yield running


@pytest.fixture(scope="session")
def _serialized_test_database(django_db_setup):
    """The test database's contents as serialized after migrating, read before Playwright starts.

    Playwright's sync API runs the tests in a greenlet with a context of its own, where Django's
    context-local `connections` hands out a new connection object that lacks
    `_test_serialized_contents`: `serialized_rollback` then restores nothing, and a browser test
    finds the database that the previous one emptied (no locales, groups or home page).
    """
    from django.db import connections

    return {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }


@pytest.fixture(scope="module", autouse=True)
def _serialized_rollback_inside_playwright(_serialized_test_database, playwright):
    """Give the connections that browser tests use the serialized contents to restore."""
    from django.db import connections

    for alias, contents in _serialized_test_database.items():
        connections[alias]._test_serialized_contents = contents


@pytest.fixture(scope="module")
def browser_type(playwright, browser_name):
    return getattr(playwright, browser_name)


@pytest.fixture(scope="module")
def launch_browser(browser_type_launch_args, browser_type):
    def launch(**options):
        return browser_type.launch(**{**browser_type_launch_args, **options})

    return launch


@pytest.fixture(scope="module")
def browser(launch_browser):
    browser = launch_browser()
    yield browser
    browser.close()


@pytest.fixture(scope="module")
def browser_context_args(pytestconfig, playwright, device, live_server, _pw_artifacts_folder):
    """pytest-playwright's context options (--device, --video), for the live server."""
    options = dict(playwright.devices[device]) if device else {}
    if pytestconfig.getoption("--video") in ("on", "retain-on-failure"):
        options["record_video_dir"] = _pw_artifacts_folder.name
    return {
        **options,
        "base_url": live_server.url,
        "viewport": {"width": 1440, "height": 900},
        # The admin's language follows the browser's when the user has not chosen one.
        "locale": "en-US",
        "timezone_id": "UTC",
    }


@pytest.fixture
def sign_in(new_context):
    """Open a browser context of its own for a user, signed in to the admin; returns its page."""

    def sign_in(username: str) -> Page:
        context: BrowserContext = new_context()
        context.set_default_timeout(ACTION_TIMEOUT_MS)
        context.set_default_navigation_timeout(NAVIGATION_TIMEOUT_MS)
        page = context.new_page()
        page.goto("/admin/login/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        expect(page).to_have_url(re.compile(r"/admin/$"))
        return page

    return sign_in


@pytest.fixture
def newsroom(transactional_db):
    """What an editorial team has before its first article: accounts in each role, people to
    credit, crisis lines in English and Spanish, and a live English article index.

    Everything else (the article, its review, publishing and translation) happens in the admin.
    """
    User = get_user_model()
    english = Locale.objects.get(language_code="en")
    spanish = Locale.objects.get(language_code="es")

    users = {}
    for username, group, first_name in [
        ("writer", WRITERS, "Wren"),
        ("reviewer", MEDICAL_REVIEWERS, "Tomas"),
        ("editor", EDITORS, "Edie"),
        ("translator", translators_group_name("es"), "Tala"),
        ("revisora", reviewers_group_name("es"), "Lucía"),
        ("revisor-ar", reviewers_group_name("ar"), "Amal"),
    ]:
        user = User.objects.create_user(
            username=username,
            email=f"{username}@example.org",
            password=PASSWORD,
            first_name=first_name,
            last_name="Tester",
        )
        user.groups.add(Group.objects.get(name=group))
        users[username] = user

    author = Person.objects.create(
        name="Noor Halvorsen",
        credentials="Health writer",
        is_author=True,
        locale=english,
    )
    reviewer = Person.objects.create(
        name="Dr. Tomas Okafor-Lind",
        credentials="MD, psychiatrist",
        is_medical_reviewer=True,
        user=users["reviewer"],
        locale=english,
    )

    safety = SafetyInformation(
        locale=english, name="Default", disclaimer="<p>This article does not replace advice.</p>"
    )
    safety.crisis_lines = [
        CrisisLine(locale=english, country="US", name="988 Lifeline", phone="988"),
    ]
    safety.save()
    spanish_safety = SafetyInformation(
        locale=spanish,
        translation_key=safety.translation_key,
        name="Default",
        disclaimer="<p>Este artículo no sustituye el consejo de un profesional.</p>",
        crisis_heading="Si estás en crisis",
    )
    spanish_safety.crisis_lines = [
        CrisisLine(locale=spanish, country="ES", name="Línea 024", phone="024"),
    ]
    spanish_safety.save()
    site = Site.objects.get(is_default_site=True)
    safety_settings = SafetySettings.for_site(site)
    safety_settings.safety_information = safety
    safety_settings.save()

    # Creating an English article index grants the roles on it and assigns the review workflow.
    index = ArticleIndexPageFactory(parent=site.root_page.specific)
    publish_reviewed(index)

    return {"users": users, "author": author, "reviewer": reviewer, "article_index": index}
