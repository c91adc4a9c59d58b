"""What must be true before an article goes live, and the only ways it goes live.

- An English article under the medical-review workflow is published only by the workflow: the
  editor's approval of its last step publishes the revision that the medical reviewer approved
  (`publish_approved`). Wagtail saves a new, unreviewed revision whenever an
  editor presses Publish in the editor, creates a page or reverts to an old revision, so for
  these articles `ArticlePermissionTester.can_publish` is False, and the `before_publish_page`
  hook (`editorial/publishing_hooks.py`) stops the create view, which asks the parent instead.
- A translation goes live only after its English source, and only when it was prepared from
  the source as published (not from an older version or an unreviewed draft).
- No article goes live with errors from the content checks (e.g. no crisis lines in its
  language).

Wagtail asks the permission tester before the Publish button, bulk publishing and
wagtail-localize's "Publish in Español"; wagtail-localize's "Sync translated pages → Publish
immediately" does not ask, so `editorial/translation_sync.py` replaces that view.
"""

from functools import cached_property

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, PagePermissionTester, TaskState
from wagtail.workflows import publish_workflow_state
from wagtail_localize.models import TranslationSource

from core.rules import content_errors, gate_refusals, publishing_blockers
from core.snapshots.pipeline import live_object
from core.translation_provenance import Provenance, provenance
from editorial.models import MedicalReviewTask
from editorial.review_stamp import cannot_approve_reason


def is_source(page: Page) -> bool:
    return page.locale_id == Locale.get_default().pk


def requires_medical_review(page: Page) -> bool:
    """Whether the page's workflow includes an active medical-review step."""
    workflow = page.get_workflow()
    return bool(
        workflow
        and workflow.active
        and MedicalReviewTask.objects.filter(
            workflow_tasks__workflow=workflow, active=True
        ).exists()
    )


def published_by_workflow_only(page: Page) -> bool:
    """English articles under the medical review go live only through the workflow."""
    return is_source(page) and requires_medical_review(page)


def has_medical_approval(page: Page, revision_id: int | None = None) -> bool:
    """Whether a medical reviewer approved the page's latest revision (or `revision_id`)."""
    return (
        TaskState.objects.for_instance(page)
        .filter(
            revision_id=revision_id or page.latest_revision_id,
            status=TaskState.STATUS_APPROVED,
            task__in=MedicalReviewTask.objects.all(),
        )
        .exists()
    )


def article_review_steps(page: Page, candidate: Page, user=None) -> list[str]:
    """What the review process still owes the article before `candidate` may go live, and, for
    a user who moderates its medical review but cannot approve it, why."""
    steps = review_steps(page, candidate)
    if user is not None and (reason := cannot_approve_reason(page, user)):
        steps.append(reason)
    return steps


def in_medical_review(page: Page) -> bool:
    """Whether the article waits at its workflow's medical-review step now."""
    task = page.current_workflow_task
    return task is not None and issubclass(task.specific_class, MedicalReviewTask)


def review_steps(page: Page, candidate: Page) -> list[str]:
    if is_source(page):
        if requires_medical_review(page) and not has_medical_approval(page):
            if in_medical_review(page):
                return [
                    _(
                        "The article is in medical review: it is published after a medical "
                        "reviewer and then an editor approve it."
                    )
                ]
            return [
                _(
                    "A medical reviewer has not approved the latest changes. Submit the "
                    "article to the medical review; an edit made after an approval needs a new "
                    "approval."
                )
            ]
        if not (candidate.medical_reviewer_id and candidate.last_reviewed):
            return [
                _(
                    "The article has no medical reviewer or review date. Both are set when a "
                    "medical reviewer approves it in the medical review."
                )
            ]
        return []
    return translation_blockers(page)


def translation_blockers(page: Page) -> list[str]:
    """A translation must follow its English source as published."""
    source = (
        Page.objects.filter(translation_key=page.translation_key, locale=Locale.get_default())
        .only("live", "last_published_at")
        .first()
    )
    if source is None or not source.live:
        return [
            _(
                "The English article has not been published yet. A translation goes live only "
                "after the reviewed source."
            )
        ]
    prepared = TranslationSource.objects.filter(
        object_id=page.translation_key, locale_id=source.locale_id
    ).values_list("last_updated_at", flat=True)
    prepared_at = next(iter(prepared), None)
    if prepared_at is None or prepared_at < source.last_published_at:
        return [
            _(
                "The English article was published after this translation was prepared, so "
                "the translation may not match what was reviewed. An editor syncs it (Sync "
                "translated pages, on the English article) before it is published."
            )
        ]
    return completeness_refusals(provenance(page))


def completeness_refusals(made: Provenance | None) -> list[str]:
    """A translation reaches readers only when every segment is translated (or an editor chose
    to publish the rest in the source language) and a person reviewed every machine-translated
    segment; `made` is the provenance of the revision concerned."""
    if made is None:
        return []  # translated by hand, outside wagtail-localize
    refusals = []
    untranslated = len(made.untranslated_paths)
    if untranslated and not made.accepted_untranslated:
        refusals.append(
            _(
                "%(untranslated)d of %(total)d segments are not translated yet, so readers "
                "would get source-language text marked as this language. Translate them, or an "
                "editor publishes with the untranslated blocks left in the source language "
                "(Publish partly translated)."
            )
            % {"untranslated": untranslated, "total": made.total_segments}
        )
    if made.unreviewed_machine_segments:
        refusals.append(
            _(
                "%(count)d machine-translated segments have not been reviewed by a person. A "
                "translation reviewer for this language approves the translation review first."
            )
            % {"count": made.unreviewed_machine_segments}
        )
    return refusals


def article_gate(page: Page, live: Page) -> list[str]:
    """What readers rely on in an article's live revision (core.rules' gate): the medical
    approval of that very revision for an English article under the review, a reviewer and a
    review date, and no content errors."""
    refusals = []
    if is_source(page):
        if requires_medical_review(page) and not (
            page.live_revision_id and has_medical_approval(page, page.live_revision_id)
        ):
            refusals.append(
                _(
                    "No medical reviewer approved the published version, so readers do not get "
                    "it. Submit the article to the medical review; its approval publishes it."
                )
            )
        elif not (live.medical_reviewer_id and live.last_reviewed):
            refusals.append(
                _(
                    "The published version names no medical reviewer or review date, so "
                    "readers do not get it."
                )
            )
    return [*refusals, *(check.message for check in content_errors(live))]


def translation_gate(page: Page, live: Page) -> list[str]:
    """A translation reaches readers only while its English source does."""
    if is_source(page):
        return []
    source = (
        Page.objects.filter(translation_key=page.translation_key, locale=Locale.get_default())
        .select_related("live_revision")
        .first()
    )
    if source is None or not source.live:
        return [_("The English original is not published, so readers do not get this translation.")]
    if gate_refusals(source, live_object(source)):
        return [
            _(
                "Readers do not get the English original (see why on it), so they do not get "
                "this translation either."
            )
        ]
    return completeness_refusals(provenance(page, page.live_revision))


class ArticlePermissionTester(PagePermissionTester):
    """Wagtail's page permissions, plus the rules an article must meet to be published."""

    def can_publish(self):
        if not super().can_publish() or published_by_workflow_only(self.page):
            return False
        return not self.publishing_blockers

    @cached_property
    def publishing_blockers(self) -> list[str]:
        return publishing_blockers(self.page, remember_on=self.user)

    # Wagtail derives these from can_publish(); they depend on the permission, not the content.
    def can_unschedule(self):
        return super().can_publish()

    def can_set_view_restrictions(self):
        return super().can_publish()


def publish_approved(workflow_state, user=None) -> None:
    """A finished workflow (editorial/workflow_finish.py) publishes what its steps approved.

    For a reviewed article the editor's permission tester says no (see the module docstring),
    so the approved revision is published here once the rules hold, without asking it.
    """
    page = workflow_state.content_object
    if isinstance(page, Page) and not is_source(page):
        # The translation review's approval publishes the translation when the rules hold
        # (its reviewer need not hold the publish permission); otherwise it stays an approved
        # draft that a translator or editor publishes once what blocks it is resolved.
        if not publishing_blockers(page):
            page.get_latest_revision().publish(user=user, skip_permission_checks=True)
        return
    if not (isinstance(page, Page) and published_by_workflow_only(page)):
        publish_workflow_state(workflow_state, user=user)
        return
    if blockers := publishing_blockers(page):
        # Only reachable by a race (an edit or a safety change during the approval); the
        # workflow's transaction is rolled back and the article stays at the editor's step.
        raise PermissionDenied(" ".join(blockers))
    page.get_latest_revision().publish(user=user, skip_permission_checks=True)
