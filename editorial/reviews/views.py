"""The "Reviews due" report: articles whose medical review is overdue or due within 30 days.

One row per article (in every locale: translations carry their source's review dates). The rows
come from one query, paginated in the database, so the report costs the same handful of queries
whatever the number of articles.
"""

from dataclasses import dataclass
from datetime import date
from functools import cached_property

import django_filters
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, LocaleColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.coreutils import get_content_languages
from wagtail.models import Locale
from wagtail.permission_policies.pages import PagePermissionPolicy

from articles import review_status as review
from articles.models import ArticlePage, cites_open_notice
from editorial.reviews.first_review import AWAITING_FIRST_REVIEW

#: The report's status for an article citing a retracted or corrected paper (Reports → Citations).
RE_REVIEW = "re_review"
RE_REVIEW_LABEL = _("Re-review: cited paper retracted or corrected")


@dataclass(frozen=True)
class ReviewRow:
    """An article and its review status on the report's day."""

    page: ArticlePage

    @property
    def pk(self) -> int:
        return self.page.pk

    @property
    def title(self) -> str:
        return self.page.get_admin_display_title()

    @property
    def locale(self) -> Locale:
        return self.page.locale

    @property
    def locale_name(self) -> str:
        return self.page.locale.get_display_name()

    @property
    def publication(self) -> str:
        if not self.page.live:
            return str(_("Draft"))
        if self.page.has_unpublished_changes:
            return str(_("Live + draft"))
        return str(_("Live"))

    @property
    def last_reviewed(self) -> date | None:
        return self.page.last_reviewed

    @property
    def next_review_due(self) -> date | None:
        return self.page.next_review_due

    @property
    def status(self) -> review.ReviewStatus:
        return review.ReviewStatus(self.page._review_status)

    @property
    def needs_re_review(self) -> bool:
        return getattr(self.page, "_cites_open_notice", False)

    @property
    def status_label(self) -> str:
        if self.needs_re_review:
            return str(RE_REVIEW_LABEL)
        return str(self.status.label)


def _locale_choices() -> list[tuple[str, str]]:
    # The content languages from settings, source first; no query.
    return list(get_content_languages().items())


class ReviewsDueFilterSet(WagtailFilterSet):
    locale = django_filters.ChoiceFilter(
        label=_("Language"),
        choices=_locale_choices,
        field_name="locale__language_code",
        empty_label=_("All"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[
            (RE_REVIEW, RE_REVIEW_LABEL),
            *(
                (status.value, status.label)
                for status in (review.ReviewStatus.OVERDUE, review.ReviewStatus.DUE_SOON)
            ),
        ],
        method="filter_status",
        empty_label=_("All"),
    )

    class Meta:
        model = ArticlePage
        fields = []

    def filter_status(self, queryset, name, value):
        if value == RE_REVIEW:
            return queryset.filter(_cites_open_notice=True)
        return queryset.filter(_review_status=value)


def works_on_source_content(user) -> bool:
    """Whether `user` may edit some page in the source language (reviews concern the source).

    Translators edit only translations, which carry their source's review, so the report and
    its dashboard panel are not theirs (and would show them English drafts' titles).
    """
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    return any(
        grant.page.locale_id == Locale.get_default().pk
        for grant in PagePermissionPolicy().get_cached_permissions_for_user(user)
        if grant.permission.codename in ("add_page", "change_page")
    )


class ReviewsDueReportView(ReportView):
    page_title = _("Reviews due")
    header_icon = "date"
    index_url_name = "reviews_due_report"
    index_results_url_name = "reviews_due_report_results"
    filterset_class = ReviewsDueFilterSet
    permission_policy = PagePermissionPolicy()
    #: Anyone who can edit some page (Wagtail counts "add" too: authors edit their own pages).
    any_permission_required = ["change"]
    verbose_name = _("article due for review")

    def user_has_any_permission(self, permissions):
        return super().user_has_any_permission(permissions) and works_on_source_content(
            self.request.user
        )

    verbose_name_plural = _("articles due for review")
    paginate_by = 50

    columns = [
        TitleColumn(
            "title",
            label=_("Article"),
            get_url=lambda row: reverse("wagtailadmin_pages:edit", args=[row.pk]),
        ),
        LocaleColumn(accessor="locale", sort_key=None, label=_("Language")),
        Column("publication", label=_("Published")),
        Column("last_reviewed", label=_("Last reviewed")),
        Column("next_review_due", label=_("Next review due")),
        StatusTagColumn(
            "status_label",
            label=_("Status"),
            primary=lambda row: row.needs_re_review or row.status == review.ReviewStatus.OVERDUE,
        ),
    ]
    list_export = [
        "title",
        "locale_name",
        "publication",
        "last_reviewed",
        "next_review_due",
        "status_label",
    ]
    export_headings = {
        "title": _("Article"),
        "locale_name": _("Language"),
        "publication": _("Published"),
        "last_reviewed": _("Last reviewed"),
        "next_review_due": _("Next review due"),
        "status_label": _("Status"),
    }
    export_filename = "reviews-due"

    @cached_property
    def today(self) -> date:
        return review.today()

    def get_queryset(self):
        # The filters are applied once, by ReportView.get_filtered_queryset.
        # Articles citing a retracted or corrected paper need a review whatever their dates.
        flagged = ArticlePage.objects.exclude(AWAITING_FIRST_REVIEW).annotate(
            _cites_open_notice=cites_open_notice()
        )
        return (
            review.due_for_review(flagged, today=self.today, also=Q(_cites_open_notice=True))
            .order_by(
                F("_cites_open_notice").desc(),
                F("next_review_due").asc(nulls_first=True),
                "title",
                "pk",
            )
            .only(
                "title",
                "draft_title",
                "locale_id",
                "locale__language_code",
                "live",
                "has_unpublished_changes",
                "last_reviewed",
                "next_review_due",
                "content_type_id",
                "path",
                "depth",
            )
        )

    def get_table(self, object_list):
        return super().get_table(self.decorate_paginated_queryset(object_list))

    def decorate_paginated_queryset(self, object_list):
        # Rows for the table (get_table) and for the export (ReportView.get); one query.
        return [row if isinstance(row, ReviewRow) else ReviewRow(row) for row in object_list]

    def get_filename(self):
        return f"{self.export_filename}-{self.today.isoformat()}"
