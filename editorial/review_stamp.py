"""A medical reviewer's approval credits them on the article and dates the review.

Nobody types the reviewer or the review date: both come from the approval in the workflow's
medical-review step, so readers see who checked the article and when it really happened.
"""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.models import Locale

from articles.models import Person
from core.dates import one_year_after


def reviewer_profile(user) -> Person | None:
    """The medical reviewer whose admin account `user` is, in the source language."""
    if not user.is_authenticated:
        return None
    # Asked several times per request (menus, actions): remember the answer on the user.
    if not hasattr(user, "_medical_reviewer_profile"):
        user._medical_reviewer_profile = Person.objects.filter(
            user=user, is_medical_reviewer=True, locale=Locale.get_default()
        ).first()
    return user._medical_reviewer_profile


def cannot_approve_reason(page, user) -> str | None:
    """Why `user`, who moderates the article's medical review, cannot approve it; None if they can.

    Approval needs an account linked to a reviewer profile. Without one Wagtail only offers
    "Request changes", so the editor explains the missing button.
    """
    from editorial.models import MedicalReviewTask  # editorial.models imports this module

    task = page.current_workflow_task
    task = task.specific if task else None
    if not isinstance(task, MedicalReviewTask) or reviewer_profile(user) is not None:
        return None
    if not (user.is_superuser or task.groups.filter(pk__in=user.groups.all()).exists()):
        return None  # not theirs to review
    return gettext(
        "Your account is not linked to a medical reviewer's profile, so you can request "
        "changes but not approve. An administrator links it in Snippets → People → your "
        "profile → Admin account."
    )


def next_review_after(
    reviewed: date, previous_review: date | None, previous_due: date | None
) -> date:
    """The next review keeps the article's review interval; a year when it had none."""
    if previous_review and previous_due and previous_due > previous_review:
        return reviewed + (previous_due - previous_review)
    return one_year_after(reviewed)


@transaction.atomic
def stamp_medical_review(task_state, user, today: date | None = None) -> None:
    """Write the reviewer and review dates into the revision being approved."""
    reviewer = reviewer_profile(user)
    if reviewer is None:
        raise PermissionDenied("Only a medical reviewer's own account can approve this step.")

    revision = task_state.revision
    latest = task_state.workflow_state.content_object.get_latest_revision()
    if latest.pk != revision.pk and latest.user_id == user.pk:
        # The reviewer corrected the article and approved in one go ("approve with edits"):
        # what they approve is the revision they just saved.
        task_state.revision = revision = latest
        task_state.save(update_fields=["revision"])

    content = revision.content
    reviewed = today or timezone.localdate()
    previous_review = _parse_date(content.get("last_reviewed"))
    previous_due = _parse_date(content.get("next_review_due"))
    content["medical_reviewer"] = reviewer.pk
    content["last_reviewed"] = reviewed.isoformat()
    content["next_review_due"] = next_review_after(
        reviewed, previous_review, previous_due
    ).isoformat()
    # The stamp completes the approved revision rather than adding one: a new revision would
    # count as an edit made after the approval and send the article back for review.
    revision.content = content
    revision.save(update_fields=["content"])


def _parse_date(value) -> date | None:
    return date.fromisoformat(value) if value else None
