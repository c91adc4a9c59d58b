"""Admin hooks for citations: the Citations report and the citation-notice snippets."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from editorial.citations.views import CitationNoticeViewSet, CitationsReportView
from editorial.reviews.views import works_on_source_content

register_snippet(CitationNoticeViewSet)


@hooks.register("register_admin_urls")
def register_citations_report_urls():
    return [
        path("reports/citations/", CitationsReportView.as_view(), name="citations_report"),
        path(
            "reports/citations/results/",
            CitationsReportView.as_view(results_only=True),
            name="citations_report_results",
        ),
    ]


class CitationsMenuItem(MenuItem):
    def is_shown(self, request):
        user = request.user
        return CitationsReportView.permission_policy.user_has_any_permission(
            user, CitationsReportView.any_permission_required
        ) and works_on_source_content(user)


@hooks.register("register_reports_menu_item")
def register_citations_report_menu_item():
    return CitationsMenuItem(
        _("Citations"), reverse("citations_report"), name="citations", icon_name="link", order=8920
    )
