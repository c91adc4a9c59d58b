"""Each locale carries its text direction; Arabic pages render right to left."""

import re

import pytest

from core.locales import text_direction
from tests.translation.factories import fill, start_translation

pytestmark = pytest.mark.django_db


def html_tag(response) -> str:
    return re.search(r"<html[^>]*>", response.content.decode()).group(0)


def test_each_content_locale_has_a_text_direction():
    assert [text_direction(code) for code in ("en", "es", "ar")] == ["ltr", "ltr", "rtl"]


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("es", "ltr")])
def test_a_translated_page_renders_with_its_language_and_direction(
    article, locales, client, publishing, language, direction
):
    translation = start_translation(article, locales[language])
    fill(translation, lambda text: f"[{language}] {text}")
    publishing(translation.save_target)
    page = article.get_translation(locales[language])

    response = client.get(page.url)

    assert response.status_code == 200
    assert html_tag(response) == f'<html lang="{language}" dir="{direction}">'
    assert f"[{language}] Ketamine therapy" in response.content.decode()


def test_english_pages_stay_left_to_right(article, client):
    assert html_tag(client.get(article.url)) == '<html lang="en" dir="ltr">'
