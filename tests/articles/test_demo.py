"""The demo articles load once, and every one of them reads well in the browser."""

import pytest
from django.apps import apps

from articles.models import ArticleIndexPage, ArticlePage
from demo import articles as demo_articles
from demo.loader import load_demo_content
from providers.vetting import VettingCriterion


def article_row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in [*apps.get_app_config("articles").get_models()]
    } | {"pages": ArticlePage.objects.count()}


@pytest.fixture
def demo(db):
    load_demo_content(through=demo_articles.load)


def test_loading_the_demo_articles_twice_creates_nothing_new(demo):
    first = article_row_counts()
    demo_articles.load()
    assert article_row_counts() == first
    assert first["pages"] == 3


def test_the_flagship_article_has_every_part_editors_publish(demo):
    article = ArticlePage.objects.get(slug="ketamine-therapy-treatment-resistant-depression")

    assert article.live and article.author and article.medical_reviewer
    assert article.medical_reviewer.credentials == "MD, board-certified psychiatrist"
    assert all(getattr(article, section) for section in ("story", "science", "guidance"))

    science = {block.block_type: block.value for block in reversed(article.science)}
    assert len(science["mechanism_list"]["mechanisms"]) >= 3
    statistics = [block.value for block in article.science if block.block_type == "statistic"]
    assert len(statistics) >= 3
    assert {s["reference"] for s in statistics} <= set(article.reference_numbers)
    assert article.references.count() >= 5

    guidance = {block.block_type: block.value for block in article.guidance}
    assert set(guidance["provider_checklist"].criteria) == set(VettingCriterion.values)
    assert guidance["provider_directory"].filters["region"] == "PA"
    assert {page.slug for page in guidance["related_reading"]["articles"]} == {
        "esketamine-nasal-spray",
        "integration-therapy",
    }
    assert {"care_plan", "barriers"} <= set(guidance)


def test_every_demo_article_and_the_index_render(client, demo):
    index = ArticleIndexPage.objects.get(slug="articles")
    response = client.get(index.url)
    assert response.status_code == 200
    for article in ArticlePage.objects.all():
        assert article.title.encode() in response.content

        page = client.get(article.url)
        assert page.status_code == 200, article.url
        # The site's safety information is shown with every article.
        assert b"988 Suicide &amp; Crisis Lifeline" in page.content
        assert b"does not replace advice from a clinician" in page.content
