"""Publication snapshots: readers get what was published, through every path that changes it."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from core.events import ContentChange, content_changed
from core.snapshots.models import PageSnapshot
from core.snapshots.pipeline import render_page
from core.snapshots.rebuild import render_missing
from tests.approvals import publish_reviewed

from .conftest import build_article, translate_page


@pytest.fixture
def changes():
    """Every ContentChange announced to the outside (cache, CDN, webhooks) during a test."""
    seen: list[ContentChange] = []

    def record(sender, change, **kwargs):
        seen.append(change)

    content_changed.connect(record, dispatch_uid="tests.snapshots.changes")
    yield seen
    content_changed.disconnect(dispatch_uid="tests.snapshots.changes")


def route(api, page):
    return api("/pages/resolve", path=page.url)


def test_text_written_into_the_live_row_without_publishing_never_reaches_readers(
    api, article, spanish
):
    translation = translate_page(article, spanish, title="Ketamina y depresión")
    # What wagtail-localize's "Sync → Publish immediately" did with a held-back translation:
    # the translator's unpublished words saved into the live page row, with no publish.
    Page.objects.filter(pk=translation.pk).update(title="Borrador sin revisar")

    render_page(translation.pk)  # anything that renders it again (a source publish, a snippet)

    body = api(f"/pages/{translation.pk}").json()
    assert body["title"] == "Ketamina y depresión"
    english = api(f"/pages/{article.pk}").json()
    assert english["title"] == article.title


def test_making_a_section_private_withdraws_every_page_below_it_at_once(
    api, article_index, article
):
    assert route(api, article).status_code == 200

    restriction = PageViewRestriction.objects.create(
        page=article_index, restriction_type="password", password="x"
    )

    assert route(api, article).status_code == 404
    assert api(f"/pages/{article.pk}").status_code == 404
    assert route(api, article_index).status_code == 404
    assert not PageSnapshot.objects.filter(page__in=[article, article_index]).exists()

    restriction.delete()

    assert route(api, article).status_code == 200


def test_a_renamed_section_announces_and_renders_every_article_below_it(
    api, article_index, article, changes, django_capture_on_commit_callbacks
):
    old_path = f"/en/articles/{article.slug}/"
    article_index.slug = "treatments"
    with django_capture_on_commit_callbacks(execute=True):
        publish_reviewed(article_index)

    new_path = f"/en/treatments/{article.slug}/"
    announced = {path for change in changes for path in change.paths}
    assert {old_path, new_path, "/en/articles/", "/en/treatments/"} <= announced
    body = api("/pages/resolve", path=new_path).json()
    assert body["seo"]["canonical_path"] == new_path
    assert body["breadcrumbs"][-1]["path"] == "/en/treatments/"
    # Wagtail records a redirect from the old path when a slug changes.
    moved = api("/pages/resolve", path=old_path).json()
    assert moved == {"kind": "redirect", "status": 301, "location": new_path}


def test_a_moved_section_announces_its_articles(
    api, article_index, article, home_page, changes, django_capture_on_commit_callbacks
):
    other = build_article(article_index, title="Another")
    destination = home_page.add_child(instance=type(article_index)(title="Archive", slug="archive"))
    publish_reviewed(destination)

    with django_capture_on_commit_callbacks(execute=True):
        article_index.move(destination, pos="last-child")

    moved = next(change for change in changes if change.event == "page.moved")
    assert {article.pk, other.pk, article_index.pk} <= {page.id for page in moved.pages}
    path = f"/en/archive/articles/{article.slug}/"
    assert api("/pages/resolve", path=path).status_code == 200


def test_a_newer_revision_is_never_overwritten_by_an_older_rendering(article):
    from core.snapshots.pipeline import _store

    snapshot = PageSnapshot.objects.get(page=article, reader_locale="en")
    fields = {"revision_id": snapshot.revision_id - 1, "path": "/en/stale/"}

    _store(article, "en", fields, withheld="", body='{"title": "old"}', tags=())

    snapshot.refresh_from_db()
    assert snapshot.path == f"/en/articles/{article.slug}/"


def test_check_snapshots_reports_a_stale_snapshot_until_it_is_rebuilt(article):
    PageSnapshot.objects.filter(page=article).update(revision=None)
    with pytest.raises(Exception, match="stale"):
        call_command("check_snapshots", verbosity=0)

    call_command("rebuild_snapshots", page=article.pk, verbosity=0)

    call_command("check_snapshots", verbosity=0)


def test_snapshots_rendered_before_listings_read_cards_are_rendered_again_on_migrate(api, article):
    PageSnapshot.objects.update(card=None)  # as the upgrade's migration leaves them
    assert api("/articles").json()["count"] == 0
    with pytest.raises(Exception, match="stale"):
        call_command("check_snapshots", verbosity=0)

    render_missing()  # post_migrate

    assert [card["id"] for card in api("/articles").json()["items"]] == [article.pk]
    call_command("check_snapshots", verbosity=0)


def test_reading_a_page_costs_one_query_and_a_missing_route_two(api, article, spanish):
    translation = translate_page(article, spanish, title="Ketamina y depresión")
    for path, params in [
        ("/pages/resolve", {"path": translation.url}),
        (f"/pages/{article.pk}", {"locale": "es-MX"}),
        (f"/pages/{article.pk}", {"locale": "ar"}),
        (f"/pages/{article.pk}", {}),
    ]:
        with CaptureQueriesContext(connection) as queries:
            assert api(path, **params).status_code == 200
        assert len(queries) == 1, (path, params)
    api("/pages/resolve", path="/en/nothing-here/")  # Wagtail caches the site's root paths
    with CaptureQueriesContext(connection) as queries:
        assert api("/pages/resolve", path="/en/nothing-here/").status_code == 404
    assert len(queries) == 2  # the snapshot, then a redirect


def test_the_html_page_follows_the_same_gate_and_publication_window(client, article):
    assert client.get(article.url).status_code == 200

    PageSnapshot.objects.filter(page=article).update(withheld="No medical approval.")
    assert client.get(article.url).status_code == 404

    PageSnapshot.objects.filter(page=article).update(withheld="")
    Page.objects.filter(pk=article.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert client.get(article.url).status_code == 404


def test_a_withheld_page_is_in_no_listing_search_or_link(api, article_index, article):
    from .conftest import paragraph

    linking = build_article(
        article_index,
        title="Linking",
        blocks=[paragraph(f'See <a linktype="page" id="{article.pk}">this</a>.')],
    )
    PageSnapshot.objects.filter(page=article).update(withheld="No medical approval.")
    render_page(linking.pk)

    assert article.pk not in [card["id"] for card in api("/articles").json()["items"]]
    assert api("/search", q="Ketamine").json()["count"] == 0
    html = api(f"/pages/{linking.pk}").json()["content"]["science"][1]["value"]
    assert html == "<p>See <a>this</a>.</p>"


def test_a_listing_cached_before_the_worker_re_renders_is_rebuilt_once_it_has(
    api, article, settings, django_capture_on_commit_callbacks
):
    from django_tasks import task_backends

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    settings.API_RESPONSE_CACHE_SECONDS = 300
    author = article.author
    author.name = "Dr. Renamed"
    with django_capture_on_commit_callbacks(execute=True):
        author.save()  # the article's re-render waits for the worker

    before = api("/articles")  # cached, with the card as it was
    assert before.json()["items"][0]["author"]["name"] != "Dr. Renamed"
    with django_capture_on_commit_callbacks(execute=True):
        for queued in task_backends["default"].results:
            queued.task.call(*queued.args, **queued.kwargs)  # the worker

    after = api("/articles")
    assert after["X-Cache"] == "MISS"
    assert after.json()["items"][0]["author"]["name"] == "Dr. Renamed"


def test_check_snapshots_reports_cards_wrongly_marked_outranked_and_a_rebuild_lists_them_again(
    api, article, spanish, settings
):
    settings.API_RESPONSE_CACHE_SECONDS = 0
    translation = translate_page(article, spanish, title="Ketamina y depresión")
    call_command("rebuild_snapshots", verbosity=0)  # the Spanish locale's new alias pages
    call_command("check_snapshots", verbosity=0)
    PageSnapshot.objects.update(outranked=True)  # as a lost relist would leave them
    assert api("/articles", locale="es").json()["items"] == []
    with pytest.raises(Exception, match="stale"):
        call_command("check_snapshots", verbosity=0)

    call_command("rebuild_snapshots", verbosity=0)

    assert [card["id"] for card in api("/articles", locale="es").json()["items"]] == [
        translation.pk
    ]
    call_command("check_snapshots", verbosity=0)
