"""After a workflow action in the page editor, a message that says what happened.

Wagtail ends every task action with "Page '…' has been updated." and a submission with "…has
been submitted for moderation.", whatever followed. After the action (the `after_edit_page`
hook), the page's workflow says where the page went: to the next step, published, scheduled or
back to its writer. The message is rewritten where Wagtail queued it, buttons kept.
"""

from django.contrib import messages
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Page, WorkflowState

WHEN_FORMAT = "j F Y, H:i"


def wagtails_messages(page: Page) -> set[str]:
    # Wagtail's own words (through gettext, as it queued them), to find its message.
    title = page.get_admin_display_title()
    return {
        _("Page '%(page_title)s' has been updated.") % {"page_title": title},
        _("Page '%(page_title)s' has been submitted for moderation.") % {"page_title": title},
        _("Page '%(page_title)s' created and submitted for moderation.") % {"page_title": title},
    }


def workflow_outcome(page: Page) -> str | None:
    """Where the page's workflow left it, in words, or None for no workflow at all."""
    page = Page.objects.get(pk=page.pk).specific
    title = page.get_admin_display_title()
    state = WorkflowState.objects.for_instance(page).order_by("-created_at", "-pk").first()
    if state is None:
        return None
    if state.status == WorkflowState.STATUS_IN_PROGRESS and state.current_task_state:
        return _("“%(title)s” was sent to %(step)s.") % {
            "title": title,
            "step": state.current_task_state.task.name.lower(),
        }
    if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return _("“%(title)s” was sent back to its writer with a request for changes.") % {
            "title": title
        }
    if state.status == WorkflowState.STATUS_APPROVED:
        revision = page.get_latest_revision()
        go_live_at = revision.approved_go_live_at if revision else None
        if go_live_at and go_live_at > timezone.now():
            return _("Approved: “%(title)s” is scheduled to be published on %(when)s.") % {
                "title": title,
                "when": format_date(timezone.localtime(go_live_at), WHEN_FORMAT),
            }
        if page.live and not page.has_unpublished_changes:
            return _("Approved and published: readers now get “%(title)s”.") % {"title": title}
        return _("Approved: “%(title)s” is waiting to be published.") % {"title": title}
    return None


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def say_what_the_workflow_did(request, page) -> None:
    actions = ("action-workflow-action", "action-submit", "action-restart-workflow")
    if request.method != "POST" or not any(request.POST.get(name) for name in actions):
        return
    outcome = workflow_outcome(page)
    if outcome is None:
        return
    # Wagtail queues its words rendered into HTML with the message's buttons (escaped).
    wagtails = [escape(text) for text in wagtails_messages(page)]
    storage = messages.get_messages(request)
    for message in storage:
        rendered = str(message.message)
        for text in wagtails:
            if text in rendered:
                message.message = mark_safe(rendered.replace(text, escape(outcome)))  # noqa: S308
    # Iterating marks the messages as shown; they still have to reach the next page.
    storage.used = False
