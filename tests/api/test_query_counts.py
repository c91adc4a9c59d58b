"""Query budgets: the cost of a response must not grow with its content.

Stock Wagtail API v2 needs 17 queries for an article detail and 167 for a 20-item listing on
comparable content; these budgets hold our endpoints far below that, whatever the size.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail_factories import ImageFactory

from articles.models import ArticlePageTopic

from .conftest import build_article, build_provider, paragraph

ARTICLE_DETAIL_BUDGET = 2
LISTING_BUDGET = 3
ROUTE_BUDGET = 2


def blocks(count: int, image, linked) -> list[dict]:
    """A realistic mix of blocks: text with links, images, statistics, related reading."""
    kinds = [
        lambda n: paragraph(f'Part {n} links <a linktype="page" id="{linked.pk}">here</a>.'),
        lambda n: {"type": "image", "value": {"image": image.pk, "alt_text": f"Figure {n}"}},
        lambda n: {
            "type": "statistic",
            "value": {
                "figure": f"{n}%",
                "measure": "improved",
                "population": "Adults",
                "reference": "trial-1",
            },
        },
        lambda n: {
            "type": "mechanism_list",
            "value": {"intro": "", "mechanisms": [{"mechanism": f"M{n}", "explanation": "E"}]},
        },
    ]
    return [kinds[n % len(kinds)](n) for n in range(count)]


def queries_for(api, endpoint, **params) -> int:
    api(endpoint, **params)  # warm Wagtail's site-root cache and create image renditions
    with CaptureQueriesContext(connection) as queries:
        response = api(endpoint, **params)
    assert response.status_code == 200, response.content
    return len(queries)


@pytest.fixture(autouse=True)
def uncached(settings):
    """Budgets are for building responses; a cache hit costs none (see test_cache.py)."""
    settings.API_RESPONSE_CACHE_SECONDS = 0


@pytest.fixture
def image(db):
    return ImageFactory()


def test_article_detail_costs_the_same_for_10_and_100_blocks(api, article_index, image):
    linked = build_article(article_index, title="Linked")
    small = build_article(article_index, title="Small", blocks=blocks(10, image, linked))
    large = build_article(article_index, title="Large", blocks=blocks(100, image, linked))
    small_cost = queries_for(api, f"/pages/{small.pk}")
    large_cost = queries_for(api, f"/pages/{large.pk}")
    assert small_cost == large_cost
    assert large_cost <= ARTICLE_DETAIL_BUDGET


def test_article_listing_costs_the_same_for_5_and_50_cards(api, article_index, image, topic):
    for n in range(50):
        article = build_article(
            article_index, title=f"Article {n}", hero_image=image, hero_image_alt="A calm gradient"
        )
        ArticlePageTopic.objects.create(page=article, topic=topic, locale=article.locale)
    five = queries_for(api, "/articles", limit=5)
    fifty = queries_for(api, "/articles", limit=50)
    assert five == fifty
    assert fifty <= LISTING_BUDGET


def test_provider_listing_costs_the_same_for_5_and_50_cards(api, provider_index, service):
    for n in range(50):
        build_provider(provider_index, title=f"Clinic {n}", services=[service])
    assert queries_for(api, "/providers", limit=5) == queries_for(api, "/providers", limit=50)
    assert queries_for(api, "/providers", limit=50) <= LISTING_BUDGET


def test_route_resolution_is_bounded_at_every_depth(api, article):
    for path in ["/en/", "/en/articles/", f"/en/articles/{article.slug}/"]:
        assert queries_for(api, "/pages/resolve", path=path) <= ROUTE_BUDGET
