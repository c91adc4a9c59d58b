"""Wagtail's Checks side panel runs on the article's preview: figures, not dashes."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.articles.factories import ArticlePageFactory

pytestmark = [
    pytest.mark.e2e,
    # As in test_article_workflow: the live server shares the database with the test.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "e2e-a-long-password"
STORY = " ".join(["Maya felt calm and safe in the clinic, and she slept well that night."] * 12)


def test_the_checks_panel_counts_the_words_of_the_previewed_article(sign_in, newsroom):
    get_user_model().objects.create_superuser("chief", "chief@example.org", PASSWORD)
    article = ArticlePageFactory(
        parent=newsroom["article_index"],
        author=newsroom["author"],
        story=[{"type": "paragraph", "value": f"<p>{STORY}</p>"}],
    )
    article.save_revision()

    page = sign_in("chief")
    page.goto(f"/admin/pages/{article.pk}/edit/")
    page.get_by_role("button", name="Toggle checks").click()
    checks = page.locator("[data-side-panel='checks']")
    # The article's ~170 words, and more: Wagtail counts the whole previewed page.
    expect(checks.locator("[data-content-word-count]")).to_have_text(re.compile(r"^\d{3}$"))
    expect(checks.locator("[data-content-reading-time]")).to_have_text(re.compile(r"^\d+ mins?$"))
    expect(checks.locator("[data-content-readability-score]")).not_to_have_text("-")
