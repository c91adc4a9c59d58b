"""An Arabic article reads its labels in Arabic, numbers and names isolated from the text."""

import re

import pytest

from tests.translation.factories import fill, start_translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def arabic_article(article, locales, publishing):
    translation = start_translation(article, locales["ar"])
    fill(translation, lambda text: f"ع {text}")
    publishing(translation.save_target)
    return article.get_translation(locales["ar"])


def test_the_arabic_reading_time_keeps_its_number_isolated(arabic_article, client):
    html = client.get(arabic_article.url, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    label = re.search(r'<span class="article__reading-time">(.*?)</span>', html, re.S).group(1)
    assert re.fullmatch(
        r"مدة القراءة: <bdi>\d+</bdi> دقائق|مدة القراءة: <bdi>\d+</bdi> دقيقة", label
    )
    assert "minute read" not in html
    assert "المراجعة الطبية:" in html  # "Medically reviewed by"


def test_the_arabic_api_isolates_the_number_in_its_reading_time(arabic_article, client):
    body = client.get(f"/api/v1/pages/{arabic_article.pk}", {"locale": "ar"}).json()

    labels = body["content"]["labels"]
    assert labels["story"] == "القصة"
    assert re.fullmatch(r"مدة القراءة: \u2068\d+\u2069 (دقائق|دقيقة)", labels["reading_time"])


def test_names_and_cited_titles_are_isolated_in_an_arabic_page(arabic_article, client):
    html = client.get(arabic_article.url).content.decode()

    assert re.search(r'<a href="#about-the-reviewer"><bdi>[^<]+</bdi></a>', html)
    assert re.search(r'<cite dir="auto">', html)  # references are cited as published


def test_the_api_gives_a_testimonials_consent_note_in_the_pages_language(arabic_article, client):
    body = client.get(f"/api/v1/pages/{arabic_article.pk}", {"locale": "ar"}).json()

    testimonial = next(b for b in body["content"]["story"] if b["type"] == "testimonial")
    assert testimonial["value"]["privacy_note"] == "نُشر بإذن صاحبه، وقد غُيّر الاسم."
