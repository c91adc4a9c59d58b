from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Locale, TranslatableMixin
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.models import SafetyInformation
from core.snapshots.models import PageSnapshot
from core.translators import changes_source_only_as_translator
from core.views.translation_report import TranslationStatusReportView


class SafetyInformationViewSet(SnippetViewSet):
    model = SafetyInformation
    icon = "warning"
    menu_label = "Safety information"
    list_display = ["name", "locale"]


register_snippet(SafetyInformationViewSet)


# Translation status report


@hooks.register("register_admin_urls")
def register_translation_status_report_urls():
    return [
        path(
            "reports/translation-status/",
            TranslationStatusReportView.as_view(),
            name="translation_status_report",
        ),
        path(
            "reports/translation-status/results/",
            TranslationStatusReportView.as_view(results_only=True),
            name="translation_status_report_results",
        ),
    ]


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy().user_has_any_permission(
            request.user, TranslationStatusReportView.any_permission_required
        )


@hooks.register("register_reports_menu_item")
def register_translation_status_report_menu_item():
    return TranslationStatusMenuItem(
        _("Translation status"),
        reverse("translation_status_report"),
        name="translation-status",
        icon_name="site",
        order=8900,
    )


# Translators translate snippets but never change the source-language original.


@hooks.register("before_edit_snippet")
def keep_translators_out_of_source_snippets(request, instance):
    if not isinstance(instance, TranslatableMixin):
        return None
    if instance.locale_id != Locale.get_default().pk:
        return None
    if not changes_source_only_as_translator(request.user, type(instance)):
        return None
    messages.error(
        request,
        _(
            "You can translate this %(model)s into other languages, but only editors can change "
            "the original in %(language)s."
        )
        % {
            "model": instance._meta.verbose_name,
            "language": instance.locale.get_display_name(),
        },
    )
    return redirect(instance.snippet_viewset.get_url_name("list"))


# Reader-facing HTML pages obey the same gate as the API


@hooks.register("before_serve_page")
def serve_only_what_passed_the_gate(page, request, serve_args, serve_kwargs):
    """Readers get a page's HTML only while the API would serve it: within its publication
    window, and not withheld by the gate. (A page made live without a publish, by a script or a
    factory, has no snapshot and is served as Wagtail serves it.)"""
    now = timezone.now()
    if (page.go_live_at and page.go_live_at > now) or (page.expire_at and page.expire_at <= now):
        raise Http404
    withheld = PageSnapshot.objects.filter(
        page=page, reader_locale=page.locale.language_code
    ).exclude(withheld="")
    if withheld.exists():
        raise Http404
