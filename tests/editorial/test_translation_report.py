"""Reports → Translation status shows each user only pages they may edit, by their live title."""

import pytest
from django.urls import reverse

from tests.articles.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

REPORT = reverse("translation_status_report")


def report_for(client, user) -> str:
    client.force_login(user)
    response = client.get(REPORT)
    assert response.status_code == 200
    return response.content.decode()


def test_the_report_hides_pages_the_user_cannot_edit_and_unpublished_titles(
    article_index, spanish_article_section, home_page, writer, translator, client
):
    live = ArticlePageFactory(parent=article_index, title="Ketamine, live title")
    live.title = "Ketamine, unreviewed new title"
    live.save_revision()
    ArticlePageFactory(parent=article_index, title="Private draft about esketamine", live=False)
    home_page.title = "Home, secret rename"
    home_page.save_revision()

    writers_report = report_for(client, writer)
    assert "Ketamine, live title" in writers_report
    assert "Private draft about esketamine" in writers_report  # theirs to edit
    assert "unreviewed new title" not in writers_report
    assert "Home, secret rename" not in writers_report

    translators_report = report_for(client, translator)
    assert "Private draft about esketamine" not in translators_report
    assert "Ketamine, unreviewed new title" not in translators_report
    assert "Home, secret rename" not in translators_report
