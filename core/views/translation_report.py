"""The translation status report: every source page in every other locale, with its status.

One row per (source page, locale). Statuses come from core.translation_status, so the report
costs the same handful of queries whether the site has ten pages or ten thousand (the rows are
filtered and paginated in Python, which is fine for a site's worth of pages).
"""

from contextlib import suppress
from dataclasses import dataclass
from functools import cached_property

import django_filters
from django.shortcuts import redirect
from django.urls import NoReverseMatch, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import (
    BooleanColumn,
    Column,
    LocaleColumn,
    StatusTagColumn,
    TitleColumn,
)
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from core.translation_status import TranslationState, TranslationStatus, translation_states


@dataclass(frozen=True)
class TranslationRow:
    """A source page and the state of its translation into one locale."""

    page: Page
    state: TranslationState

    @property
    def title(self) -> str:
        # The live title: a newer draft's title may not have been reviewed or meant for all.
        return self.page.title if self.page.live else self.page.get_admin_display_title()

    @property
    def page_type(self) -> str:
        return self.page.specific_class._meta.verbose_name.capitalize()

    @property
    def locale(self) -> Locale:
        return self.state.locale

    @property
    def locale_name(self) -> str:
        return self.state.locale.get_display_name()

    @property
    def status(self) -> TranslationStatus:
        return self.state.status

    @property
    def status_label(self) -> str:
        return self.state.status.label

    @property
    def progress(self) -> str:
        if self.state.total_segments is None:
            return ""
        return f"{self.state.translated_segments} / {self.state.total_segments}"

    @property
    def live(self) -> bool | None:
        return self.state.target_live


class ActionColumn(Column):
    """A link to what to do next: edit the translation, or start one."""

    cell_template_name = "core/admin/translation_action_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["action"] = self.get_action(instance, parent_context["request"].user)
        return context

    def get_action(self, row: TranslationRow, user) -> dict[str, str] | None:
        if row.status == TranslationStatus.OUTDATED and row.state.target_id is not None:
            # What changed in the original and how to bring it in (editorial's view, by name:
            # core does not import editorial).
            with suppress(NoReverseMatch):
                return {
                    "url": reverse("editorial_translation_changes", args=[row.state.target_id]),
                    "label": _("See what changed"),
                }
        if row.state.target_id is not None:
            return {
                "url": reverse("wagtailadmin_pages:edit", args=[row.state.target_id]),
                "label": _("Edit translation"),
            }
        if user.has_perm("wagtail_localize.submit_translation"):
            return {
                "url": reverse("wagtail_localize:submit_page_translation", args=[row.page.pk]),
                "label": _("Translate"),
            }
        return None


def _locale_choices() -> list[tuple[str, str]]:
    default = Locale.get_default()
    return [
        (locale.language_code, locale.get_display_name())
        for locale in Locale.objects.exclude(pk=default.pk).order_by("language_code")
    ]


class TranslationStatusFilterSet(WagtailFilterSet):
    """Filters the rows (not a queryset): the view reads the cleaned values."""

    locale = django_filters.ChoiceFilter(
        label=_("Locale"), choices=_locale_choices, method="keep", empty_label=_("All")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[(status.value, status.label) for status in TranslationStatus],
        method="keep",
        empty_label=_("All"),
    )

    class Meta:
        model = Page
        fields = []

    def keep(self, queryset, name, value):
        return queryset


class TranslationStatusReportView(ReportView):
    page_title = _("Translation status")
    header_icon = "site"
    index_url_name = "translation_status_report"
    index_results_url_name = "translation_status_report_results"
    filterset_class = TranslationStatusFilterSet
    permission_policy = PagePermissionPolicy()
    any_permission_required = ["add", "change", "publish"]
    verbose_name = _("translation")
    verbose_name_plural = _("translations")
    paginate_by = 50

    columns = [
        TitleColumn(
            "title",
            label=_("Page"),
            get_url=lambda row: reverse("wagtailadmin_pages:edit", args=[row.page.pk]),
        ),
        Column("page_type", label=_("Type")),
        LocaleColumn(accessor="locale", sort_key=None),
        StatusTagColumn(
            "status_label",
            label=_("Status"),
            primary=lambda row: row.status == TranslationStatus.COMPLETE,
        ),
        Column("progress", label=_("Translated segments")),
        BooleanColumn("live", label=_("Live")),
        ActionColumn("action", label=_("Action")),
    ]
    list_export = ["title", "page_type", "locale_name", "status_label", "progress", "live"]
    export_headings = {
        "title": _("Page"),
        "page_type": _("Type"),
        "locale_name": _("Locale"),
        "status_label": _("Status"),
        "progress": _("Translated segments"),
        "live": _("Live"),
    }
    export_filename = "translation-status"

    @cached_property
    def default_locale(self) -> Locale:
        return Locale.get_default()

    def get_queryset(self) -> list[TranslationRow]:
        sources = list(
            Page.objects.filter(depth__gt=1, locale=self.default_locale, alias_of__isnull=True)
            .only(
                "title",
                "draft_title",
                "translation_key",
                "locale_id",
                "content_type_id",
                "last_published_at",
                "latest_revision_created_at",
                "live",
                "path",
                "depth",
            )
            .order_by("path")
        )
        locales = list(Locale.objects.exclude(pk=self.default_locale.pk).order_by("language_code"))
        states = translation_states(sources, locales)
        # Only pages the user may edit, the source or its translation: titles of drafts and
        # private sections are not for everyone who may open the report.
        editable = set(
            self.permission_policy.instances_user_has_permission_for(
                self.request.user, "change"
            ).values_list("pk", flat=True)
        )
        return [
            TranslationRow(page, state)
            for page in sources
            for state in states.get(page.translation_key, [])
            if page.pk in editable or state.target_id in editable
        ]

    def filter_queryset(self, rows: list[TranslationRow]) -> list[TranslationRow]:
        if not (self.filters and self.filters.is_valid()):
            return rows
        locale = self.filters.form.cleaned_data.get("locale")
        status = self.filters.form.cleaned_data.get("status")
        return [
            row
            for row in rows
            if (not locale or row.locale.language_code == locale)
            and (not status or row.status == status)
        ]


# One translation-status report. wagtail-localize's Reports -> Translations calls a translation
# "Up to date" when its segments are translated, even after the source changed; this report calls
# it Outdated. Its menu item goes, and its address leads here (this app's URLs load first).


def _to_translation_status(request, *args, **kwargs):
    return redirect("translation_status_report")


@hooks.register("register_admin_urls")
def replace_wagtail_localize_report_urls():
    return [
        path("localize/reports/translations/", _to_translation_status),
        path("localize/reports/translations/results/", _to_translation_status),
    ]


@hooks.register("construct_reports_menu")
def hide_wagtail_localize_report(request, menu_items):
    localize_report = reverse("wagtail_localize:translations_report")
    menu_items[:] = [item for item in menu_items if item.url != localize_report]
