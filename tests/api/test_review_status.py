"""Articles carry their review status (current, due_soon, overdue) next to their review dates, in
every locale, and a status that changes with the date alone is never revalidated as unchanged."""

from datetime import date, datetime, time, timedelta

import pytest
from django.utils import timezone
from django.utils.http import parse_http_date

from articles import review_status as review

from .conftest import build_article, translate_page

TODAY = timezone.localdate()  # replaced by `pinned_today` before each test


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch):
    """Today, read once per test and pinned in the review clock, so a run crossing midnight
    compares the dates the code used with the same day."""
    global TODAY
    TODAY = timezone.localdate()
    monkeypatch.setattr(review, "today", lambda: TODAY)
    return TODAY


def reviewed(due_in_days: int) -> dict:
    due = TODAY + timedelta(days=due_in_days)
    return {"last_reviewed": min(TODAY, due) - timedelta(days=300), "next_review_due": due}


def midnight(day: date) -> int:
    return int(timezone.make_aware(datetime.combine(day, time.min)).timestamp())


@pytest.mark.parametrize(
    ("due_in_days", "expected"),
    [(-1, "overdue"), (0, "due_soon"), (30, "due_soon"), (31, "current")],
)
def test_an_article_serves_its_review_status_in_english_and_spanish(
    api, article_index, spanish, due_in_days, expected
):
    article = build_article(article_index, **reviewed(due_in_days))
    translate_page(article, spanish, title="Ketamina y depresión", slug="ketamina")
    due = (TODAY + timedelta(days=due_in_days)).isoformat()

    english = api(f"/pages/{article.pk}").json()
    translated = api(f"/pages/{article.pk}", locale="es").json()

    assert translated["meta"] == {
        "requested_locale": {"code": "es", "direction": "ltr"},
        "served_locale": {"code": "es", "direction": "ltr"},
        "fallback": False,
        "partly_translated": False,
    }
    for body in (english, translated):
        assert body["content"]["next_review_due"] == due
        assert body["content"]["review_status"] == expected


def test_cards_carry_the_review_status_and_its_date(api, article_index, spanish):
    overdue = build_article(article_index, title="Overdue", **reviewed(-10))
    build_article(article_index, title="Current", **reviewed(200))
    translate_page(overdue, spanish, title="Atrasado", slug="atrasado")

    cards = {
        card["title"]: (card["locale"]["code"], card["next_review_due"], card["review_status"])
        for card in api("/articles", locale="es").json()["items"]
    }

    assert cards == {
        "Atrasado": ("es", (TODAY - timedelta(days=10)).isoformat(), "overdue"),
        "Current": ("en", (TODAY + timedelta(days=200)).isoformat(), "current"),
    }


@pytest.fixture
def later(monkeypatch, settings):
    """Moves the review clock forward, as if days passed without anyone publishing."""
    # The response cache may keep a body for its lifetime; this is about conditional requests.
    settings.API_RESPONSE_CACHE_SECONDS = 0

    def move(days: int) -> None:
        monkeypatch.setattr(review, "today", lambda: TODAY + timedelta(days=days))

    return move


@pytest.mark.parametrize(
    ("endpoint", "read"),
    [
        ("/pages/{pk}", lambda body: body["content"]["review_status"]),
        ("/articles", lambda body: body["items"][0]["review_status"]),
    ],
)
def test_a_status_that_changes_with_the_date_is_not_revalidated_as_unchanged(
    api, article_index, later, endpoint, read
):
    article = build_article(article_index, **reviewed(40))
    path = endpoint.format(pk=article.pk)
    first = api(path)
    assert read(first.json()) == "current"

    later(15)  # now due in 25 days: due soon since the midnight 10 days from today
    by_date = api(path, headers={"If-Modified-Since": first["Last-Modified"]})
    by_etag = api(path, headers={"If-None-Match": first["ETag"]})

    assert by_date.status_code == 200
    assert read(by_date.json()) == "due_soon"
    assert parse_http_date(by_date["Last-Modified"]) == midnight(TODAY + timedelta(days=10))
    assert by_etag.status_code == 200
    assert by_etag["ETag"] != first["ETag"]
    # Until the status changes again, revalidation succeeds.
    assert api(path, headers={"If-Modified-Since": by_date["Last-Modified"]}).status_code == 304
    assert api(path, headers={"If-None-Match": by_etag["ETag"]}).status_code == 304

    later(41)  # overdue since the midnight after the due date
    overdue = api(path, headers={"If-Modified-Since": by_date["Last-Modified"]})
    assert overdue.status_code == 200
    assert read(overdue.json()) == "overdue"
    assert parse_http_date(overdue["Last-Modified"]) == midnight(TODAY + timedelta(days=41))


def test_last_modified_is_the_publication_while_the_status_has_not_changed_since(
    api, article_index
):
    article = build_article(article_index, **reviewed(20))  # due soon since 10 days ago

    response = api(f"/pages/{article.pk}")

    article.refresh_from_db()
    assert parse_http_date(response["Last-Modified"]) == int(article.last_published_at.timestamp())
