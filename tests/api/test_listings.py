from decimal import Decimal

import pytest
from django.conf import settings
from wagtail.models import Page

from articles.models import ArticlePageTopic
from tests.approvals import published
from tests.articles.factories import TopicFactory

from .conftest import build_article, build_provider, translate_page


def test_article_cards_have_what_a_listing_shows(api, article, topic):
    ArticlePageTopic.objects.create(page=article, topic=topic, locale=article.locale)
    published(article)
    body = api("/articles").json()
    assert body["count"] == 1
    card = body["items"][0]
    assert card["title"] == article.title
    assert card["path"] == f"/en/articles/{article.slug}/"
    assert card["author"] == {
        "id": article.author.pk,
        "name": article.author.name,
        "credentials": "Health writer",
        "api_url": f"{settings.API_PUBLIC_URL}/api/v1/people/{article.author.pk}",
    }
    assert card["topics"] == [{"slug": "esketamine", "name": "Esketamine", "kind": "treatment"}]
    assert card["reading_time_minutes"] >= 1


def test_articles_filter_by_topic_and_search(api, article_index, topic):
    tagged = build_article(article_index, title="Esketamine nasal spray")
    ArticlePageTopic.objects.create(page=tagged, topic=topic, locale=tagged.locale)
    published(tagged)
    build_article(article_index, title="Integration therapy")
    assert [card["id"] for card in api("/articles", topic="esketamine").json()["items"]] == [
        tagged.pk
    ]
    found = api("/articles", q="nasal spray").json()
    assert [card["title"] for card in found["items"]] == ["Esketamine nasal spray"]


def test_articles_are_ordered_and_paginated(api, article_index):
    titles = [f"Article {n}" for n in range(5)]
    for title in titles:
        build_article(article_index, title=title)
    newest = api("/articles", limit=2).json()
    assert newest["count"] == 5
    assert [card["title"] for card in newest["items"]] == ["Article 4", "Article 3"]
    oldest = api("/articles", order="oldest", limit=2, offset=1).json()
    assert [card["title"] for card in oldest["items"]] == ["Article 1", "Article 2"]
    assert api("/articles", offset=50).json() == {"count": 5, "items": []}


def test_listings_fall_back_per_article(api, article_index, spanish):
    translated = build_article(article_index, title="Ketamine")
    build_article(article_index, title="Only in English")
    translate_page(translated, spanish, title="Ketamina", slug="ketamina")
    titles = {
        card["title"]: card["locale"]["code"]
        for card in api("/articles", locale="es").json()["items"]
    }
    assert titles == {"Ketamina": "es", "Only in English": "en"}


@pytest.mark.parametrize(
    "params",
    [
        {"limit": 0},
        {"limit": 51},
        {"limit": -1},
        {"offset": -1},
        {"limit": "ten"},
        {"order": "random"},
        {"topic": "Not A Slug!"},
        {"locale": "klingon"},
        {"colour": "blue"},
    ],
)
def test_bad_listing_parameters_are_4xx_problems(api, params):
    response = api("/articles", **params)
    assert 400 <= response.status_code < 500
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"]


def test_providers_filter_by_region_service_and_criteria(api, provider_index, service):
    philadelphia = build_provider(
        provider_index,
        title="Philly Clinic",
        region="PA",
        services=[service],
        qualified_medical_staff=True,
        qualified_medical_staff_evidence="Licences shown.",
    )
    build_provider(provider_index, title="Austin Clinic", region="TX", accepting_new_patients=False)

    def titles(**params):
        return [card["title"] for card in api("/providers", **params).json()["items"]]

    assert titles(region="pa") == ["Philly Clinic"]
    assert titles(service="iv-ketamine") == ["Philly Clinic"]
    assert titles(qualified_medical_staff="true") == ["Philly Clinic"]
    assert titles(qualified_medical_staff="false") == ["Austin Clinic"]
    assert titles(criterion="qualified_medical_staff") == ["Philly Clinic"]
    assert titles(accepting_new_patients="false") == ["Austin Clinic"]
    card = api("/providers", region="PA").json()["items"][0]
    assert card["services"] == [{"slug": "iv-ketamine", "name": "IV ketamine infusions"}]
    assert card["criteria_met"] == ["qualified_medical_staff"]
    assert philadelphia.pk == card["id"]


def test_providers_are_sorted_by_distance_when_asked(api, provider_index):
    build_provider(
        provider_index,
        title="Pittsburgh",
        latitude=Decimal("40.4406"),
        longitude=Decimal("-79.9959"),
    )
    build_provider(
        provider_index,
        title="Philadelphia",
        latitude=Decimal("39.9526"),
        longitude=Decimal("-75.1652"),
    )
    build_provider(provider_index, title="No coordinates")
    body = api("/providers", latitude=39.95, longitude=-75.16).json()
    assert [card["title"] for card in body["items"]] == ["Philadelphia", "Pittsburgh"]
    assert body["items"][0]["distance_km"] < 1
    assert 400 < body["items"][1]["distance_km"] < 450
    nearby = api("/providers", latitude=39.95, longitude=-75.16, radius_km=50).json()
    assert [card["title"] for card in nearby["items"]] == ["Philadelphia"]


@pytest.mark.parametrize(
    "params",
    [{"latitude": 40}, {"radius_km": 5}, {"latitude": 91, "longitude": 0}, {"region": "P A"}],
)
def test_bad_provider_filters_are_4xx_problems(api, params):
    response = api("/providers", **params)
    assert 400 <= response.status_code < 500
    assert response["Content-Type"] == "application/problem+json"


def test_the_provider_listing_carries_the_directory_disclaimer(api, provider_index):
    body = api("/providers").json()
    assert "not an endorsement" in body["disclaimer"]


def test_site_lists_locales_navigation_and_safety(api, article_index, provider_index):
    from demo import safety

    safety.load()
    Page.objects.filter(pk__in=[article_index.pk, provider_index.pk]).update(show_in_menus=True)
    body = api("/site", locale="ar").json()
    assert {locale["code"]: locale["direction"] for locale in body["locales"]} == {
        "en": "ltr",
        "es": "ltr",
        "ar": "rtl",
    }
    assert [link["path"] for link in body["navigation"]][:1] == ["/en/"]
    assert "/en/articles/" in [link["path"] for link in body["navigation"]]
    assert body["safety"]["crisis_lines"]


def test_search_finds_articles_and_providers(api, article, provider_index):
    build_provider(provider_index, title="Ketamine Clinic of Erie")
    body = api("/search", q="ketamine").json()
    assert {item["page_type"] for item in body["items"]} == {
        "articles.ArticlePage",
        "providers.ProviderPage",
    }
    assert api("/search").status_code == 422


def test_listings_of_one_shape_asked_for_other_topics_and_locales_answer_with_their_own_cards(
    api, article_index, spanish, settings
):
    # Listings of one shape share SQL the ORM wrote once (core.api.listings.listed_window).
    settings.API_RESPONSE_CACHE_SECONDS = 0
    by_topic = {}
    for slug in ("esketamine", "psilocybin"):
        topic = TopicFactory(slug=slug, name=slug.title())
        for number in range(2):
            page = build_article(article_index, title=f"{slug} {number}")
            ArticlePageTopic.objects.create(page=page, topic=topic, locale=page.locale)
            by_topic.setdefault(slug, []).append(published(page))
    translation = translate_page(by_topic["psilocybin"][0], spanish, title="Psilocibina")

    def listed(**params):
        body = api("/articles", limit=1, **params).json()
        pages = [card["id"] for card in body["items"]]
        return pages + [
            card["id"] for card in api("/articles", limit=1, offset=1, **params).json()["items"]
        ], body["count"]

    assert listed(topic="esketamine") == ([page.pk for page in reversed(by_topic["esketamine"])], 2)
    assert listed(topic="psilocybin") == (
        [by_topic["psilocybin"][1].pk, by_topic["psilocybin"][0].pk],
        2,
    )
    # The translation was published last: it comes first.
    assert listed(topic="psilocybin", locale="es") == (
        [translation.pk, by_topic["psilocybin"][1].pk],
        2,
    )
    assert listed(locale="es")[1] == 4
