import logging

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.approvals import publish_reviewed

from .conftest import build_article, paragraph


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish like an editor: the change is announced when the transaction commits."""

    def run(page):
        with django_capture_on_commit_callbacks(execute=True):
            publish_reviewed(page)

    return run


def test_a_repeated_listing_is_served_from_the_cache_without_queries(api, article):
    first = api("/articles", locale="es")
    assert first["X-Cache"] == "MISS"
    with CaptureQueriesContext(connection) as queries:
        second = api("/articles", locale="es")
    assert second["X-Cache"] == "HIT"
    assert len(queries) == 0
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]


def test_a_request_for_a_host_the_site_does_not_serve_is_refused_even_when_cached(api, article):
    assert api("/articles", locale="es")["X-Cache"] == "MISS"
    assert api("/articles", locale="es")["X-Cache"] == "HIT"
    refused = api("/articles", locale="es", headers={"Host": "attacker.example"})
    assert refused.status_code == 400
    assert "X-Cache" not in refused
    assert article.title not in refused.content.decode()


def test_publishing_shows_at_once_on_the_page_its_listing_and_pages_linking_to_it(
    api, article_index, publish
):
    target = build_article(article_index, title="Esketamine")
    linking = build_article(
        article_index,
        title="Linking",
        blocks=[paragraph(f'See <a linktype="page" id="{target.pk}">this</a>.')],
    )
    api(f"/pages/{target.pk}")
    api("/articles")
    api(f"/pages/{linking.pk}")

    target.title = "Esketamine, revised"
    target.slug = "esketamine-revised"
    publish(target)

    assert api(f"/pages/{target.pk}").json()["title"] == "Esketamine, revised"
    assert "Esketamine, revised" in [card["title"] for card in api("/articles").json()["items"]]
    linked_html = api(f"/pages/{linking.pk}").json()["content"]["science"][1]["value"]
    assert "/en/articles/esketamine-revised/" in linked_html


def test_unpublishing_removes_the_page_at_once(api, article, django_capture_on_commit_callbacks):
    assert api("/articles").json()["count"] == 1
    assert api(f"/pages/{article.pk}").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()
    assert api("/articles").json()["count"] == 0
    assert api(f"/pages/{article.pk}").status_code == 404


def test_changing_an_author_revalidates_every_article_that_credits_them(
    api, article, django_capture_on_commit_callbacks
):
    assert api(f"/pages/{article.pk}").json()["content"]["author"]["name"] == article.author.name
    author = article.author
    author.name = "Renamed Writer"
    with django_capture_on_commit_callbacks(execute=True):
        author.save()
    assert api(f"/pages/{article.pk}").json()["content"]["author"]["name"] == "Renamed Writer"
    assert api("/articles").json()["items"][0]["author"]["name"] == "Renamed Writer"


def test_changing_the_crisis_resources_revalidates_articles_and_the_site(
    api, article, crisis_lines, django_capture_on_commit_callbacks
):
    assert api(f"/pages/{article.pk}").json()["content"]["safety"]["crisis_heading"]
    assert api("/site").json()["safety"] is not None

    information = crisis_lines
    information.crisis_heading = "Help is available now"
    with django_capture_on_commit_callbacks(execute=True):
        information.save()
    body = api(f"/pages/{article.pk}").json()
    assert body["content"]["safety"]["crisis_heading"] == "Help is available now"
    assert api("/site").json()["safety"]["crisis_heading"] == "Help is available now"


def test_errors_and_redirects_are_not_cached(api, article):
    api("/pages/resolve", path="/en/nothing-here/")
    second = api("/pages/resolve", path="/en/nothing-here/")
    assert second.status_code == 404
    assert "X-Cache" not in second


def test_the_api_answers_uncached_when_the_cache_is_unreachable(api, article, settings, caplog):
    settings.CACHES = {
        **settings.CACHES,
        "api": {
            "BACKEND": "django_redis.cache.RedisCache",
            # Nothing listens on port 1: every cache call fails at once.
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
        },
    }
    settings.API_RESPONSE_CACHE_ALIAS = "api"
    with caplog.at_level(logging.WARNING, logger="core.api.cache"):
        first = api(f"/pages/{article.pk}")
        second = api(f"/pages/{article.pk}")
    assert first.status_code == second.status_code == 200
    assert second.get("X-Cache") != "HIT"
    assert "answering uncached" in caplog.text


def test_a_page_is_read_from_its_snapshot_in_one_query_and_not_cached(api, article):
    path = f"/en/articles/{article.slug}/"
    with CaptureQueriesContext(connection) as queries:
        response = api("/pages/resolve", path=path)
    assert response.status_code == 200
    assert len(queries) == 1
    assert "X-Cache" not in response


def test_a_change_made_while_a_listing_is_built_is_not_cached_as_fresh(
    api, article, monkeypatch, django_capture_on_commit_callbacks
):
    import articles.api
    from core.api.cache import invalidate
    from core.events import type_tag

    build = articles.api.listed_window

    def rows_then_a_publish(*args, **kwargs):
        rows = build(*args, **kwargs)
        invalidate([type_tag(type(article))])  # an editor publishes meanwhile
        return rows

    monkeypatch.setattr(articles.api, "listed_window", rows_then_a_publish)
    assert api("/articles")["X-Cache"] == "MISS"
    monkeypatch.setattr(articles.api, "listed_window", build)

    assert api("/articles")["X-Cache"] == "MISS"  # the first response was stale: rebuilt
