"""Every way Wagtail and wagtail-localize publish respects the review: none goes around it."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Workflow
from wagtail_localize.models import TranslationSource

from articles.models import ArticlePage
from core.bidi import FSI, PDI
from editorial.publishing import has_medical_approval, publishing_blockers
from editorial.roles import WORKFLOW_NAME
from tests.approvals import publish_reviewed
from tests.articles.factories import ArticlePageFactory, PersonFactory, article_form_data
from tests.core.factories import crisis_lines_in
from tests.translation.factories import fill, start_translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewed(article_index, writer, reviewer, editor, client, crisis_lines):
    """An article the medical reviewer approved, waiting at the editor's step."""
    article = ArticlePageFactory(
        parent=article_index, live=False, medical_reviewer=None, last_reviewed=None
    )
    article.save_revision()
    article.get_workflow().start(article, writer)
    state = Page.objects.get(pk=article.pk).current_workflow_task_state
    state.task.specific.on_action(state, reviewer, "approve")
    return ArticlePage.objects.get(pk=article.pk)


def test_an_editor_cannot_publish_their_own_unreviewed_changes_from_the_editor(
    reviewed, editor, client
):
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=[reviewed.pk])

    assert 'name="action-publish"' not in client.get(url).content.decode()
    response = client.post(
        url,
        article_form_data(reviewed, standfirst="An unreviewed claim.", **{"action-publish": "1"}),
    )

    assert response.status_code == 302
    article = ArticlePage.objects.get(pk=reviewed.pk)
    assert not article.live
    assert article.get_latest_revision_as_object().standfirst == "An unreviewed claim."  # kept


def test_an_editor_cannot_create_and_publish_an_article_in_one_step(
    article_index, editor, client, crisis_lines
):
    author = PersonFactory()
    client.force_login(editor)
    add_url = reverse("wagtailadmin_pages:add", args=["articles", "articlepage", article_index.pk])
    draft = ArticlePage(title="Unreviewed", slug="unreviewed", standfirst="S.", summary="S.")
    draft.author_id = author.pk

    response = client.post(add_url, article_form_data(draft, **{"action-publish": "1"}))

    article = ArticlePage.objects.get(slug="unreviewed")
    assert not article.live  # saved as a draft
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[article.pk])
    message = str(next(iter(get_messages(response.wsgi_request))))
    assert "was saved as a draft, not published" in message


def bulk_publish(client, user, page, **data):
    """Post Wagtail's "Publish" bulk action (the explorer's checkbox menu) for `page`."""
    client.force_login(user)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(f"{url}?id={page.pk}", data)


def test_bulk_publishing_leaves_an_article_under_review_alone(reviewed, editor, client):
    response = bulk_publish(client, editor, reviewed)

    assert response.status_code == 302
    assert not ArticlePage.objects.get(pk=reviewed.pk).live


def test_bulk_publishing_a_section_with_its_drafts_skips_the_article_under_review(
    reviewed, article_index, editor, client
):
    published_before = article_index.last_published_at

    response = bulk_publish(client, editor, article_index, include_descendants="on")

    assert response.status_code == 302
    article_index.refresh_from_db()
    assert article_index.last_published_at != published_before  # the action ran
    assert not ArticlePage.objects.get(pk=reviewed.pk).live


@pytest.fixture
def spanish_translation(article_index, locales):
    """A published, reviewed English article and its Spanish translation, prepared after."""
    article = ArticlePageFactory(parent=article_index)
    publish_reviewed(article)
    translation = start_translation(article, locales["es"])
    fill(translation)
    spanish = ArticlePage.objects.get(
        translation_key=article.translation_key, locale__language_code="es"
    )
    return article, translation, spanish


def sync_and_publish(client, user, article):
    client.force_login(user)
    source = TranslationSource.objects.get_for_instance(article)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    # wagtail-localize publishes after the transaction commits.
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(url, {"publish_translations": "on"})


def test_syncing_publishes_only_translations_with_crisis_lines_in_their_language(
    spanish_translation, editor, client
):
    crisis_lines_in()  # English only
    article, _, spanish = spanish_translation

    response = sync_and_publish(client, editor, article)

    assert response.status_code == 302
    assert not ArticlePage.objects.get(pk=spanish.pk).live
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    assert any(
        f"Saved as drafts, not published: {FSI}Español{PDI}." in message for message in messages
    )


def test_the_languages_held_back_are_isolated_from_the_sentence(
    spanish_translation, locales, editor, client
):
    """An Arabic name in an English sentence would reorder it: each name is isolated."""
    crisis_lines_in()  # English only: neither translation may go live
    article, _, _ = spanish_translation
    start_translation(article, locales["ar"])

    response = sync_and_publish(client, editor, article)

    messages = [str(message) for message in get_messages(response.wsgi_request)]
    held_back = next(m for m in messages if m.startswith("Saved as drafts, not published:"))
    names = held_back.removeprefix("Saved as drafts, not published: ").split(". Open")[0]
    assert sorted(names.split(", ")) == sorted(
        [f"{FSI}Español{PDI}", f"{FSI}{locales['ar'].get_display_name()}{PDI}"]
    )


def test_syncing_publishes_translations_that_meet_the_rules(spanish_translation, editor, client):
    crisis_lines_in("es")
    article, _, spanish = spanish_translation

    sync_and_publish(client, editor, article)

    assert ArticlePage.objects.get(pk=spanish.pk).live


def test_syncing_keeps_an_untranslated_translation_as_a_draft(
    article_index, locales, editor, client
):
    crisis_lines_in("es")
    article = ArticlePageFactory(parent=article_index)
    publish_reviewed(article)
    start_translation(article, locales["es"])  # nothing translated

    response = sync_and_publish(client, editor, article)

    spanish = ArticlePage.objects.get(translation_key=article.translation_key, locale=locales["es"])
    assert not spanish.live
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    assert any(
        f"Saved as drafts, not published: {FSI}Español{PDI}." in message for message in messages
    )


def test_a_translation_prepared_before_the_source_was_republished_waits_for_a_sync(
    spanish_translation, translator
):
    crisis_lines_in("es")
    article, _, spanish = spanish_translation
    assert spanish.permissions_for_user(translator).can_publish()

    later = timezone.now() + datetime.timedelta(minutes=1)
    ArticlePage.objects.filter(pk=article.pk).update(last_published_at=later)

    spanish = ArticlePage.objects.get(pk=spanish.pk)
    permissions = spanish.permissions_for_user(translator)
    assert not permissions.can_publish()
    assert "An editor syncs it" in permissions.publishing_blockers[0]


def test_translators_publish_translated_articles_but_not_the_home_page(
    spanish_translation, translator
):
    crisis_lines_in("es")
    _, _, spanish = spanish_translation
    spanish_home = Page.objects.get(depth=2, locale=spanish.locale)

    assert spanish.permissions_for_user(translator).can_publish()
    assert spanish_home.permissions_for_user(translator).can_edit()
    assert not spanish_home.permissions_for_user(translator).can_publish()


def test_an_approval_of_an_older_revision_does_not_approve_a_later_one(reviewed, editor, settings):
    """Even where an edit would not restart the workflow, the approval covers its revision only."""
    settings.WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = False
    assert has_medical_approval(reviewed)

    reviewed.standfirst = "An unreviewed claim."
    reviewed.save_revision(user=editor)

    article = ArticlePage.objects.get(pk=reviewed.pk)
    assert not has_medical_approval(article)
    assert any("has not approved the latest changes" in b for b in publishing_blockers(article))


def test_a_translation_waits_while_its_english_source_is_not_live(spanish_translation, translator):
    crisis_lines_in("es")
    article, _, spanish = spanish_translation
    assert spanish.permissions_for_user(translator).can_publish()

    Page.objects.get(pk=article.pk).unpublish()

    spanish = ArticlePage.objects.get(pk=spanish.pk)
    permissions = spanish.permissions_for_user(translator)
    assert not permissions.can_publish()
    assert "has not been published yet" in permissions.publishing_blockers[0]


@pytest.mark.parametrize(
    "credits",
    [
        {"medical_reviewer": None, "last_reviewed": None},
        {"last_reviewed": None},
        {"medical_reviewer": None},
    ],
)
def test_an_english_article_outside_the_workflow_still_needs_a_reviewer_and_a_review_date(
    article_index, editor, crisis_lines, credits
):
    Workflow.objects.filter(name=WORKFLOW_NAME).update(active=False)
    article = ArticlePageFactory(parent=article_index, live=False, **credits)
    article.save_revision()

    article = ArticlePage.objects.get(pk=article.pk)
    permissions = article.permissions_for_user(editor)
    assert not permissions.can_publish()
    assert "no medical reviewer or review date" in permissions.publishing_blockers[0]


def test_an_english_article_outside_the_workflow_with_its_credits_can_be_published(
    article_index, editor, crisis_lines
):
    Workflow.objects.filter(name=WORKFLOW_NAME).update(active=False)
    article = ArticlePageFactory(parent=article_index, live=False)
    article.save_revision()

    assert ArticlePage.objects.get(pk=article.pk).permissions_for_user(editor).can_publish()
