"""Review status: current, due soon (within 30 days, today included) or overdue (date passed or
never reviewed), in Python and in SQL alike."""

from datetime import date, timedelta

import pytest

from articles.models import ArticlePage
from articles.review_status import (
    DUE_SOON_DAYS,
    ReviewStatus,
    due_for_review,
    review_status,
    status_changed_on,
)
from tests.articles.factories import ArticleIndexPageFactory, ArticlePageFactory

TODAY = date(2026, 6, 15)

BOUNDARIES = [
    (TODAY - timedelta(days=400), ReviewStatus.OVERDUE),
    (TODAY - timedelta(days=1), ReviewStatus.OVERDUE),
    (TODAY, ReviewStatus.DUE_SOON),
    (TODAY + timedelta(days=1), ReviewStatus.DUE_SOON),
    (TODAY + timedelta(days=30), ReviewStatus.DUE_SOON),
    (TODAY + timedelta(days=31), ReviewStatus.CURRENT),
    (TODAY + timedelta(days=365), ReviewStatus.CURRENT),
    (None, ReviewStatus.OVERDUE),
]


def test_due_soon_means_within_30_days():
    assert DUE_SOON_DAYS == 30


@pytest.mark.parametrize(("next_review_due", "expected"), BOUNDARIES)
def test_the_status_at_the_boundaries(next_review_due, expected):
    assert review_status(next_review_due, today=TODAY) == expected


def test_the_status_values_are_the_api_strings():
    assert [status.value for status in ReviewStatus] == ["current", "due_soon", "overdue"]


def test_without_a_day_the_status_is_for_today():
    today = date.today()
    assert review_status(today) == ReviewStatus.DUE_SOON
    assert review_status(today - timedelta(days=1)) == ReviewStatus.OVERDUE
    assert review_status(today + timedelta(days=31)) == ReviewStatus.CURRENT


@pytest.mark.parametrize(
    ("next_review_due", "changed_on"),
    [
        (TODAY - timedelta(days=1), TODAY),  # overdue from today
        (TODAY - timedelta(days=10), TODAY - timedelta(days=9)),
        (TODAY + timedelta(days=30), TODAY),  # due soon from today
        (TODAY + timedelta(days=5), TODAY - timedelta(days=25)),
        (TODAY + timedelta(days=31), None),  # current: only an edit changes it
        (None, None),  # never reviewed: overdue ever since it was saved
    ],
)
def test_the_day_the_status_last_changed_by_itself(next_review_due, changed_on):
    assert status_changed_on(next_review_due, today=TODAY) == changed_on


@pytest.mark.django_db
def test_the_query_agrees_with_the_python_status(home_page):
    index = ArticleIndexPageFactory(parent=home_page)
    articles = {}
    for number, (due, expected) in enumerate(BOUNDARIES):
        article = ArticlePageFactory(
            parent=index, title=f"Article {number}", slug=f"article-{number}"
        )
        ArticlePage.objects.filter(pk=article.pk).update(next_review_due=due)
        articles[article.pk] = expected

    due = list(due_for_review(today=TODAY))

    expected_due = {pk for pk, status in articles.items() if status != ReviewStatus.CURRENT}
    assert {page.pk for page in due} == expected_due
    for page in due:
        assert page._review_status == articles[page.pk]
        assert review_status(page.next_review_due, today=TODAY) == articles[page.pk]
    # Never reviewed first, then soonest first.
    assert [page.next_review_due for page in due] == [
        None,
        TODAY - timedelta(days=400),
        TODAY - timedelta(days=1),
        TODAY,
        TODAY + timedelta(days=1),
        TODAY + timedelta(days=30),
    ]


@pytest.mark.django_db
def test_the_window_can_be_narrowed(home_page):
    index = ArticleIndexPageFactory(parent=home_page)
    for number, days in enumerate([-1, 5, 20]):
        article = ArticlePageFactory(parent=index, slug=f"window-{number}")
        ArticlePage.objects.filter(pk=article.pk).update(
            next_review_due=TODAY + timedelta(days=days)
        )

    dates = [page.next_review_due for page in due_for_review(within_days=7, today=TODAY)]

    assert dates == [TODAY - timedelta(days=1), TODAY + timedelta(days=5)]
