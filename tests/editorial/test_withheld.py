"""Pages made live around the rules reach no reader, and their editors are told why."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page

from articles.models import ArticlePage
from core.paths import front_end_path
from tests.approvals import publish_reviewed
from tests.articles.factories import ArticlePageFactory
from tests.core.factories import crisis_lines_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def live_article(article_index, safety):
    article = ArticlePageFactory(parent=article_index, live=False, slug="ketamine")
    publish_reviewed(article)
    return ArticlePage.objects.get(pk=article.pk)


def copy_with_publish(client, user, page, slug):
    client.force_login(user)
    return client.post(
        reverse("wagtailadmin_pages:copy", args=[page.pk]),
        {
            "new_title": "Ketamine, copied",
            "new_slug": slug,
            "new_parent_page": page.get_parent().pk,
            "publish_copies": "on",
        },
    )


def route(client, path):
    return client.get("/api/v1/pages/resolve", {"path": path})


def test_copy_and_publish_of_a_reviewed_article_reaches_no_reader(live_article, editor, client):
    response = copy_with_publish(client, editor, live_article, "ketamine-copy")

    assert response.status_code == 302
    copy = Page.objects.get(slug="ketamine-copy")
    assert copy.live  # Wagtail published it ...
    assert route(client, "/en/articles/ketamine-copy/").status_code == 404  # ... readers: no
    assert client.get(copy.url).status_code == 404
    assert route(client, "/en/articles/ketamine/").status_code == 200


def test_the_editor_of_a_withheld_copy_is_told_why_on_its_page(live_article, editor, client):
    copy_with_publish(client, editor, live_article, "ketamine-copy")
    copy = Page.objects.get(slug="ketamine-copy")

    page = client.get(reverse("wagtailadmin_pages:edit", args=[copy.pk])).content.decode()
    original = client.get(reverse("wagtailadmin_pages:edit", args=[live_article.pk]))

    assert "readers do not get it" in page
    assert "No medical reviewer approved the published version" in page
    assert "readers do not get it" not in original.content.decode()


def test_the_withheld_report_lists_the_copy_with_its_reason(live_article, editor, client):
    copy_with_publish(client, editor, live_article, "ketamine-copy")

    report = client.get(reverse("withheld_report_results")).content.decode()

    assert "Ketamine, copied" in report
    assert "No medical reviewer approved the published version" in report
    assert live_article.title not in report


def test_the_withheld_report_shows_nobody_pages_they_cannot_edit(
    live_article, editor, translator, spanish_article_section, client
):
    copy_with_publish(client, editor, live_article, "ketamine-copy")
    client.force_login(translator)  # edits the Spanish section only

    report = client.get(reverse("withheld_report_results"))

    assert report.status_code == 200
    assert "Ketamine, copied" not in report.content.decode()


@pytest.fixture
def spanish_article(article_index, locales):
    crisis_lines_in("es")
    article = ArticlePageFactory(parent=article_index, live=False, slug="ketamine")
    publish_reviewed(article)
    translation = article.copy_for_translation(locales["es"], copy_parents=True)
    publish_reviewed(translation)
    return ArticlePage.objects.get(pk=translation.pk)


def test_a_translation_is_withheld_while_its_english_original_is_withdrawn(
    spanish_article, editor, client
):
    spanish_path = front_end_path(spanish_article)
    assert route(client, spanish_path).status_code == 200

    spanish_article.get_translation(Locale.get_default()).unpublish()

    assert route(client, spanish_path).status_code == 404
    client.force_login(editor)
    report = client.get(reverse("withheld_report_results")).content.decode()
    assert "The English original is not published" in report
