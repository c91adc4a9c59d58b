"""The translation status report and the article editor's Translations tab."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import ArticlePage
from tests.approvals import publish_reviewed
from tests.translation.conftest import publish_now
from tests.translation.factories import fill, rich_article, start_translation

pytestmark = pytest.mark.django_db

REPORT = reverse("translation_status_report")


@pytest.fixture(scope="module")
def site_translations(shared):
    """Spanish complete and published; Arabic started; a second article not translated."""
    other = rich_article(shared.index, slug="esketamine", title="Esketamine")
    spanish_translation = start_translation(shared.article, shared.locales["es"])
    fill(spanish_translation)
    publish_now(spanish_translation.save_target)
    start_translation(shared.article, shared.locales["ar"])
    return other


@pytest.fixture
def translated(site_translations, article):
    return article, ArticlePage.objects.get(pk=site_translations.pk)


def rows(response) -> list[dict[str, str]]:
    """The report as its CSV export, one dict per row."""
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_the_report_lists_every_source_page_in_every_other_locale(translated, superuser, client):
    client.force_login(superuser)

    response = client.get(REPORT, {"export": "csv"})

    statuses = {(row["Page"], row["Locale"]): row["Status"] for row in rows(response)}
    assert statuses[("Ketamine therapy", "Español")] == "Complete"
    assert statuses[("Ketamine therapy", "العربية")] == "In progress"
    assert statuses[("Esketamine", "Español")] == "Missing"
    assert statuses[("Home", "Español")] == "Missing"  # an alias is not a translation
    assert not any(locale == "English" for _, locale in statuses)


def test_the_report_filters_by_locale_and_status(translated, superuser, client):
    client.force_login(superuser)

    response = client.get(REPORT, {"locale": "ar", "status": "in_progress", "export": "csv"})

    assert [(row["Page"], row["Locale"], row["Status"]) for row in rows(response)] == [
        ("Ketamine therapy", "العربية", "In progress")
    ]
    html = client.get(REPORT, {"locale": "es", "status": "complete"}).content.decode()
    assert "Ketamine therapy" in html and "Edit translation" in html
    assert "Esketamine" not in html


def test_the_report_links_to_the_next_step(translated, superuser, client):
    article, other = translated
    client.force_login(superuser)

    html = client.get(REPORT, {"locale": "es"}).content.decode()

    spanish = article.get_translation(
        translated[0].locale.__class__.objects.get(language_code="es")
    )
    assert reverse("wagtailadmin_pages:edit", args=[spanish.pk]) in html
    assert reverse("wagtail_localize:submit_page_translation", args=[other.pk]) in html


def test_the_report_costs_the_same_queries_for_more_pages(
    translated, article_index, superuser, client
):
    client.force_login(superuser)
    client.get(REPORT)  # warm per-process caches (content types, locales)
    with CaptureQueriesContext(connection) as few:
        assert client.get(REPORT).status_code == 200
    for n in range(4):
        rich_article(article_index, slug=f"more-{n}", title=f"More {n}")
    with CaptureQueriesContext(connection) as more:
        assert client.get(REPORT).status_code == 200

    assert len(more) == len(few)


def test_translators_see_the_report(translated, translator, client):
    client.force_login(translator)
    assert client.get(REPORT).status_code == 200


def test_the_article_editor_shows_its_translations_states(translated, superuser, client):
    article, _ = translated
    client.force_login(superuser)

    html = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()

    assert 'data-translation-status="complete"' in html
    assert 'data-translation-status="in_progress"' in html


def test_the_editor_tells_when_the_original_changed_since_the_last_sync(
    translated, superuser, client
):
    article, _ = translated
    publish_reviewed(article)
    client.force_login(superuser)

    html = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()

    assert html.count('data-translation-status="outdated"') == 2
    assert "Sync translated pages" in html
