"""The dashboard panel: per locale, how many articles are overdue or due soon, and which first."""

from collections.abc import Mapping
from typing import Any

from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber
from django.utils.timesince import timesince, timeuntil
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component
from wagtail.coreutils import get_content_languages

from articles import review_status as review
from articles.models import ArticlePage
from editorial.reviews.first_review import AWAITING_FIRST_REVIEW


def relative_day(day, today) -> str:
    """A review date as the dashboard's other panels give dates: "3 weeks ago", "in 5 days"
    (Wagtail's simplified "time since"; the date itself is in a tooltip)."""
    if day == today:
        return _("Today")
    if day < today:
        return _("%(time_period)s ago") % {"time_period": timesince(day, today, depth=1)}
    return _("in %(time_period)s") % {"time_period": timeuntil(day, today, depth=1)}


class ReviewsDuePanel(Component):
    name = "reviews_due"
    template_name = "editorial/reviews/dashboard_panel.html"
    # After the workflow panels (210, 220), before "Your most recent edits" (250).
    order = 240
    #: How many articles each locale lists, soonest first.
    articles_per_locale = 3

    def get_context_data(self, parent_context: Mapping[str, Any]) -> dict[str, Any]:
        """Two queries whatever the number of articles: the counts, and the first articles."""
        today = review.today()
        due = review.due_for_review(ArticlePage.objects.exclude(AWAITING_FIRST_REVIEW), today=today)
        counts = {
            row["locale__language_code"]: row
            for row in due.order_by()
            .values("locale__language_code")
            .annotate(
                overdue=Count("pk", filter=review.status_q(review.ReviewStatus.OVERDUE, today)),
                due_soon=Count("pk", filter=review.status_q(review.ReviewStatus.DUE_SOON, today)),
            )
        }
        first: dict[str, list] = {}
        soonest = due.only(
            "title", "draft_title", "locale", "next_review_due", "live", "content_type"
        ).annotate(
            position=Window(
                RowNumber(),
                partition_by=F("locale_id"),
                order_by=[F("next_review_due").asc(nulls_first=True), "title", "pk"],
            )
        )
        for page in soonest.filter(position__lte=self.articles_per_locale):
            first.setdefault(page.locale.language_code, []).append(
                {
                    "page": page,
                    "status": review.ReviewStatus(page._review_status),
                    "due": page.next_review_due and relative_day(page.next_review_due, today),
                }
            )

        locales = []
        # The content languages from settings, source first; no query.
        for code, name in get_content_languages().items():
            row = counts.get(code, {})
            locales.append(
                {
                    "code": code,
                    "name": name,
                    "overdue": row.get("overdue", 0),
                    "due_soon": row.get("due_soon", 0),
                    "articles": first.get(code, []),
                }
            )
        return {
            "locales": locales,
            "any_due": any(entry["overdue"] or entry["due_soon"] for entry in locales),
            "due_soon_days": review.DUE_SOON_DAYS,
            "request": parent_context.get("request"),
        }
