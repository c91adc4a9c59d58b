"""The translator's "Submit for translation review": wagtail-localize's editor has no workflow
actions, so a page header button starts the page's translation-review workflow; reviewers then
find it on their dashboard (Wagtail's "Awaiting your review") and approve or send it back."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.models import Page

from core.bidi import isolate
from core.translation_provenance import translation_of
from editorial.translation_review import TRANSLATION_WORKFLOW_NAME


def can_submit(user, page: Page) -> bool:
    workflow = page.get_workflow()
    return bool(
        workflow
        and workflow.name == TRANSLATION_WORKFLOW_NAME
        and page.workflow_in_progress is False
        and page.permissions_for_user(user).can_edit()
    )


def submit_for_translation_review(request, page_id: int):
    page = get_object_or_404(Page, pk=page_id).specific
    if not can_submit(request.user, page):
        raise PermissionDenied
    if request.method != "POST":
        return TemplateResponse(request, "editorial/submit_translation_review.html", {"page": page})
    # The review covers the translation as it stands: save it as a revision first.
    localize = translation_of(page)
    if localize is not None:
        localize.save_target(user=request.user, publish=False)
        page = Page.objects.get(pk=page.pk).specific
    page.get_workflow().start(page, request.user)
    messages.success(
        request,
        _("“%(title)s” was submitted to the translation review.")
        % {"title": isolate(page.get_admin_display_title())},
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


class SubmitForReviewMenuItem(PageMenuItem):
    label = gettext_lazy("Submit for translation review")
    icon_name = "resubmit"
    url_name = "editorial_submit_translation_review"

    def is_shown(self, user):
        return can_submit(user, self.page.specific)


@hooks.register("register_page_header_buttons")
def submit_for_review_header_button(page, user, view_name, next_url=None):
    yield SubmitForReviewMenuItem(page=page, priority=57)


@hooks.register("register_admin_urls")
def register_submit_for_review_url():
    return [
        path(
            "translations/<int:page_id>/submit-for-review/",
            submit_for_translation_review,
            name="editorial_submit_translation_review",
        )
    ]


def submit_url(page: Page) -> str:
    return reverse("editorial_submit_translation_review", args=[page.pk])
