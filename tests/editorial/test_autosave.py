"""Autosave: a new page is saved only when its writer asks; a saved page's editor autosaves."""

import re

import pytest
from django.urls import reverse

from tests.articles.factories import ArticlePageFactory

AUTOSAVE_INDICATOR = 'id="w-autosave-indicator"'


def form_controllers(response) -> list[str]:
    """The Stimulus controllers of the page editor's form."""
    html = response.content.decode()
    form = re.search(r'<form[^>]*id="page-edit-form"[^>]*>', html, re.DOTALL)
    assert form, "the editor's form is missing"
    return re.search(r'data-controller="([^"]*)"', form.group(0)).group(1).split()


@pytest.mark.django_db
def test_the_add_page_form_puts_nothing_in_the_tree_until_the_writer_saves(
    admin_client, article_index
):
    response = admin_client.get(
        reverse("wagtailadmin_pages:add", args=["articles", "articlepage", article_index.pk])
    )

    assert response.status_code == 200
    assert "w-autosave" not in form_controllers(response)
    assert AUTOSAVE_INDICATOR not in response.content.decode()
    # Leaving the form with unsaved changes still asks first.
    assert "w-unsaved" in form_controllers(response)


@pytest.mark.django_db
def test_a_saved_articles_editor_autosaves_and_shows_its_status(admin_client, article_index):
    article = ArticlePageFactory(parent=article_index)

    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))

    assert "w-autosave" in form_controllers(response)
    assert response.content.decode().count(AUTOSAVE_INDICATOR) == 1
