"""Publishing purges the CDN through Wagtail's purge task and the configured backend; the HTTP
transport is recorded instead of sent."""

import pytest
from wagtail.contrib.frontend_cache import tasks as frontend_cache_tasks
from wagtail.contrib.frontend_cache.backends import http

from tests.approvals import publish_reviewed


@pytest.fixture
def sent(monkeypatch) -> list[tuple[str, str, str]]:
    """(method, URL, Host header) of each request the HTTP purge backend sends."""
    requests = []

    def record(request, *args, **kwargs):
        requests.append((request.get_method(), request.full_url, request.get_header("Host")))

    monkeypatch.setattr(http, "urlopen", record)
    return requests


@pytest.fixture
def enqueued(monkeypatch) -> list[list[str]]:
    """The API URL lists handed to Wagtail's purge task (which still runs, inline in tests).

    Wagtail's own publish handler also queues the page's HTML URL, configured CDN or not."""
    calls = []
    task = frontend_cache_tasks.purge_urls_from_cache_task

    class RecordingTask:
        def enqueue(self, urls, *args, **kwargs):
            if any("/api/v1/" in url for url in urls):
                calls.append(urls)
            return task.enqueue(urls, *args, **kwargs)

    monkeypatch.setattr(frontend_cache_tasks, "purge_urls_from_cache_task", RecordingTask())
    return calls


def test_publishing_purges_the_api_urls_that_show_the_page_through_the_configured_cdn(
    article, settings, monkeypatch, sent, enqueued, django_capture_on_commit_callbacks
):
    # The settings the environment produces for FRONTEND_CACHE_BACKEND=http.
    monkeypatch.setenv("FRONTEND_CACHE_PURGE_URL", "http://varnish.internal:6081")
    settings.WAGTAILFRONTENDCACHE = {"default": settings.FRONTEND_CACHE_BACKENDS["http"]()}
    settings.API_PUBLIC_URL = "https://api.example.org"
    with django_capture_on_commit_callbacks(execute=True):
        publish_reviewed(article)
    assert len(enqueued) == 1
    varnish = "http://varnish.internal:6081/api/v1"
    assert ("PURGE", f"{varnish}/pages/{article.pk}?locale=en", "api.example.org") in sent
    assert (
        "PURGE",
        f"{varnish}/pages/resolve?path=%2Fen%2Farticles%2F{article.slug}%2F",
        "api.example.org",
    ) in sent
    assert ("PURGE", f"{varnish}/articles?locale=en", "api.example.org") in sent
    assert {method for method, _url, _host in sent} == {"PURGE"}


def test_nothing_is_purged_or_queued_without_a_configured_cdn(
    article, settings, sent, enqueued, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = None
    settings.WAGTAILFRONTENDCACHE_LOCATION = None
    with django_capture_on_commit_callbacks(execute=True):
        publish_reviewed(article)
    assert enqueued == []
    assert sent == []


def test_publishing_an_article_or_saving_a_person_purges_the_profiles_of_the_people_credited(
    article, spanish, settings, monkeypatch, sent, enqueued, django_capture_on_commit_callbacks
):
    monkeypatch.setenv("FRONTEND_CACHE_PURGE_URL", "http://varnish.internal:6081")
    settings.WAGTAILFRONTENDCACHE = {"default": settings.FRONTEND_CACHE_BACKENDS["http"]()}
    settings.API_PUBLIC_URL = "https://api.example.org"
    author, reviewer = article.author, article.medical_reviewer
    spanish_author = author.copy_for_translation(spanish)
    spanish_author.save()
    api = "https://api.example.org/api/v1"

    with django_capture_on_commit_callbacks(execute=True):
        publish_reviewed(article)
    purged = set(enqueued[-1])
    for person in (author, spanish_author, reviewer):
        assert f"{api}/people/{person.pk}" in purged
        assert f"{api}/people/{person.pk}?locale=ar" in purged

    enqueued.clear()
    author.credentials = "Psychiatrist"
    with django_capture_on_commit_callbacks(execute=True):
        author.save()
    assert f"{api}/people/{author.pk}?locale=es" in set(enqueued[-1])
