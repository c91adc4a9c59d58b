"""Reports → Citations: every cited DOI or PubMed ID, the articles citing it, and its notice."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Q
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from articles.models import ArticlePage, ArticleReference, CitationNotice, NoticeKind
from editorial.reviews.views import works_on_source_content


@dataclass
class CitationRow:
    """One cited paper, by DOI (or PubMed ID when it has no DOI)."""

    doi: str
    pmid: str
    title: str
    pages: list[ArticlePage] = field(default_factory=list)
    notice: CitationNotice | None = None

    @property
    def identifier(self) -> str:
        return f"DOI {self.doi}" if self.doi else f"PMID {self.pmid}"

    @property
    def notice_status(self) -> str:
        if self.notice is None:
            return ""
        if self.notice.resolved:
            return f"{self.notice.get_kind_display()}, resolved"
        return f"{self.notice.get_kind_display()}: medical re-review needed"

    @property
    def articles(self) -> str:
        """The citing articles as plain text, for the spreadsheet export."""
        return "; ".join(f"{page.title} ({page.locale.language_code})" for page in self.pages)


def paper_key(reference: ArticleReference) -> tuple[str, str]:
    return ("doi", reference.doi.lower()) if reference.doi else ("pmid", reference.pmid)


def citation_rows() -> list[CitationRow]:
    """Every cited paper with its citing articles (every locale), papers under notice first."""
    references = (
        ArticleReference.objects.filter(~Q(doi="") | ~Q(pmid=""))
        .select_related("page__locale")
        .order_by("page__title", "page__locale__language_code", "pk")
    )
    rows: dict[tuple[str, str], CitationRow] = {}
    for reference in references:
        row = rows.setdefault(
            paper_key(reference),
            CitationRow(reference.doi.lower(), reference.pmid, reference.title),
        )
        row.pmid = row.pmid or reference.pmid
        if reference.page not in row.pages:
            row.pages.append(reference.page)
    # The newest notice of each paper; open ones win over resolved ones.
    for notice in CitationNotice.objects.order_by("resolved", "-marked_at", "-pk"):
        for key in (("doi", notice.doi), ("pmid", notice.pmid)):
            row = rows.get(key) if key[1] else None
            if row is not None and row.notice is None:
                row.notice = notice
    return sorted(
        rows.values(),
        key=lambda row: (row.notice is None or row.notice.resolved, row.title.lower()),
    )


def articles_cell(row: CitationRow):
    return format_html(
        "<ul>{}</ul>",
        format_html_join(
            "",
            '<li><a href="{}">{}</a> ({})</li>',
            (
                (
                    reverse("wagtailadmin_pages:edit", args=[page.pk]),
                    page.get_admin_display_title(),
                    page.locale.get_display_name(),
                )
                for page in row.pages
            ),
        ),
    )


def paper_cell(row: CitationRow):
    link = (
        f"https://doi.org/{row.doi}" if row.doi else f"https://pubmed.ncbi.nlm.nih.gov/{row.pmid}/"
    )
    return format_html('<a href="{}">{}</a><br>{}', link, row.identifier, row.title)


class CitationsReportView(ReportView):
    page_title = _("Citations")
    header_icon = "link"
    index_url_name = "citations_report"
    index_results_url_name = "citations_report_results"
    permission_policy = PagePermissionPolicy()
    any_permission_required = ["change"]
    verbose_name = _("cited paper")
    verbose_name_plural = _("cited papers")
    paginate_by = 50

    columns = [
        Column("paper", label=_("Paper"), accessor=paper_cell),
        Column("cited_by", label=_("Cited by"), accessor=articles_cell),
        Column("notice_status", label=_("Notice")),
        Column("action", label="", accessor=lambda row: row.action),
    ]
    list_export = ["identifier", "title", "articles", "notice_status"]
    export_headings = {
        "identifier": _("Paper"),
        "title": _("Title"),
        "articles": _("Cited by"),
        "notice_status": _("Notice"),
    }
    export_filename = "citations"

    def user_has_any_permission(self, permissions):
        return super().user_has_any_permission(permissions) and works_on_source_content(
            self.request.user
        )

    def get_queryset(self):
        return citation_rows()

    def decorate_paginated_queryset(self, object_list):
        notices = ModelPermissionPolicy(CitationNotice)
        may_mark = notices.user_has_permission(self.request.user, "add")
        may_edit = notices.user_has_permission(self.request.user, "change")
        for row in object_list:
            row.action = ""
            if row.notice is not None and may_edit:
                url = reverse(CitationNoticeViewSet().get_url_name("edit"), args=[row.notice.pk])
                row.action = format_html('<a href="{}">{}</a>', url, _("Edit the notice"))
            elif row.notice is None and may_mark:
                query = urlencode({"doi": row.doi, "pmid": row.pmid})
                url = reverse(CitationNoticeViewSet().get_url_name("add")) + f"?{query}"
                row.action = format_html(
                    '<a href="{}">{}</a>', url, _("Mark as retracted or corrected")
                )
        return object_list


class CitationNoticeCreateView(CreateView):
    def get_initial_form_instance(self):
        # From the report's "Mark as retracted or corrected": the paper is filled in.
        return CitationNotice(
            doi=self.request.GET.get("doi", "")[:200],
            pmid=self.request.GET.get("pmid", "")[:12],
            kind=NoticeKind.RETRACTION,
        )


class CitationNoticeViewSet(SnippetViewSet):
    model = CitationNotice
    icon = "warning"
    menu_label = "Citation notices"
    add_to_admin_menu = False
    add_view_class = CitationNoticeCreateView
    list_display = ["__str__", "kind", "marked_at", "resolved"]
    list_filter = ["kind", "resolved"]
