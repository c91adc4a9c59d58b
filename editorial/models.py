"""The steps of the article workflows: a medical review, then an editorial approval, for the
source; a translation review for translations."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask

from core.rules import latest_content_errors
from editorial.review_stamp import reviewer_profile, stamp_medical_review
from editorial.translation_review import (
    pages_in_reviewed_languages,
    record_translation_review,
    reviews_language,
)


class MedicalReviewTask(AbstractGroupApprovalTask):
    """A clinician checks the article; approving it credits them and dates the review."""

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        # Only someone who can be credited as the article's medical reviewer may approve it.
        if actions and reviewer_profile(user) is None:
            return [action for action in actions if action[0] != "approve"]
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            stamp_medical_review(task_state, user)
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups whose admin account belongs to a medical reviewer "
            "approve the article; the approval sets its reviewer and review date."
        )

    class Meta:
        verbose_name = _("medical review task")
        verbose_name_plural = _("medical review tasks")


class EditorialApprovalTask(AbstractGroupApprovalTask):
    """An editor approves the reviewed article, which publishes (or schedules) it."""

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        # Approving the last step publishes. When the article has errors that block publishing
        # (shown in the editor's content checks), the editor can only ask for changes.
        # (An edit after the medical approval is not such an error: approving then sends the
        # article back to the medical review, WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT.)
        if actions and latest_content_errors(obj, remember_on=user):
            return [action for action in actions if action[0] != "approve"]
        return actions

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups approve the medically reviewed article, which "
            "publishes it, or schedules it when a go-live date is set."
        )

    class Meta:
        verbose_name = _("editorial approval task")
        verbose_name_plural = _("editorial approval tasks")


class TranslationReviewTask(AbstractGroupApprovalTask):
    """A reviewer of the translation's language checks it against the source (machine
    translations above all); approving records the review (core.translation_records), without
    which the gate withholds any machine-translated segment."""

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        # Members of any language's reviewer group reach the task; only those of the page's
        # language may approve it or send it back.
        if actions and not reviews_language(user, obj):
            return []
        return actions

    def get_task_states_user_can_moderate(self, user, **kwargs):
        # A reviewer's inbox holds the translations into their languages only.
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        if user.is_superuser:
            return states
        return states.filter(workflow_state__object_id__in=pages_in_reviewed_languages(user))

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            record_translation_review(task_state, user, kwargs.get("comment", ""))
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _(
            "A translation reviewer of the page's language approves the translation (recording "
            "who reviewed its machine-translated segments, and when) or sends it back with "
            "comments."
        )

    class Meta:
        verbose_name = _("translation review task")
        verbose_name_plural = _("translation review tasks")
