"""Admin hooks for review dates: the "Reviews due" report and its dashboard panel."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from editorial.reviews.listing import ArticleListingViewSet
from editorial.reviews.panels import ReviewsDuePanel
from editorial.reviews.views import ReviewsDueReportView, works_on_source_content


def can_see_reviews_due(user) -> bool:
    return ReviewsDueReportView.permission_policy.user_has_any_permission(
        user, ReviewsDueReportView.any_permission_required
    ) and works_on_source_content(user)


@hooks.register("register_admin_urls")
def register_reviews_due_report_urls():
    return [
        path("reports/reviews-due/", ReviewsDueReportView.as_view(), name="reviews_due_report"),
        path(
            "reports/reviews-due/results/",
            ReviewsDueReportView.as_view(results_only=True),
            name="reviews_due_report_results",
        ),
    ]


class ReviewsDueMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_reviews_due(request.user)


@hooks.register("register_reports_menu_item")
def register_reviews_due_report_menu_item():
    return ReviewsDueMenuItem(
        _("Reviews due"),
        reverse("reviews_due_report"),
        name="reviews-due",
        icon_name="date",
        order=8910,
    )


@hooks.register("construct_homepage_panels")
def add_reviews_due_panel(request, panels):
    if can_see_reviews_due(request.user):
        panels.append(ReviewsDuePanel())


@hooks.register("register_admin_viewset")
def register_article_listing():
    return ArticleListingViewSet()
