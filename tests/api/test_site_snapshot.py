"""The site endpoint's answer is stored per fallback chain and read in one query; whatever it
shows (the site, home pages and menu pages, their privacy, the safety information) deletes it
at once when it changes."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Site

from core.snapshots.models import SiteSnapshot
from home.schemas import SiteSchema
from tests.approvals import published

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def uncached(settings):
    settings.API_RESPONSE_CACHE_SECONDS = 0


def paths(api, **params) -> list[str]:
    return [link["path"] for link in api("/site", **params).json()["navigation"]]


def test_the_site_answer_is_stored_once_and_read_in_one_query(api, article_index):
    first = api("/site", locale="es").json()
    with CaptureQueriesContext(connection) as queries:
        again = api("/site", locale="es").json()

    assert len(queries) == 1
    assert again == first
    assert SiteSnapshot.objects.count() == 1


def test_the_stored_answer_is_exactly_its_declared_schema(api, article_index, provider_index):
    Page.objects.filter(pk=article_index.pk).update(show_in_menus=True)
    api("/site", locale="ar")
    body = api("/site", locale="ar").json()

    assert SiteSchema.model_validate(body).model_dump(mode="json") == body
    assert body["safety"]["crisis_lines"]


def test_each_request_says_which_locale_it_asked_for(api, article_index):
    api("/site", locale="es")

    assert api("/site", locale="ES").json()["requested_locale"]["code"] == "es"
    assert api("/site", locale="es").json()["requested_locale"]["code"] == "es"


def test_renaming_the_site_shows_at_once(api, article_index):
    assert api("/site").json()["name"]
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Renamed health site"
    site.save()

    assert api("/site").json()["name"] == "Renamed health site"


def test_a_section_published_into_the_menu_shows_at_once(
    api, article_index, django_capture_on_commit_callbacks
):
    assert "/en/articles/" not in paths(api)
    article_index.show_in_menus = True
    with django_capture_on_commit_callbacks(execute=True):
        published(article_index)

    assert "/en/articles/" in paths(api)
    assert "/en/articles/" in paths(api, locale="es")


def test_a_menu_section_made_private_leaves_the_navigation_at_once(
    api, article_index, django_capture_on_commit_callbacks
):
    article_index.show_in_menus = True
    with django_capture_on_commit_callbacks(execute=True):
        published(article_index)
    assert "/en/articles/" in paths(api)

    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=article_index, restriction_type=PageViewRestriction.LOGIN
        )

    assert "/en/articles/" not in paths(api)


def test_a_stored_answer_older_than_its_lifetime_is_built_again(api, article_index, settings):
    settings.SITE_SNAPSHOT_SECONDS = 60
    api("/site")
    SiteSnapshot.objects.update(
        body='{"name": "stale"}', rendered_at=timezone.now() - timedelta(seconds=61)
    )

    assert api("/site").json()["name"] != "stale"
