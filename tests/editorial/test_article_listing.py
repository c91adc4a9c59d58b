"""The Articles page listing: each article's medical-review state, filterable."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from tests.articles.factories import ArticlePageFactory, PersonFactory

pytestmark = pytest.mark.django_db

LISTING = reverse("articles:index")


def rows(client, **filters) -> dict[str, list[str]]:
    """Each listed article's title and the text of its review columns."""
    soup = BeautifulSoup(client.get(LISTING, filters).content, "html.parser")
    listed = {}
    for row in soup.select("tbody tr"):
        cells = [cell.get_text(" ", strip=True) for cell in row.find_all("td")]
        title = row.select_one("td.title a, .title-wrapper a").get_text(strip=True)
        listed[title] = cells[-4:]
    return listed


@pytest.fixture
def articles(article_index):
    today = timezone.localdate()
    reviewer = PersonFactory(reviewer=True, name="Dr. Lena Ortiz")
    current = ArticlePageFactory(
        parent=article_index,
        title="Current article",
        medical_reviewer=reviewer,
        last_reviewed=today - timedelta(days=10),
        next_review_due=today + timedelta(days=200),
    )
    overdue = ArticlePageFactory(
        parent=article_index,
        title="Overdue article",
        last_reviewed=today - timedelta(days=400),
        next_review_due=today - timedelta(days=35),
    )
    return current, overdue, reviewer


def test_the_listing_shows_reviewer_dates_and_status(admin_client, articles):
    listed = rows(admin_client)

    reviewer_cell, _last, _due, status = listed["Current article"]
    assert "Dr. Lena Ortiz" in reviewer_cell
    assert status == "Current"
    assert listed["Overdue article"][-1] == "Overdue"


def test_the_listing_filters_by_review_status_and_reviewer(admin_client, articles):
    _current, _overdue, reviewer = articles

    assert list(rows(admin_client, review_status="overdue")) == ["Overdue article"]
    assert list(rows(admin_client, medical_reviewer=reviewer.pk)) == ["Current article"]


def test_an_unknown_filter_value_is_a_form_error_not_a_500(admin_client, articles):
    response = admin_client.get(LISTING, {"review_status": "someday"})

    assert response.status_code == 200


def test_a_new_draft_is_not_reviewed_yet_rather_than_overdue(admin_client, articles, article_index):
    ArticlePageFactory(
        parent=article_index,
        title="New draft",
        live=False,
        medical_reviewer=None,
        last_reviewed=None,
    )

    assert rows(admin_client)["New draft"][-1] == "Not reviewed yet"
    assert "New draft" not in rows(admin_client, review_status="overdue")


def test_every_date_in_the_listing_has_the_same_format(admin_client, articles):
    current, _overdue, _reviewer = articles
    current.save_revision()  # "Updated" today
    soup = BeautifulSoup(admin_client.get(LISTING).content, "html.parser")

    row = next(row for row in soup.select("tbody tr") if "Current article" in row.get_text())
    dates = [time.get_text(strip=True) for time in row.find_all("time")]
    today = timezone.localdate()
    assert dates == [
        date_format(today, "DATE_FORMAT"),  # Updated, not "just now"
        date_format(today - timedelta(days=10), "DATE_FORMAT"),
        date_format(today + timedelta(days=200), "DATE_FORMAT"),
    ]
    assert "ago" not in row.get_text() and "just now" not in row.get_text().lower()


def test_avatars_are_served_by_the_admin_rather_than_gravatar(admin_client, articles):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()

    avatars = BeautifulSoup(html, "html.parser").select("img.avatar, .avatar img")
    assert avatars, "the dashboard shows the signed-in user's avatar"
    assert all(image["src"].startswith("/static/") for image in avatars), [
        image["src"] for image in avatars
    ]
    assert "gravatar.com" not in html
