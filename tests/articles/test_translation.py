"""Translators get the words of an article, never its codes, keys, figures or citations."""

import pytest
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from articles.models import ArticlePage, Topic
from demo import articles as demo_articles
from demo.loader import load_demo_content


def strings_for_translation(instance) -> list[str]:
    return [
        segment.string.data
        for segment in extract_segments(instance)
        if isinstance(segment, StringSegmentValue)
    ]


@pytest.mark.django_db
def test_an_article_offers_its_words_for_translation_but_not_its_codes():
    load_demo_content(through=demo_articles.load)
    article = ArticlePage.objects.get(slug="ketamine-therapy-treatment-resistant-depression")

    strings = strings_for_translation(article)

    assert "of adults had at least one major depressive episode in the past year" in strings
    assert "Is it safe for everyone?" in strings
    untranslatable = {"8.3%", "71%", "nimh-major-depression", "PA", "US", "qualified_medical_staff"}
    assert untranslatable.isdisjoint(strings)
    # References reproduce sources as published: none of their fields is sent for translation.
    assert not any("Synaptic dysfunction" in string for string in strings)


@pytest.mark.django_db
def test_a_topic_keeps_its_slug_in_every_language():
    load_demo_content(through=demo_articles.load)
    topic = Topic.objects.get(slug="ketamine-therapy")

    assert strings_for_translation(topic) == [topic.name, topic.description]
