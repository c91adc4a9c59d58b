"""Readers of the Spanish and Arabic demo get every label of the page in their language."""

import re

import pytest
from django.utils import translation
from wagtail.models import Page

from core.snapshots.pipeline import render_page

pytestmark = pytest.mark.django_db

# The English words the reader templates and the API add around the content.
ENGLISH_LABELS = [
    "Skip to content",
    "minute read",
    "Medically reviewed by",
    "Last reviewed",
    "References",
    "Accessed",
    "About the author",
    "About the medical reviewer",
    "Next review due",
    "Related reading",
    "Shared with permission",
    "name has been changed",
    "Featured articles",
    "All articles",
    "Find a provider",
    "About this directory",
    "Filter providers",
    "State or region",
    "Show providers",
    "Accepting new patients",
    "Services offered",
    "How this clinic meets our vetting criteria",
    "Last verified",
    "Practicalities",
    "Licences and accreditation",
    "Qualified medical staff",
    "Thorough screening",
    "Therapeutic integration support",
    "Transparent pricing",
    "More about",
    "No articles have been published here yet.",
]
BY_LINE = re.compile(r"\bBy\s*<a")


def live_pages(language: str) -> list[Page]:
    return list(Page.objects.live().filter(locale__language_code=language, depth__gt=1).specific())


@pytest.mark.parametrize("language", ["es", "ar"])
def test_the_demo_pages_in_spanish_and_arabic_contain_no_english_label(
    demo_content, db, client, language
):
    pages = live_pages(language)
    assert len(pages) >= 2  # the home page and an index at least
    for page in pages:
        # An English admin or browser does not change the page's words.
        response = client.get(page.url, HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 200, page.url
        html = response.content.decode()
        found = [label for label in ENGLISH_LABELS if label in html]
        assert not found, f"{page.url} shows English labels: {found}"
        assert not BY_LINE.search(html), page.url


def test_the_spanish_article_reads_its_labels_in_spanish(demo_content, db, client):
    article = next(
        page for page in live_pages("es") if page.specific_class.__name__ == "ArticlePage"
    )

    html = client.get(article.url).content.decode()

    assert "Revisión médica de" in html
    assert re.search(r"<bdi>\d+</bdi> minutos? de lectura", html)
    assert "Referencias" in html


def test_the_api_gives_section_titles_in_the_pages_language_whoever_published_it(
    demo_content, db, client
):
    article = next(
        page for page in live_pages("es") if page.specific_class.__name__ == "ArticlePage"
    )
    with translation.override("ar"):  # an editor whose admin is in Arabic publishes again
        render_page(article.pk)

    labels = client.get(f"/api/v1/pages/{article.pk}", {"locale": "es"}).json()["content"]["labels"]

    assert labels["story"] == "Historia"
    assert labels["science"] == "La ciencia"
    assert labels["guidance"] == "Orientación"
    assert labels["references"] == "Referencias"
    minutes = re.fullmatch(r"\u2068(\d+)\u2069 minutos? de lectura", labels["reading_time"])
    assert minutes, labels["reading_time"]


def test_an_english_article_served_to_spanish_readers_keeps_english_labels(
    demo_content, db, client
):
    english = next(
        page
        for page in live_pages("en")
        if page.specific_class.__name__ == "ArticlePage"
        and not page.get_translations().filter(locale__language_code="es", live=True).exists()
    )

    body = client.get(f"/api/v1/pages/{english.pk}", {"locale": "es"}).json()

    assert body["meta"]["served_locale"]["code"] == "en"
    assert body["content"]["labels"]["story"] == "Story"
