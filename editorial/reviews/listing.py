"""Articles: Wagtail's page listing of every article with its medical-review state."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import IndexView, PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet

from articles import review_status as review
from articles.models import ArticlePage, Person
from editorial.reviews.first_review import (
    AWAITING_FIRST_REVIEW,
    NOT_REVIEWED_YET,
    awaits_first_review,
)


class ArticleReviewFilterSet(PageFilterSet):
    review_status = django_filters.ChoiceFilter(
        label=_("Review status"),
        choices=review.ReviewStatus.choices,
        method="filter_review_status",
        empty_label=_("Any"),
    )
    medical_reviewer = django_filters.ModelChoiceFilter(
        label=_("Medical reviewer"),
        queryset=lambda request: Person.objects.filter(is_medical_reviewer=True).order_by(
            "name", "pk"
        ),
        empty_label=_("Any"),
    )

    class Meta:
        model = ArticlePage
        fields = []

    def filter_review_status(self, queryset, name, value):
        return queryset.filter(review.status_q(value)).exclude(AWAITING_FIRST_REVIEW)


def review_status_label(page) -> str:
    if awaits_first_review(page):
        return str(NOT_REVIEWED_YET)
    return str(review.review_status(page.next_review_due).label)


class CalendarDateColumn(Column):
    """A date as the calendar's (e.g. "Dec. 20, 2026"), the format of every date in the listing.

    Wagtail's "Updated" says "3 days ago" beside review dates months ahead; with_time keeps the
    moment (date and time) in the date's tooltip.
    """

    cell_template_name = "editorial/reviews/calendar_date_cell.html"

    def __init__(self, *args, with_time: bool = False, **kwargs):
        self.with_time = with_time
        super().__init__(*args, **kwargs)


def listing_columns() -> list[Column]:
    """Wagtail's page listing columns, with "Updated" in the listing's date format."""
    return [
        CalendarDateColumn(
            column.name,
            label=column.label,
            sort_key=column.sort_key,
            width=column.width,
            with_time=True,
        )
        if column.name == "latest_revision_created_at"
        else column
        for column in PageListingViewSet.columns
    ]


class ArticleListingIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("medical_reviewer")


class ArticleListingViewSet(PageListingViewSet):
    model = ArticlePage
    icon = "doc-full"
    menu_label = _("Articles")
    name = "articles"
    add_to_admin_menu = True
    menu_order = 150
    index_view_class = ArticleListingIndexView
    filterset_class = ArticleReviewFilterSet
    columns = [
        *listing_columns(),
        Column("medical_reviewer", label=_("Medical reviewer"), accessor="medical_reviewer"),
        CalendarDateColumn("last_reviewed", label=_("Last reviewed"), sort_key="last_reviewed"),
        CalendarDateColumn(
            "next_review_due", label=_("Next review due"), sort_key="next_review_due"
        ),
        Column("review_status", label=_("Review status"), accessor=review_status_label),
    ]
