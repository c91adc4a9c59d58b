"""Listings read about one card per family (`PageSnapshot.outranked`) and stored counts
(`ListingCount`): what readers see must stay what the family's best servable card says."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from core.snapshots.models import ListingCount, PageSnapshot

from .conftest import build_article, translate_page


@pytest.fixture(autouse=True)
def uncached(settings):
    """What the database answers, not the response cache (tests/api/test_cache.py)."""
    settings.API_RESPONSE_CACHE_SECONDS = 0


def spanish_titles(api) -> dict[str, str]:
    return {
        card["title"]: card["locale"]["code"]
        for card in api("/articles", locale="es").json()["items"]
    }


@pytest.mark.parametrize("how", ["unpublish", "restrict"])
def test_an_original_outranked_by_its_translation_is_listed_again_when_it_is_withdrawn(
    api, article_index, spanish, how
):
    original = build_article(article_index, title="Ketamine")
    translation = translate_page(original, spanish, title="Ketamina", slug="ketamina")
    for_spanish_readers = PageSnapshot.objects.get(page=original, reader_locale="es")
    assert for_spanish_readers.outranked
    assert spanish_titles(api) == {"Ketamina": "es"}

    if how == "unpublish":
        translation.unpublish()
    else:
        PageViewRestriction.objects.create(
            page=translation, restriction_type="password", password="x"
        )

    for_spanish_readers.refresh_from_db()
    assert not for_spanish_readers.outranked
    assert spanish_titles(api) == {"Ketamine": "en"}


def test_a_translation_that_will_expire_never_hides_its_original_after_expiry(
    api, article_index, spanish
):
    original = build_article(article_index, title="Ketamine")
    expiry = timezone.now() + timedelta(hours=1)
    translation = translate_page(
        original, spanish, title="Ketamina", slug="ketamina", expire_at=expiry
    )
    assert spanish_titles(api) == {"Ketamina": "es"}

    # The hour passes; the scheduler has not run yet, so no snapshot changed.
    Page.objects.filter(pk=translation.pk).update(expire_at=timezone.now() - timedelta(minutes=1))

    assert spanish_titles(api) == {"Ketamine": "en"}


def test_a_listing_is_counted_once_and_recounted_after_a_publish(api, article_index):
    for n in range(3):
        build_article(article_index, title=f"Article {n}")
    assert api("/articles", limit=1, offset=1).json()["count"] == 3

    with CaptureQueriesContext(connection) as paging:
        assert api("/articles", limit=1, offset=2).json()["count"] == 3
    assert len(paging.captured_queries) == 1  # the window, with its stored count

    build_article(article_index, title="Article 3")

    assert api("/articles", limit=1, offset=1).json()["count"] == 4


def test_a_stored_count_is_used_only_within_its_lifetime(api, article_index):
    for n in range(3):
        build_article(article_index, title=f"Article {n}")
    api("/articles", limit=1, offset=1)
    ListingCount.objects.update(count=7)
    assert api("/articles", limit=1, offset=1).json()["count"] == 7  # served as stored

    ListingCount.objects.update(valid_until=timezone.now() - timedelta(seconds=1))

    assert api("/articles", limit=1, offset=1).json()["count"] == 3


def test_a_search_that_matches_nothing_is_an_empty_listing(api, article_index):
    build_article(article_index, title="Ketamine")

    response = api("/articles", q="0", limit=1, offset=1)

    assert response.status_code == 200
    assert response.json() == {"count": 0, "items": []}
