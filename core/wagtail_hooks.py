from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Locale, TranslatableMixin
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.bidi import isolate
from core.models import SafetyInformation
from core.snapshots.models import PageSnapshot
from core.snapshots.pipeline import live_object
from core.translators import may_change_in_language
from core.views.translation_report import TranslationStatusReportView
from core.views.withheld_report import WithheldReportView, withheld_reason


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


# Translators translate snippets in their languages and never change the source-language
# original. Registered before wagtail-localize's hook, which replaces the edit view with its
# translation editor.


def keep_translators_in_their_languages(request, instance):
    if not isinstance(instance, TranslatableMixin) or may_change_in_language(
        request.user, instance
    ):
        return None
    values = {
        "model": instance._meta.verbose_name,
        "language": isolate(instance.locale.get_display_name()),
    }
    if instance.locale_id == Locale.get_default().pk:
        message = _(
            "You can translate this %(model)s into other languages, but only editors can change "
            "the original in %(language)s."
        )
    else:
        message = _(
            "This %(model)s is in %(language)s: you translate only in your own languages. An "
            "administrator adds you to a language's translators."
        )
    messages.error(request, message % values)
    return redirect(instance.snippet_viewset.get_url_name("list"))


hooks.register("before_edit_snippet", keep_translators_in_their_languages, order=-10)


# Reader-facing HTML pages obey the same gate as the API


@hooks.register("before_serve_page")
def serve_only_what_passed_the_gate(page, request, serve_args, serve_kwargs):
    """Readers get a page's HTML only while the API would serve it (a snapshot that passed the
    gate, within its publication window), and from its live revision: the page row may hold
    words nobody published (wagtail-localize's sync saves it)."""
    servable = PageSnapshot.objects.servable().filter(
        page=page, reader_locale=page.locale.language_code
    )
    if not servable.exists():
        raise Http404
    return live_object(page).serve(request, *serve_args, **serve_kwargs)


# Pages the gate keeps from readers: a report, and a message where their editors work


@hooks.register("register_admin_urls")
def register_withheld_report_urls():
    return [
        path("reports/withheld/", WithheldReportView.as_view(), name="withheld_report"),
        path(
            "reports/withheld/results/",
            WithheldReportView.as_view(results_only=True),
            name="withheld_report_results",
        ),
    ]


class WithheldMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy().user_has_any_permission(
            request.user, WithheldReportView.any_permission_required
        )


@hooks.register("register_reports_menu_item")
def register_withheld_report_menu_item():
    return WithheldMenuItem(
        _("Withheld from readers"),
        reverse("withheld_report"),
        name="withheld-from-readers",
        icon_name="warning",
        order=8905,
    )


@hooks.register("before_edit_page")
def say_why_readers_do_not_get_the_page(request, page):
    if request.method != "GET":
        return
    if reason := withheld_reason(page):
        messages.warning(
            request,
            _("This page is live, but readers do not get it: %(reason)s") % {"reason": reason},
        )
