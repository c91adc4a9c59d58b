"""An article reaches readers only after a medical reviewer's approval and an editor's."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, WorkflowState

from articles.models import ArticlePage, Person
from editorial.models import EditorialApprovalTask, MedicalReviewTask
from editorial.publishing import has_medical_approval
from editorial.review_stamp import next_review_after
from editorial.roles import WORKFLOW_NAME
from editorial.translation_review import TRANSLATION_WORKFLOW_NAME
from tests.articles.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(article_index, crisis_lines):
    """A writer's draft: never published, no reviewer and no review date yet."""
    article = ArticlePageFactory(
        parent=article_index, live=False, medical_reviewer=None, last_reviewed=None
    )
    article.save_revision()
    return article


def submit(article: ArticlePage, user) -> WorkflowState:
    """What "Submit to Medical review → Editorial approval" does."""
    return article.get_workflow().start(article, user)


def act(client, user, article: ArticlePage, action: str) -> bool:
    """Take a workflow action from the admin, as the dashboard's buttons do; False if refused."""
    client.force_login(user)
    task_state = Page.objects.get(pk=article.pk).current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[article.pk, action, task_state.pk])
    client.post(url, {"comment": ""})
    task_state.refresh_from_db()
    return task_state.status != task_state.STATUS_IN_PROGRESS


def through_the_workflow(client, article, writer, reviewer, editor) -> None:
    """Submitted by the writer, approved by the reviewer, then by the editor."""
    submit(article, writer)
    act(client, reviewer, article, "approve")
    act(client, editor, article, "approve")


def current_task(article: ArticlePage):
    article = Page.objects.get(pk=article.pk)
    task = article.current_workflow_task
    return task.specific if task else None


def latest(article: ArticlePage) -> ArticlePage:
    return ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()


def test_english_articles_go_through_the_review_workflow(draft, home_page, locales):
    workflow = draft.get_workflow()

    assert workflow.name == WORKFLOW_NAME
    assert [type(task.specific) for task in workflow.tasks] == [
        MedicalReviewTask,
        EditorialApprovalTask,
    ]
    # Translations carry their source's medical review and get a translation review; other
    # sections publish as before.
    spanish_index = draft.get_parent().specific.copy_for_translation(
        locales["es"], copy_parents=True
    )
    assert spanish_index.get_workflow().name == TRANSLATION_WORKFLOW_NAME
    assert home_page.get_workflow() is None


def test_the_approval_credits_the_reviewer_and_dates_the_review(
    draft, writer, reviewer, editor, client
):
    submit(draft, writer)
    assert act(client, reviewer, draft, "approve")

    reviewed = latest(draft)
    person = Person.objects.get(user=reviewer)
    today = timezone.localdate()
    assert reviewed.medical_reviewer == person
    assert reviewed.last_reviewed == today
    assert reviewed.next_review_due == next_review_after(today, None, None)
    assert isinstance(current_task(draft), EditorialApprovalTask)
    assert not ArticlePage.objects.get(pk=draft.pk).live  # the editor has not approved yet
    client.force_login(editor)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])).content.decode()
    assert "data-review-step" not in edit

    assert act(client, editor, draft, "approve")

    published = ArticlePage.objects.get(pk=draft.pk)
    assert published.live
    assert published.medical_reviewer == person
    assert published.last_reviewed == today


def test_an_editor_cannot_publish_before_the_medical_approval(draft, editor, client):
    client.force_login(editor)
    assert not draft.permissions_for_user(editor).can_publish()

    edit = client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk]))
    assert edit.status_code == 200
    html = edit.content.decode()
    assert 'name="action-publish"' not in html
    assert 'name="action-submit"' in html
    # The content checks panel says why.
    assert "A medical reviewer has not approved the latest changes." in html


def test_reviewers_and_writers_cannot_publish(draft, writer, reviewer, client):
    submit(draft, writer)
    act(client, reviewer, draft, "approve")
    approved = ArticlePage.objects.get(pk=draft.pk)

    assert has_medical_approval(approved)
    assert not approved.permissions_for_user(reviewer).can_publish()
    assert not approved.permissions_for_user(writer).can_publish()
    # Nor can they take the editor's step.
    assert not act(client, reviewer, approved, "approve")
    assert not act(client, writer, approved, "approve")
    assert not ArticlePage.objects.get(pk=draft.pk).live


def test_only_a_reviewer_with_a_profile_can_approve(draft, writer, unlinked_reviewer, client):
    submit(draft, writer)
    task = current_task(draft)

    actions = [name for name, _, _ in task.get_actions(draft, unlinked_reviewer)]
    assert actions == ["reject"]  # they may still ask for changes
    assert not act(client, unlinked_reviewer, draft, "approve")
    assert isinstance(current_task(draft), MedicalReviewTask)
    # The editor tells them why the Approve button is missing.
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])).content.decode()
    assert "Your account is not linked to a medical reviewer" in edit


def test_a_writer_cannot_approve_their_own_article(draft, writer, client):
    submit(draft, writer)

    assert not act(client, writer, draft, "approve")
    assert isinstance(current_task(draft), MedicalReviewTask)


def test_an_edit_after_the_approval_needs_a_new_approval(draft, writer, reviewer, editor, client):
    submit(draft, writer)
    act(client, reviewer, draft, "approve")
    edited = latest(draft)
    edited.standfirst = "A new claim the reviewer has not seen."
    edited.save_revision(user=writer)

    assert not edited.permissions_for_user(editor).can_publish()
    act(client, editor, draft, "approve")

    assert not ArticlePage.objects.get(pk=draft.pk).live
    assert isinstance(current_task(draft), MedicalReviewTask)  # back to the reviewer

    act(client, reviewer, draft, "approve")
    act(client, editor, draft, "approve")
    published = ArticlePage.objects.get(pk=draft.pk)
    assert published.live
    assert published.standfirst == "A new claim the reviewer has not seen."


def test_a_reviewer_who_corrects_the_article_approves_their_correction(
    draft, writer, reviewer, client
):
    submit(draft, writer)
    corrected = latest(draft)
    corrected.standfirst = "Corrected by the reviewer."
    revision = corrected.save_revision(user=reviewer)

    # The editor's "Approve" with unsaved edits saves a revision, then approves.
    current_task(draft).on_action(
        Page.objects.get(pk=draft.pk).current_workflow_task_state, reviewer, "approve"
    )

    assert isinstance(current_task(draft), EditorialApprovalTask)
    revision.refresh_from_db()
    assert revision.content["last_reviewed"] == timezone.localdate().isoformat()


def test_requesting_changes_returns_the_article_to_the_writer(draft, writer, reviewer, client):
    submit(draft, writer)

    assert act(client, reviewer, draft, "reject")

    state = Page.objects.get(pk=draft.pk).current_workflow_state
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert latest(draft).last_reviewed is None


def test_the_review_interval_is_kept():
    reviewed = datetime.date(2026, 11, 27)
    six_months = (datetime.date(2026, 1, 1), datetime.date(2026, 7, 1))

    assert next_review_after(reviewed, *six_months) == reviewed + datetime.timedelta(days=181)
    assert next_review_after(reviewed, None, None) == datetime.date(2027, 11, 27)


def test_an_article_without_crisis_lines_in_its_language_cannot_be_approved_for_publishing(
    article_index, writer, reviewer, editor, client
):
    article = ArticlePageFactory(parent=article_index, live=False)
    article.save_revision()
    submit(article, writer)
    act(client, reviewer, article, "approve")

    actions = [name for name, _, _ in current_task(article).get_actions(article, editor)]
    assert actions == ["reject"]
    assert not act(client, editor, article, "approve")
    assert not ArticlePage.objects.get(pk=article.pk).live


def test_an_editor_schedules_publication_and_the_scheduler_publishes_it(
    draft, writer, reviewer, editor, client
):
    scheduled = latest(draft)
    scheduled.go_live_at = timezone.now() + datetime.timedelta(hours=2)
    scheduled.save_revision(user=writer)
    through_the_workflow(client, draft, writer, reviewer, editor)

    article = ArticlePage.objects.get(pk=draft.pk)
    assert not article.live
    revision = article.get_latest_revision()
    assert revision.approved_go_live_at is not None

    call_command("publish_scheduled")
    assert not ArticlePage.objects.get(pk=draft.pk).live  # not yet

    # Two hours later, as far as the scheduler can tell.
    a_minute_ago = timezone.now() - datetime.timedelta(minutes=1)
    revision.approved_go_live_at = a_minute_ago
    revision.content["go_live_at"] = a_minute_ago.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
    call_command("publish_scheduled")
    assert ArticlePage.objects.get(pk=draft.pk).live


def test_an_article_expires_when_the_scheduler_runs_after_its_expiry(
    draft, writer, reviewer, editor, client
):
    expiring = latest(draft)
    expiring.expire_at = timezone.now() + datetime.timedelta(days=30)
    expiring.save_revision(user=writer)
    through_the_workflow(client, draft, writer, reviewer, editor)
    assert ArticlePage.objects.get(pk=draft.pk).live

    # Thirty days later, as far as the scheduler can tell.
    ArticlePage.objects.filter(pk=draft.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    call_command("publish_scheduled")

    expired = ArticlePage.objects.get(pk=draft.pk)
    assert not expired.live
    assert expired.expired
