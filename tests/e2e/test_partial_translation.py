"""An editor publishes a Spanish translation with its story still in English, in a real browser:
the untranslated blocks are named before anything is published, and readers get them marked
`lang="en"`."""

import re

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation

from articles.models import ArticlePage
from tests.translation.factories import fill, rich_article, start_translation

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_an_editors_partial_publish_serves_the_untranslated_blocks_in_english(
    sign_in, newsroom, new_context
):
    spanish = Locale.objects.get(language_code="es")
    article = rich_article(newsroom["article_index"])
    translation = start_translation(article, spanish)
    fill(translation)
    StringTranslation.objects.filter(locale=spanish, context__path__startswith="story.").delete()
    target = ArticlePage.objects.get(translation_key=article.translation_key, locale=spanish)

    editor = sign_in("editor")
    editor.goto(f"/admin/translations/{target.pk}/publish-partly/")
    listed = editor.locator(".untranslated-blocks li")
    expect(listed).to_have_count(len(list(article.story)))
    expect(listed.first).to_contain_text("story ·")
    editor.get_by_label(re.compile(r"I have checked these blocks")).check()
    editor.get_by_role("button", name="Publish partly translated").click()
    expect(editor.locator(".messages")).to_contain_text("Published with")
    target.refresh_from_db()
    assert target.live

    reader = new_context().new_page()
    response = reader.request.get(f"/api/v1/pages/{target.pk}", params={"locale": "es"})
    assert response.status == 200, response.text()
    body = response.json()
    assert body["meta"]["partly_translated"] is True
    assert {(b["lang"], b["dir"]) for b in body["content"]["story"]} == {("en", "ltr")}
    assert {b["lang"] for b in body["content"]["science"]} == {"es"}
    reader.goto(target.url)
    story = reader.locator(".article__section--story .article__block")
    expect(story.first).to_have_attribute("lang", "en")
    expect(
        reader.locator(".article__section--science .article__block").first
    ).not_to_have_attribute("lang", "en")
