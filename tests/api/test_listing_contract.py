"""Listings are served as the cards stored at publish, without django-ninja validating them on
each read: these tests keep what is served equal to what the operation declares (OpenAPI), on
the demo content in every locale, so that skipping the validation cannot drift silently."""

import json
from datetime import date, datetime, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.http import parse_http_date

from articles import review_status as review_clock
from articles.schemas import ArticleList
from cms.api import api as delivery_api
from providers.schemas import ProviderList

LOCALES = ["en", "es", "ar"]

pytestmark = pytest.mark.django_db

LISTINGS = [
    ("/articles", {}, ArticleList),
    ("/articles", {"limit": 2, "offset": 1, "order": "oldest"}, ArticleList),
    ("/articles", {"topic": "ketamine-therapy"}, ArticleList),
    ("/articles", {"q": "ketamine"}, ArticleList),
    ("/providers", {}, ProviderList),
    ("/providers", {"limit": 1, "offset": 1}, ProviderList),
    ("/providers", {"latitude": 39.95, "longitude": -75.16}, ProviderList),
    ("/providers", {"latitude": 39.95, "longitude": -75.16, "limit": 1, "offset": 1}, ProviderList),
]


@pytest.fixture
def uncached(settings, demo_content):
    settings.API_RESPONSE_CACHE_SECONDS = 0


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize(("endpoint", "params", "schema"), LISTINGS)
def test_a_served_listing_is_exactly_its_declared_schema(
    api, uncached, locale, endpoint, params, schema
):
    response = api(endpoint, locale=locale, **params)

    assert response.status_code == 200
    body = response.json()
    # Validating changes nothing: no field missing, extra, or in another format.
    assert schema.model_validate(body).model_dump(mode="json") == body
    assert body["items"] or params.get("offset")


@pytest.mark.parametrize(
    ("endpoint", "schema"), [("/articles", "ArticleList"), ("/providers", "ProviderList")]
)
def test_listings_still_declare_their_response_schema(endpoint, schema):
    document = delivery_api.get_openapi_schema()
    ok = document["paths"][f"/api/v1{endpoint}"]["get"]["responses"]["200"]
    assert ok["content"]["application/json"]["schema"] == {"$ref": f"#/components/schemas/{schema}"}


@pytest.mark.parametrize("endpoint", ["/articles", "/providers"])
def test_a_listing_has_the_headers_of_every_api_response(api, uncached, endpoint):
    response = api(endpoint, locale="es")

    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["ETag"]
    assert response["Last-Modified"]
    assert response["Cache-Control"].startswith("public, max-age=")
    assert "Origin" in response["Vary"]
    revalidated = api(endpoint, locale="es", headers={"If-None-Match": response["ETag"]})
    assert revalidated.status_code == 304


def test_a_window_that_holds_the_whole_listing_costs_one_query(api, uncached):
    api("/articles", locale="es", limit=50)
    with CaptureQueriesContext(connection) as queries:
        body = api("/articles", locale="es", limit=50).json()

    assert len(queries) == 1
    assert body["count"] == len(body["items"]) >= 2


def test_a_partial_window_still_counts_the_whole_listing(api, uncached):
    everything = api("/articles", locale="es", limit=50).json()
    window = api("/articles", locale="es", limit=1, offset=1).json()

    assert window["count"] == everything["count"]
    assert window["items"] == everything["items"][1:2]


def test_a_stored_card_gets_todays_review_status_when_the_date_changed_it(
    api, uncached, monkeypatch
):
    before = {card["id"]: card for card in api("/articles", limit=50).json()["items"]}
    due = {
        pk: card["next_review_due"]
        for pk, card in before.items()
        if card["review_status"] != "overdue"
    }
    assert due, "the demo has articles whose review is not overdue"
    latest = max(due.values())
    later = date.fromisoformat(latest) + timedelta(days=1)
    monkeypatch.setattr(review_clock, "today", lambda: later)

    response = api("/articles", limit=50)
    after = {card["id"]: card for card in response.json()["items"]}

    assert {after[pk]["review_status"] for pk in due} == {"overdue"}
    assert json.loads(response.content)["count"] == len(before)
    # Last-Modified moves to the midnight the last of them fell overdue.
    fell_overdue = timezone.make_aware(datetime.combine(later, time.min))
    assert parse_http_date(response["Last-Modified"]) >= fell_overdue.timestamp()


def test_every_demo_page_matches_the_document_under_a_strict_validator(api, uncached):
    # A strict validator refuses a value that matches two members of a `oneOf`: the fallback
    # members (`UnknownContent`, `UnknownBlock`) must not match the types the document lists.
    import jsonschema_rs
    from wagtail.models import Page

    from core.snapshots.models import PageSnapshot

    document = delivery_api.get_openapi_schema()
    validator = jsonschema_rs.Draft202012Validator(
        {"$ref": "#/components/schemas/PageResponse", "components": document["components"]}
    )
    served = PageSnapshot.objects.filter(withheld="", fallback_rank=0).values_list(
        "page_id", "reader_locale"
    )
    assert Page.objects.filter(pk__in=[page_id for page_id, _ in served]).count() > 20
    for page_id, locale in served:
        response = api(f"/pages/{page_id}", locale=locale)
        assert response.status_code == 200
        errors = [error.message for error in validator.iter_errors(response.json())]
        assert errors == [], (page_id, locale, errors[:1])
