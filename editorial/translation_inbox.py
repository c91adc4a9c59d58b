"""Dashboard inboxes: what waits for each translator and translation reviewer, in their languages.

A translator (a member of "Translators (<language>)") sees the translations into their languages
that have untranslated segments or whose original changed since they were synced; a translation
reviewer ("Translation reviewers (<language>)") sees the translation reviews in progress for
pages in their languages. Nobody sees another language's work, and either panel says so when
nothing waits.
"""

from collections.abc import Mapping
from typing import Any

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page, TaskState

from core.translation_status import TranslationStatus, translation_states
from editorial.models import TranslationReviewTask
from editorial.translation_review import reviewers_group_name, translators_group_name

WAITING = (TranslationStatus.IN_PROGRESS, TranslationStatus.OUTDATED)


def languages_of(user, group_name) -> list[Locale]:
    """The locales whose group (named by `group_name(code)`) the user belongs to."""
    names = set(user.groups.values_list("name", flat=True))
    return [
        locale
        for locale in Locale.objects.exclude(pk=Locale.get_default().pk).order_by("language_code")
        if group_name(locale.language_code) in names
    ]


class TranslatorInboxPanel(Component):
    name = "translator_inbox"
    template_name = "editorial/translation_inbox.html"
    order = 205  # first: it is a translator's work list

    def __init__(self, locales: list[Locale]):
        self.locales = locales

    def get_context_data(self, parent_context: Mapping[str, Any]) -> dict[str, Any]:
        default = Locale.get_default()
        sources = list(
            Page.objects.filter(depth__gt=1, locale=default, alias_of__isnull=True).order_by("path")
        )
        states = translation_states(sources, self.locales)
        targets = {
            page.pk: page
            for page in Page.objects.filter(
                pk__in=[
                    state.target_id
                    for page_states in states.values()
                    for state in page_states
                    if state.status in WAITING and state.target_id
                ]
            )
        }
        items = []
        for source in sources:
            for state in states.get(source.translation_key, []):
                target = targets.get(state.target_id)
                if target is None or state.status not in WAITING:
                    continue
                outdated = state.status == TranslationStatus.OUTDATED
                items.append(
                    {
                        "page": target,
                        "locale": state.locale,
                        "status": state.status,
                        "progress": f"{state.translated_segments} / {state.total_segments}",
                        "url": reverse(
                            "editorial_translation_changes"
                            if outdated
                            else "wagtailadmin_pages:edit",
                            args=[target.pk],
                        ),
                    }
                )
        return {"kind": "translations", "locales": self.locales, "items": items}


class TranslationReviewInboxPanel(Component):
    name = "translation_review_inbox"
    template_name = "editorial/translation_inbox.html"
    order = 206

    def __init__(self, user, locales: list[Locale]):
        self.user, self.locales = user, locales

    def get_context_data(self, parent_context: Mapping[str, Any]) -> dict[str, Any]:
        states = TaskState.objects.none()
        for task in TranslationReviewTask.objects.filter(active=True):
            states |= task.get_task_states_user_can_moderate(self.user)
        page_ids = [
            int(object_id)
            for object_id in states.values_list("workflow_state__object_id", flat=True)
        ]
        pages = Page.objects.filter(pk__in=page_ids, locale__in=self.locales).select_related(
            "locale"
        )
        items = [
            {
                "page": page,
                "locale": page.locale,
                "url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
            }
            for page in pages.order_by("locale__language_code", "title")
        ]
        return {"kind": "reviews", "locales": self.locales, "items": items}


@hooks.register("construct_homepage_panels")
def add_translation_inboxes(request, panels):
    if translating := languages_of(request.user, translators_group_name):
        panels.append(TranslatorInboxPanel(translating))
    if reviewing := languages_of(request.user, reviewers_group_name):
        panels.append(TranslationReviewInboxPanel(request.user, reviewing))
