"""What readers see: the index lists what they may read, newest first; articles show credits."""

import datetime

import pytest
from django.utils import timezone

from articles.models import ArticlePageTopic
from tests.approvals import published
from tests.articles.factories import ArticlePageFactory, TopicFactory


def live_article(**fields):
    return published(ArticlePageFactory(**fields))


@pytest.mark.django_db
def test_the_index_lists_visible_articles_newest_first(client, article_index):
    now = timezone.now()
    older = live_article(
        parent=article_index, title="Older article", first_published_at=now - datetime.timedelta(7)
    )
    newer = live_article(parent=article_index, title="Newer article", first_published_at=now)
    draft = live_article(parent=article_index, title="Draft article")
    draft.unpublish()

    response = client.get(article_index.url)

    assert [article.pk for article in response.context["articles"]] == [newer.pk, older.pk]
    assert b"Draft article" not in response.content


@pytest.mark.django_db
def test_the_index_is_paginated(client, article_index):
    for number in range(article_index.articles_per_page + 1):
        live_article(parent=article_index, title=f"Article {number}")

    first = client.get(article_index.url)
    second = client.get(article_index.url, {"page": 2})

    assert len(first.context["articles"]) == article_index.articles_per_page
    assert len(second.context["articles"]) == 1
    assert b'rel="next"' in first.content


@pytest.mark.django_db
def test_an_article_shows_its_credits_topics_and_review_dates(client, article_index):
    article = live_article(
        parent=article_index,
        author__name="Ada Writer",
        medical_reviewer__name="Dr. Rita Reviewer",
        last_reviewed=datetime.date(2026, 3, 1),
        topic_links=[ArticlePageTopic(topic=TopicFactory(name="Ketamine therapy"))],
    )

    html = client.get(article.url).content.decode()

    assert "Ada Writer" in html
    assert "Dr. Rita Reviewer</bdi></a>, <bdi>MD, board-certified psychiatrist</bdi>" in html
    assert '<time datetime="2026-03-01">' in html
    assert '<time datetime="2027-03-01">' in html
    assert "<li>Ketamine therapy</li>" in html
