"""axe-core on wagtail-localize's translation editor, the translator's screen: its findings are
fixed through our admin script and styles (editorial/static/editorial/admin/)."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect
from wagtail.models import Locale

from articles.models import ArticlePage
from tests.e2e.accessibility import axe_source_fixture, severe_findings  # noqa: F401
from tests.e2e.conftest import PASSWORD
from tests.translation.factories import rich_article, start_translation

pytestmark = [
    pytest.mark.e2e,
    # As in test_article_workflow: the live server shares the database with the test.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_translation_editor_has_a_heading_labels_and_contrast(sign_in, newsroom, axe_source):
    get_user_model().objects.create_superuser("chief", "chief@example.org", PASSWORD)
    spanish = Locale.objects.get(language_code="es")
    article = rich_article(newsroom["article_index"])
    start_translation(article, spanish)
    target = ArticlePage.objects.get(translation_key=article.translation_key, locale=spanish)

    page = sign_in("chief")
    page.goto(f"/admin/pages/{target.pk}/edit/")
    page.wait_for_load_state("networkidle")
    expect(page.locator(".js-translation-editor section li > h3").first).to_be_visible()

    # Reported by axe before editor.js and editor.css: no h1 (moderate), an unlabelled file
    # input (critical) and field names under 4.5:1 contrast (serious).
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("h1")).to_contain_text("Translation of")
    found = severe_findings(page, axe_source)
    assert found == [], "\n".join(found)
