"""The "Withheld from readers" report: live pages the publication gate keeps from readers.

A page can be live without passing the gate (copied with "Publish copies", published by a
script, an English original withdrawn under its translation); readers then get nothing, and
this report, like the message on the page's edit view, says why. One row per page, for the
pages the user may edit.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, LocaleColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from core.snapshots.models import PageSnapshot


def withheld_snapshots(pages=None):
    """Each withheld page once: the snapshot for the readers of the page's own language."""
    snapshots = PageSnapshot.objects.exclude(withheld="").filter(fallback_rank=0)
    if pages is not None:
        snapshots = snapshots.filter(page__in=pages)
    return snapshots


def withheld_reason(page: Page) -> str:
    """Why readers do not get this live page, or "" when they do (or it is not live)."""
    snapshot = withheld_snapshots([page.pk]).only("withheld").first()
    return snapshot.withheld if snapshot else ""


class WithheldReportView(ReportView):
    page_title = _("Withheld from readers")
    header_icon = "warning"
    index_url_name = "withheld_report"
    index_results_url_name = "withheld_report_results"
    permission_policy = PagePermissionPolicy()
    any_permission_required = ["add", "change", "publish"]
    verbose_name = _("withheld page")
    verbose_name_plural = _("withheld pages")
    paginate_by = 50

    columns = [
        TitleColumn(
            "title",
            label=_("Page"),
            accessor="page.title",
            get_url=lambda snapshot: reverse("wagtailadmin_pages:edit", args=[snapshot.page_id]),
        ),
        LocaleColumn(accessor="page.locale", sort_key=None),
        Column("withheld", label=_("Why readers do not get it")),
        DateColumn("rendered_at", label=_("Since")),
    ]
    list_export = ["page.title", "locale", "withheld", "rendered_at"]
    export_headings = {
        "page.title": _("Page"),
        "locale": _("Locale"),
        "withheld": _("Why readers do not get it"),
        "rendered_at": _("Since"),
    }
    export_filename = "withheld-from-readers"

    def get_queryset(self):
        editable = self.permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        )
        return (
            withheld_snapshots(editable)
            .select_related("page", "page__locale")
            .order_by("-rendered_at", "pk")
        )
