"""The "Reviews due" report and dashboard panel: what editors see of review dates."""

import csv
import io
import re
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.models import GroupPagePermission, Locale

from articles import review_status as review
from articles.models import ArticlePage
from tests.approvals import publish_reviewed
from tests.articles.factories import ArticleIndexPageFactory, ArticlePageFactory

pytestmark = pytest.mark.django_db

REPORT = reverse("reviews_due_report")
TODAY = timezone.localdate()  # replaced by `pinned_today` before each test


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch):
    """Today, read once per test and pinned in the review clock, so a run crossing midnight
    compares the dates the code used with the same day."""
    global TODAY
    TODAY = timezone.localdate()
    monkeypatch.setattr(review, "today", lambda: TODAY)
    return TODAY


def article(index, title, due_in_days: int | None, *, live=True) -> ArticlePage:
    due = None if due_in_days is None else TODAY + timedelta(days=due_in_days)
    page = ArticlePageFactory(
        parent=index,
        title=title,
        last_reviewed=min(TODAY, due) - timedelta(days=365) if due else TODAY,
        next_review_due=due,
    )
    if live:
        publish_reviewed(page)
    else:
        page.unpublish()
    if due is None:  # never reviewed: only imported content lacks a date
        ArticlePage.objects.filter(pk=page.pk).update(last_reviewed=None, next_review_due=None)
    return ArticlePage.objects.get(pk=page.pk)


def translate(page, language_code, title) -> ArticlePage:
    translation = page.copy_for_translation(
        Locale.objects.get(language_code=language_code), copy_parents=True
    )
    translation.title = title
    publish_reviewed(translation)
    return ArticlePage.objects.get(pk=translation.pk)


@pytest.fixture
def index(home_page):
    return ArticleIndexPageFactory(parent=home_page)


@pytest.fixture
def articles(index):
    overdue = article(index, "Overdue ketamine", -1)
    soon = article(index, "Due soon esketamine", 30)
    article(index, "Current TMS", 31)
    # Readers got it without a review date (an import): overdue.
    article(index, "Never reviewed ECT", None)
    # A writer's new draft, never published: its first review is ahead of it, not overdue.
    new_draft = ArticlePageFactory(
        parent=index, title="New draft on psilocybin", live=False, last_reviewed=None
    )
    ArticlePage.objects.filter(pk=new_draft.pk).update(next_review_due=None)
    translate(soon, "es", "Esketamina pronto")
    translate(overdue, "ar", "الكيتامين متأخر")
    return index


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser(
        username="chief", email="chief@example.org", password="a-long-password"
    )


@pytest.fixture
def admin_only_user(db):
    """Can log in to the admin, but edit no page (like a writer before they get a section)."""
    user = get_user_model().objects.create_user(
        username="newcomer", email="newcomer@example.org", password="a-long-password"
    )
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return user


@pytest.fixture
def page_editor(index):
    """Edits pages under the article index through a group."""
    group = Group.objects.create(name="Section editors")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    GroupPagePermission.objects.create(
        group=group, page=index, permission=Permission.objects.get(codename="change_page")
    )
    user = get_user_model().objects.create_user(username="editor", password="a-long-password")
    user.groups.add(group)
    return user


def rows(response) -> list[dict[str, str]]:
    """The report as its CSV export, one dict per row."""
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_the_report_lists_overdue_and_due_soon_articles_soonest_first(articles, superuser, client):
    client.force_login(superuser)

    listed = [
        (row["Article"], row["Language"], row["Published"], row["Next review due"], row["Status"])
        for row in rows(client.get(REPORT, {"export": "csv"}))
    ]

    yesterday, in_30_days = (TODAY - timedelta(days=1)).isoformat(), (TODAY + timedelta(30))
    assert listed == [
        ("Never reviewed ECT", "English", "Live", "", "Overdue"),
        ("Overdue ketamine", "English", "Live", yesterday, "Overdue"),
        ("الكيتامين متأخر", "العربية", "Live", yesterday, "Overdue"),
        ("Due soon esketamine", "English", "Live", in_30_days.isoformat(), "Due soon"),
        ("Esketamina pronto", "Español", "Live", in_30_days.isoformat(), "Due soon"),
    ]


def test_the_report_page_links_each_article_to_its_editor(articles, superuser, client):
    client.force_login(superuser)

    response = client.get(REPORT)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Reviews due" in html
    overdue = ArticlePage.objects.get(title="Overdue ketamine")
    assert reverse("wagtailadmin_pages:edit", args=[overdue.pk]) in html
    assert "Current TMS" not in html
    assert "Last reviewed" in html and "Next review due" in html


def test_the_report_filters_by_locale_and_status(articles, superuser, client):
    client.force_login(superuser)

    spanish = rows(client.get(REPORT, {"locale": "es", "export": "csv"}))
    overdue = rows(client.get(REPORT, {"status": "overdue", "export": "csv"}))
    english_due_soon = rows(
        client.get(REPORT, {"locale": "en", "status": "due_soon", "export": "csv"})
    )

    assert [row["Article"] for row in spanish] == ["Esketamina pronto"]
    assert [row["Article"] for row in overdue] == [
        "Never reviewed ECT",
        "Overdue ketamine",
        "الكيتامين متأخر",
    ]
    assert [row["Article"] for row in english_due_soon] == ["Due soon esketamine"]
    html = client.get(REPORT, {"status": "due_soon"}).content.decode()
    assert "Esketamina pronto" in html and "Overdue ketamine" not in html


def test_the_report_exports_a_spreadsheet(articles, superuser, client):
    client.force_login(superuser)

    response = client.get(REPORT, {"export": "xlsx"})

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith(
        f'attachment; filename="reviews-due-{TODAY.isoformat()}.xlsx"'
    )


def test_users_who_edit_pages_see_the_report(articles, page_editor, client):
    client.force_login(page_editor)

    assert client.get(REPORT).status_code == 200
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert REPORT in home  # the menu item and the dashboard panel


def test_users_who_edit_no_page_are_refused(articles, admin_only_user, client):
    client.force_login(admin_only_user)

    response = client.get(REPORT)

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert client.get(REPORT, {"export": "csv"}).status_code == 302
    home = client.get(reverse("wagtailadmin_home"))
    assert home.status_code == 200
    assert REPORT not in home.content.decode()


def test_the_report_costs_the_same_queries_for_more_articles(index, superuser, client):
    client.force_login(superuser)
    for number in range(3):
        article(index, f"First {number}", -number)
    client.get(REPORT)  # warm per-process caches (content types, locales)
    with CaptureQueriesContext(connection) as few:
        assert client.get(REPORT).status_code == 200
    for number in range(12):
        translate(article(index, f"More {number}", number), "es", f"Más {number}")
    with CaptureQueriesContext(connection) as more:
        response = client.get(REPORT)
    assert response.status_code == 200
    assert "Más 11" in response.content.decode()

    assert len(more) == len(few)
    assert len(more) <= 12


def panel(client) -> BeautifulSoup:
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    found = BeautifulSoup(response.content, "html.parser").find(id="reviews-due-section")
    assert found is not None, "The dashboard has no reviews-due panel"
    return found


def counts(section) -> str:
    return " ".join(section.find("th", scope="rowgroup").get_text().split())


def test_the_dashboard_counts_reviews_due_per_locale(articles, superuser, client):
    client.force_login(superuser)

    found = panel(client)

    english = found.find("tbody", attrs={"data-reviews-due-locale": "en"})
    spanish = found.find("tbody", attrs={"data-reviews-due-locale": "es"})
    arabic = found.find("tbody", attrs={"data-reviews-due-locale": "ar"})
    assert counts(english) == "English: 2 overdue, 1 due soon"
    assert counts(spanish) == "Español: 0 overdue, 1 due soon"
    assert counts(arabic) == "العربية: 1 overdue, 0 due soon"
    # The first few articles, soonest first, each linked to its editor.
    links = [(link.get_text(), link["href"]) for link in english.find_all("a")]
    assert [title for title, _ in links] == [
        "Never reviewed ECT",
        "Overdue ketamine",
        "Due soon esketamine",
    ]
    soon = ArticlePage.objects.get(title="Due soon esketamine")
    assert links[2][1] == reverse("wagtailadmin_pages:edit", args=[soon.pk])
    assert found.find("a", href=REPORT) is not None


def test_the_dashboard_lists_only_the_first_few_per_locale(index, superuser, client):
    for number in range(5):
        article(index, f"Article {number}", number)
    client.force_login(superuser)

    english = panel(client).find("tbody", attrs={"data-reviews-due-locale": "en"})

    assert counts(english) == "English: 0 overdue, 5 due soon"
    assert [link.get_text() for link in english.find_all("a")] == [
        "Article 0",
        "Article 1",
        "Article 2",
    ]


def test_the_dashboard_says_when_nothing_is_due(index, superuser, client):
    article(index, "Current TMS", 31)
    client.force_login(superuser)

    found = panel(client)

    assert "No article is due for review in the next 30 days." in found.get_text(" ", strip=True)
    assert found.find("tbody") is None


def test_the_dashboard_costs_the_same_queries_for_more_articles(index, superuser, client):
    client.force_login(superuser)
    article(index, "First", -1)
    home = reverse("wagtailadmin_home")
    client.get(home)
    with CaptureQueriesContext(connection) as few:
        client.get(home)
    for number in range(8):
        translate(article(index, f"More {number}", number), "es", f"Más {number}")
    with CaptureQueriesContext(connection) as more:
        client.get(home)

    assert len(more) == len(few)


def test_the_dashboard_gives_review_dates_as_its_other_panels_give_dates(
    articles, superuser, client
):
    client.force_login(superuser)

    english = panel(client).find("tbody", attrs={"data-reviews-due-locale": "en"})

    # Like Wagtail's "Your most recent edits": "3 weeks ago", the date itself in a tooltip.
    shown = [time.get_text(strip=True) for time in english.find_all("time")]
    assert shown, "the panel shows the due dates"
    assert all(re.fullmatch(r"(\d+\s\w+ ago|In \d+\s\w+|Today)", text) for text in shown), shown
    overdue = ArticlePage.objects.get(title="Overdue ketamine").next_review_due
    time = english.find("time", attrs={"datetime": overdue.isoformat()})
    assert time.parent["data-w-tooltip-content-value"] == date_format(overdue, "DATE_FORMAT")
