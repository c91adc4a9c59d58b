"""Whether an article's medical review is current, due soon or overdue.

The status depends on the date, not only on the content: an article becomes due soon thirty days
before its `next_review_due` and overdue the day after it, without anyone publishing anything.
An article that was never reviewed (no date) is overdue: it needs a review now.

This module imports no models at import time, so models and the API may use it freely.
"""

from datetime import date, datetime, time, timedelta

from django.db import models
from django.db.models import Case, F, Q, QuerySet, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

#: An article is due soon from this many days before its next review date (inclusive).
DUE_SOON_DAYS = 30


class ReviewStatus(models.TextChoices):
    CURRENT = "current", _("Current")
    DUE_SOON = "due_soon", _("Due soon")
    OVERDUE = "overdue", _("Overdue")


def today() -> date:
    """Today in the site's time zone (tests may replace this to move the clock)."""
    return timezone.localdate()


def review_status(next_review_due: date | None, today: date | None = None) -> ReviewStatus:
    today = today or _today()
    if next_review_due is None or next_review_due < today:
        return ReviewStatus.OVERDUE
    if next_review_due <= today + timedelta(days=DUE_SOON_DAYS):
        return ReviewStatus.DUE_SOON
    return ReviewStatus.CURRENT


def status_changed_on(next_review_due: date | None, today: date | None = None) -> date | None:
    """The day the article's status last changed by the passing of time alone (no edit), or None
    when it has not: a current article, or one never reviewed (overdue since it was published)."""
    if next_review_due is None:
        return None
    status = review_status(next_review_due, today)
    if status == ReviewStatus.OVERDUE:
        return next_review_due + timedelta(days=1)
    if status == ReviewStatus.DUE_SOON:
        return next_review_due - timedelta(days=DUE_SOON_DAYS)
    return None


def status_changes_on(next_review_due: date | None, today: date | None = None) -> date | None:
    """The next day the article's status will change by the passing of time alone, or None when
    it never will (overdue, or never reviewed)."""
    if next_review_due is None:
        return None
    status = review_status(next_review_due, today)
    if status == ReviewStatus.CURRENT:
        return next_review_due - timedelta(days=DUE_SOON_DAYS)
    if status == ReviewStatus.DUE_SOON:
        return next_review_due + timedelta(days=1)
    return None


def status_changed_at(next_review_due: date | None, today: date | None = None) -> datetime | None:
    """`status_changed_on` as the moment it happened: midnight in the site's time zone."""
    day = status_changed_on(next_review_due, today)
    if day is None:
        return None
    return timezone.make_aware(datetime.combine(day, time.min))


def _today() -> date:
    # Looked up at call time so that tests can replace `today`.
    return today()


# Queries


def status_q(status: str, today: date | None = None, field: str = "next_review_due") -> Q:
    """The rows whose review status is `status` on `today`."""
    today = today or _today()
    soon = today + timedelta(days=DUE_SOON_DAYS)
    if status == ReviewStatus.OVERDUE:
        return Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__lt": today})
    if status == ReviewStatus.DUE_SOON:
        return Q(**{f"{field}__gte": today, f"{field}__lte": soon})
    if status == ReviewStatus.CURRENT:
        return Q(**{f"{field}__gt": soon})
    raise ValueError(f"Unknown review status: {status!r}")


def status_expression(today: date | None = None, field: str = "next_review_due") -> Case:
    """The review status as an SQL expression, to annotate or aggregate on."""
    today = today or _today()
    return Case(
        *(
            When(status_q(status, today, field), then=Value(status.value))
            for status in (ReviewStatus.OVERDUE, ReviewStatus.DUE_SOON)
        ),
        default=Value(ReviewStatus.CURRENT.value),
        output_field=models.CharField(),
    )


def due_for_review(
    queryset: QuerySet | None = None,
    *,
    within_days: int = DUE_SOON_DAYS,
    today: date | None = None,
    also: Q | None = None,
) -> QuerySet:
    """Articles whose review is overdue or due within `within_days`, soonest (and never reviewed)
    first, with their locale; one query whatever the number of rows.

    Aliases are left out: they show their source's words and are reviewed with it. Each row has a
    `_review_status` annotation (a ReviewStatus value). `also` adds articles that need a review
    for another reason, whatever their dates (e.g. a retracted citation).
    """
    from articles.models import ArticlePage

    today = today or _today()
    if queryset is None:
        queryset = ArticlePage.objects.all()
    return (
        queryset.filter(alias_of__isnull=True)
        .filter(
            Q(next_review_due__isnull=True)
            | Q(next_review_due__lte=today + timedelta(days=within_days))
            | (also if also is not None else Q(pk__in=[]))
        )
        .annotate(_review_status=status_expression(today))
        .select_related("locale")
        .order_by(F("next_review_due").asc(nulls_first=True), "title", "pk")
    )
