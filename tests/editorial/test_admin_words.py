"""The admin speaks the health workflow's words, over Wagtail's and wagtail-localize's."""

import pytest
from django.urls import reverse

from tests.articles.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def test_the_settings_menu_says_languages_not_locales(admin_client):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()

    assert '"Languages"' in html
    assert '"Locales"' not in html


def test_a_page_in_a_workflow_is_in_review_not_in_moderation(
    admin_client, article_index, writer, crisis_lines
):
    article = ArticlePageFactory(parent=article_index, live=False)
    article.save_revision(user=writer)
    article.get_workflow().start(article, writer)

    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()

    assert "In review" in html
    assert "In Moderation" not in html
