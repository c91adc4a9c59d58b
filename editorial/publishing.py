"""What must be true before an article goes live, enforced wherever Wagtail publishes.

Wagtail asks a page's permission tester (`can_publish`) before the editor's Publish button,
bulk publishing, wagtail-localize's "Publish in Spanish" and a workflow's final approval, so
the rules live in `ArticlePermissionTester`:

- a source-language article under the medical-review workflow is published only in a revision
  that a medical reviewer approved (an edit after the approval needs a new approval);
- a translation goes live only after its source article, which carries the review;
- no article goes live with errors from the content checks (e.g. no crisis lines in its language).
"""

from functools import cached_property

from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, PagePermissionTester, TaskState

from editorial.checks.results import ContentCheck, publishing_errors
from editorial.models import MedicalReviewTask


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


def has_medical_approval(page: Page) -> bool:
    """Whether a medical reviewer approved the page's latest revision."""
    return (
        TaskState.objects.for_instance(page)
        .filter(
            revision_id=page.latest_revision_id,
            status=TaskState.STATUS_APPROVED,
            task__in=MedicalReviewTask.objects.all(),
        )
        .exists()
    )


def content_errors(page: Page) -> list[ContentCheck]:
    """Errors from the content checks in the page's latest revision, which is what would go live."""
    return publishing_errors(page.get_latest_revision_as_object())


def publishing_blockers(page: Page) -> list[str]:
    """Why the article cannot be published as it stands, in words for editors; empty when it can."""
    candidate = page.get_latest_revision_as_object()  # what publishing would put live
    return [
        *review_blockers(page, candidate),
        *(check.message for check in publishing_errors(candidate)),
    ]


def review_blockers(page: Page, candidate: Page | None = None) -> list[str]:
    """What the review process still owes the article before it may go live."""
    candidate = candidate or page.get_latest_revision_as_object()
    is_source = page.locale_id == Locale.get_default().pk
    if is_source and requires_medical_review(page) and not has_medical_approval(page):
        return [
            _(
                "A medical reviewer has not approved the latest changes. Submit the article "
                "to the medical review; an edit made after an approval needs a new approval."
            )
        ]
    if is_source and not (candidate.medical_reviewer_id and candidate.last_reviewed):
        return [
            _(
                "The article has no medical reviewer or review date. Both are set when a "
                "medical reviewer approves it in the medical review."
            )
        ]
    if not is_source and not _source_is_live(page):
        return [
            _(
                "The English article has not been published yet. A translation goes live "
                "only after the reviewed source."
            )
        ]
    return []


def _source_is_live(page: Page) -> bool:
    return (
        Page.objects.filter(translation_key=page.translation_key, locale=Locale.get_default())
        .filter(live=True)
        .exists()
    )


class ArticlePermissionTester(PagePermissionTester):
    """Wagtail's page permissions, plus the rules an article must meet to be published."""

    def can_publish(self):
        return super().can_publish() and not self.publishing_blockers

    @cached_property
    def publishing_blockers(self) -> list[str]:
        return publishing_blockers(self.page)

    # Wagtail derives these from can_publish(); they depend on the permission, not the content.
    def can_unschedule(self):
        return super().can_publish()

    def can_set_view_restrictions(self):
        return super().can_publish()
