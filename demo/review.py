"""The demo's articles go live as every article does: the demo writer submits each one, the demo
medical reviewer approves it (which credits him and dates the review), and the demo editor's
approval publishes it. So the demo shows real workflow history, and readers get its articles
only because they passed the publication gate (editorial.publishing.article_gate)."""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import Page, Revision, TaskState, WorkflowState

from articles.models import ArticlePage
from editorial.models import MedicalReviewTask

#: The demo accounts (demo/accounts.py) who take each article through the workflow.
WRITER, REVIEWER, EDITOR = "writer", "reviewer", "editor"


def publish_through_review(article: ArticlePage) -> None:
    """Save the article as it stands, submit it and approve every step of its workflow."""
    users = {
        user.username: user
        for user in get_user_model().objects.filter(username__in=[WRITER, REVIEWER, EDITOR])
    }
    writer = users[WRITER]
    article.save_revision(user=writer)
    article.get_workflow().start(article, writer)
    for approver in (users[REVIEWER], users[EDITOR]):
        state = Page.objects.get(pk=article.pk).current_workflow_task_state
        state.task.specific.on_action(state, approver, "approve")


def record_medical_approval(page: Page, revision: Revision) -> TaskState:
    """A finished workflow on `page` whose medical-review step approved `revision`.

    For generated content (the benchmark's dataset, tests about other things) that stands in for
    articles a reviewer approved; people and the demo go through `publish_through_review`."""
    workflow = page.get_workflow()
    state = WorkflowState.objects.create(
        content_type=ContentType.objects.get_for_model(page.specific_class),
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id=str(page.pk),
        workflow=workflow,
        status=WorkflowState.STATUS_APPROVED,
    )
    return TaskState.objects.create(
        workflow_state=state,
        revision=revision,
        task=MedicalReviewTask.objects.filter(active=True).first(),
        status=TaskState.STATUS_APPROVED,
        finished_at=timezone.now(),
    )
