"""Writers, medical reviewers, editors and translators each have the rights of their role."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page, Workflow

from articles.models import ArticlePage
from editorial.models import MedicalReviewTask
from editorial.roles import EDITORS, MEDICAL_REVIEWERS, WRITERS
from tests.articles.factories import (
    ArticlePageFactory,
    PersonFactory,
    TopicFactory,
    article_form_data,
)
from tests.providers.factories import ProviderIndexPageFactory, ProviderPageFactory

pytestmark = pytest.mark.django_db


def page_permissions(group_name: str, page: Page) -> set[str]:
    return set(
        GroupPagePermission.objects.filter(group__name=group_name, page=page).values_list(
            "permission__codename", flat=True
        )
    )


def test_wagtails_starter_roles_are_replaced(home_page):
    assert not Group.objects.filter(name="Moderators").exists()
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not GroupPagePermission.objects.filter(page__depth=1).exists()


def test_roles_are_scoped_to_the_article_and_provider_sections(article_index, home_page):
    providers = ProviderIndexPageFactory(parent=home_page)

    for section in (article_index, providers):
        assert page_permissions(WRITERS, section) == {"add_page", "change_page"}
        assert page_permissions(MEDICAL_REVIEWERS, section) == {"change_page"}
        assert page_permissions(EDITORS, section) == {
            "add_page",
            "change_page",
            "publish_page",
            "lock_page",
            "unlock_page",
        }
    for group in (WRITERS, MEDICAL_REVIEWERS, EDITORS):
        assert page_permissions(group, home_page) == set()


def test_a_writer_drafts_and_submits_but_cannot_publish(article_index, writer, client):
    author = PersonFactory(name="Ada Writer")
    client.force_login(writer)
    add_url = reverse("wagtailadmin_pages:add", args=["articles", "articlepage", article_index.pk])
    new_article = ArticlePage(
        title="Ketamine, explained",
        slug="ketamine-explained",
        standfirst="What it is and what it is not.",
        summary="A short summary.",
        author=author,
    )
    # "Publish" is refused: the article is saved as a draft instead.
    data = article_form_data(new_article, **{"action-publish": "publish"})

    response = client.post(add_url, data)

    assert response.status_code == 302
    article = ArticlePage.objects.get(slug="ketamine-explained")
    assert not article.live
    assert not article.permissions_for_user(writer).can_publish()

    submitted = client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        {**data, "action-submit": "submit", "action-publish": ""},
    )
    assert submitted.status_code == 302
    task = Page.objects.get(pk=article.pk).current_workflow_task.specific
    assert isinstance(task, MedicalReviewTask)


def test_writers_and_reviewers_stay_out_of_pages_outside_their_sections(
    article_index, home_page, writer, reviewer, client
):
    for user in (writer, reviewer):
        client.force_login(user)
        assert not home_page.permissions_for_user(user).can_edit()
        edit = client.get(reverse("wagtailadmin_pages:edit", args=[home_page.pk]))
        assert edit.status_code == 302 and edit["Location"] == "/admin/"


def test_an_editor_publishes_provider_pages_directly(home_page, editor):
    providers = ProviderIndexPageFactory(parent=home_page)
    clinic = ProviderPageFactory(parent=providers)

    assert clinic.get_workflow() is None
    assert clinic.permissions_for_user(editor).can_publish()


def test_an_editor_unpublishes_a_live_article_and_a_writer_cannot(
    article_index, editor, writer, crisis_lines
):
    article = ArticlePageFactory(parent=article_index)

    assert article.permissions_for_user(editor).can_unpublish()
    assert not article.permissions_for_user(writer).can_unpublish()


def test_an_editor_can_start_translations_and_a_writer_cannot(editor, writer):
    assert editor.has_perm("wagtail_localize.submit_translation")
    assert not writer.has_perm("wagtail_localize.submit_translation")


def test_editors_manage_people_and_safety_information_and_writers_do_not(editor, writer):
    for permission in ("articles.change_person", "core.change_safetyinformation"):
        assert editor.has_perm(permission)
        assert not writer.has_perm(permission)


def test_a_reviewer_can_correct_an_article_but_not_publish_it(
    article_index, reviewer, crisis_lines
):
    article = ArticlePageFactory(parent=article_index)

    permissions = article.permissions_for_user(reviewer)
    assert permissions.can_edit()
    assert not permissions.can_publish()
    assert not permissions.can_unpublish()


def test_only_administrators_link_a_reviewer_to_an_admin_account(editor, admin_client, client):
    person = PersonFactory(reviewer=True)
    url = reverse("wagtailsnippets_articles_person:edit", args=[person.pk])

    assert 'name="user"' in admin_client.get(url).content.decode()
    client.force_login(editor)
    editors_form = client.get(url)
    assert editors_form.status_code == 200
    assert 'name="user"' not in editors_form.content.decode()


def test_reviews_due_are_for_people_who_work_on_the_english_source(
    article_index, spanish_article_section, editor, writer, translator, client
):
    report = reverse("reviews_due_report")
    for user, allowed in ((editor, True), (writer, True), (translator, False)):
        client.force_login(user)
        response = client.get(report)
        assert (response.status_code == 200) is allowed, user
        dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
        assert ("Reviews due" in dashboard) is allowed, user


def test_only_editors_change_topics_and_services_that_live_articles_show(editor, writer, client):
    """A renamed topic or service changes live pages at once, without review."""
    for permission in ("articles.change_topic", "providers.change_service"):
        assert editor.has_perm(permission)
        assert not writer.has_perm(permission)
    topic = TopicFactory(name="Ketamine therapy", slug="ketamine-therapy")
    client.force_login(writer)
    edit = client.post(
        reverse("wagtailsnippets_articles_topic:edit", args=[topic.pk]),
        {"name": "Miracle cure", "slug": "ketamine-therapy"},
    )
    assert edit.status_code in (302, 403)
    topic.refresh_from_db()
    assert topic.name == "Ketamine therapy"


def test_the_migration_takes_snippet_changes_away_from_writers_of_an_existing_site():
    from importlib import import_module

    from django.apps import apps
    from django.contrib.auth.models import Permission

    writers = Group.objects.get(name=WRITERS)
    writers.permissions.add(
        *Permission.objects.filter(
            codename__in=["change_topic", "change_service"],
            content_type__app_label__in=["articles", "providers"],
        )
    )
    migration = import_module("editorial.migrations.0003_only_editors_change_topics_and_services")

    migration.take_snippet_changes_from_writers(apps, None)

    assert not writers.permissions.filter(codename__in=["change_topic", "change_service"]).exists()
    assert writers.permissions.filter(codename="add_topic").exists()
