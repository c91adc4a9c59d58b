"""After each workflow action in the editor, the message says what happened to the article."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import querydict_from_html

from tests.articles.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(article_index, crisis_lines, writer):
    article = ArticlePageFactory(
        parent=article_index, live=False, medical_reviewer=None, last_reviewed=None
    )
    article.save_revision(user=writer)
    return article


def messages_after(client, user, article, **action) -> list[str]:
    """Post the editor's form with a footer action, as the browser does; the messages shown."""
    client.force_login(user)
    url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    # The form as it stands (no edit, which would send the article back to medical review).
    data = querydict_from_html(client.get(url).content.decode(), "page-edit-form")
    for section in ("story", "science", "guidance"):
        data.setdefault(f"{section}-count", "0")  # what the browser sends for an empty one
    data.update(action)
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    return [str(message) for message in response.context["messages"]]


def submit(client, writer, article):
    return messages_after(client, writer, article, **{"action-submit": "Submit"})


def approve(client, user, article):
    return messages_after(
        client,
        user,
        article,
        **{"action-workflow-action": "true", "workflow-action-name": "approve"},
    )


def test_submitting_says_the_article_went_to_the_medical_review(client, writer, draft):
    shown = " ".join(submit(client, writer, draft))

    assert f"“{draft.title}” was sent to medical review." in shown
    assert "submitted for moderation" not in shown


def test_the_medical_approval_says_the_article_went_to_editorial_approval(
    client, writer, reviewer, draft
):
    submit(client, writer, draft)

    shown = " ".join(approve(client, reviewer, draft))

    assert f"“{draft.title}” was sent to editorial approval." in shown
    assert "has been updated" not in shown


def test_the_editors_approval_says_the_article_was_published(
    client, writer, reviewer, editor, draft, safety
):
    submit(client, writer, draft)
    approve(client, reviewer, draft)

    shown = " ".join(approve(client, editor, draft))

    assert f"Approved and published: readers now get “{draft.title}”." in shown
    assert "has been updated" not in shown


def test_the_editors_approval_of_a_scheduled_article_says_when_it_goes_live(
    client, writer, reviewer, editor, draft, safety
):
    go_live = timezone.now().replace(microsecond=0) + datetime.timedelta(days=3)
    draft.go_live_at = go_live
    draft.save_revision(user=writer)
    submit(client, writer, draft)
    approve(client, reviewer, draft)

    shown = " ".join(approve(client, editor, draft))

    when = timezone.localtime(go_live).strftime("%-d %B %Y, %H:%M")
    assert f"Approved: “{draft.title}” is scheduled to be published on {when}." in shown


def test_the_checks_panel_does_not_ask_to_submit_an_article_already_in_medical_review(
    client, writer, reviewer, draft
):
    edit_url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    client.force_login(writer)
    assert "Submit the article to the medical review" in client.get(edit_url).content.decode()

    submit(client, writer, draft)
    client.force_login(reviewer)
    panel = client.get(edit_url).content.decode()

    assert "Submit the article to the medical review" not in panel
    assert "The article is in medical review" in panel
