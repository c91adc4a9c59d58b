"""The translation review: per-language translators and reviewers, and a workflow step only a
reviewer of the page's language may approve, which records who reviewed the translation."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation

from core.bidi import FSI, PDI
from core.translation_provenance import provenance
from editorial.models import TranslationReviewTask
from editorial.translation_review import (
    TRANSLATION_WORKFLOW_NAME,
    reviewers_group_name,
    translators_group_name,
)
from tests.approvals import publish_reviewed
from tests.articles.factories import ArticlePageFactory
from tests.core.factories import crisis_lines_in
from tests.translation.factories import fill, start_translation

pytestmark = pytest.mark.django_db


def member_of(*group_names: str, username: str):
    user = get_user_model().objects.create_user(
        username=username, first_name=username.capitalize(), password="a-long-password"
    )
    user.groups.add(*Group.objects.filter(name__in=group_names))
    return user


@pytest.fixture
def machine_spanish(article_index, locales):
    """A reviewed English article and its complete Spanish machine translation, in review."""
    crisis_lines_in("es")
    article = ArticlePageFactory(parent=article_index)
    publish_reviewed(article)
    translation = start_translation(article, locales["es"])
    fill(translation)
    StringTranslation.objects.filter(locale=locales["es"]).update(translation_type="machine")
    translation.save_target(publish=False)
    return Page.objects.get(translation_key=article.translation_key, locale=locales["es"]).specific


def test_each_language_has_its_translators_and_reviewers_and_a_new_language_gets_them(db):
    for code in ("es", "ar"):
        assert Group.objects.filter(name=translators_group_name(code)).exists()
        assert Group.objects.filter(name=reviewers_group_name(code)).exists()

    Locale.objects.create(language_code="fr")

    assert Group.objects.filter(name=reviewers_group_name("fr")).exists()
    task = TranslationReviewTask.objects.get()
    assert task.groups.filter(name=reviewers_group_name("fr")).exists()


def test_translated_article_sections_go_through_the_translation_review(machine_spanish):
    assert machine_spanish.get_workflow().name == TRANSLATION_WORKFLOW_NAME


def test_only_a_reviewer_of_the_pages_language_may_approve_and_approval_records_the_review(
    machine_spanish,
):
    spanish_reviewer = member_of(reviewers_group_name("es"), username="lucia")
    arabic_reviewer = member_of(reviewers_group_name("ar"), username="amal")
    workflow_state = machine_spanish.get_workflow().start(machine_spanish, spanish_reviewer)
    task = TranslationReviewTask.objects.get()

    assert task.get_actions(machine_spanish, arabic_reviewer) == []
    assert "approve" in [name for name, *_ in task.get_actions(machine_spanish, spanish_reviewer)]
    assert provenance(machine_spanish).unreviewed_machine_segments > 0

    workflow_state.current_task_state.task.specific.on_action(
        workflow_state.current_task_state, spanish_reviewer, "approve", comment="Checked."
    )

    page = Page.objects.get(pk=machine_spanish.pk)
    made = provenance(page)
    assert made.unreviewed_machine_segments == 0
    assert made.review.reviewer == spanish_reviewer
    assert made.review.comment == "Checked."
    assert page.live  # the approval publishes once the rules hold


def test_a_translator_submits_and_only_reviewers_of_that_language_find_it_waiting(
    machine_spanish, client
):
    translator = member_of(translators_group_name("es"), username="tala")
    spanish_reviewer = member_of(reviewers_group_name("es"), username="lucia")
    arabic_reviewer = member_of(reviewers_group_name("ar"), username="amal")
    client.force_login(translator)
    url = reverse("editorial_submit_translation_review", args=[machine_spanish.pk])

    response = client.post(url)

    assert response.status_code == 302
    assert machine_spanish.get_workflow().name == TRANSLATION_WORKFLOW_NAME
    assert Page.objects.get(pk=machine_spanish.pk).specific.workflow_in_progress
    client.force_login(spanish_reviewer)
    assert machine_spanish.title in client.get("/admin/").content.decode()
    client.force_login(arabic_reviewer)
    assert machine_spanish.title not in client.get("/admin/").content.decode()


def test_the_submitted_message_isolates_the_title(machine_spanish, client):
    """A title in another script would reorder the English sentence around it."""
    translator = member_of(translators_group_name("es"), username="tala")
    client.force_login(translator)
    url = reverse("editorial_submit_translation_review", args=[machine_spanish.pk])

    response = client.post(url)

    messages = [str(message) for message in get_messages(response.wsgi_request)]
    title = machine_spanish.get_admin_display_title()
    assert f"“{FSI}{title}{PDI}” was submitted to the translation review." in messages


def test_a_spanish_translator_cannot_submit_the_arabic_translation(article_index, locales, client):
    crisis_lines_in("ar")
    article = ArticlePageFactory(parent=article_index)
    publish_reviewed(article)
    fill(start_translation(article, locales["ar"]))
    arabic = Page.objects.get(translation_key=article.translation_key, locale=locales["ar"])
    client.force_login(member_of(translators_group_name("es"), username="tala"))

    response = client.post(reverse("editorial_submit_translation_review", args=[arabic.pk]))

    assert response.status_code in (302, 403)
    assert not Page.objects.get(pk=arabic.pk).specific.workflow_in_progress
