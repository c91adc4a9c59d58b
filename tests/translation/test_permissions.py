"""Translators translate into Spanish and Arabic and publish translations; they never change
English content."""

from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page
from wagtail_localize.models import TranslationSource

from articles.models import ArticlePage, Person
from core.translators import TRANSLATORS_GROUP_NAME, changes_source_only_as_translator
from tests.articles.factories import PersonFactory
from tests.core.factories import crisis_lines_in
from tests.translation.factories import fill, start_translation

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def spanish_translation(shared):
    """An editor has started the Spanish translation ("Translate this page")."""
    return start_translation(shared.article, shared.locales["es"])


@pytest.fixture
def spanish_draft(spanish_translation, article, spanish):
    return spanish_translation, ArticlePage.objects.get(
        translation_key=article.translation_key, locale=spanish
    )


def test_the_group_is_created_by_a_migration_without_rights_on_english_pages(home_page):
    group = Group.objects.get(name=TRANSLATORS_GROUP_NAME)
    codenames = set(group.permissions.values_list("codename", flat=True))

    assert codenames == {"access_admin", "change_person", "change_topic", "change_service"}
    assert "submit_translation" not in codenames  # starting and syncing stay with editors
    assert not GroupPagePermission.objects.filter(group=group, page=home_page).exists()


def test_a_new_locale_root_opens_to_translators_and_english_stays_closed(
    spanish_draft, home_page, spanish
):
    spanish_root = Page.objects.get(depth=2, locale=spanish)
    spanish_articles = spanish_draft[1].get_parent()
    granted = GroupPagePermission.objects.filter(group__name=TRANSLATORS_GROUP_NAME)

    # Edit the whole Spanish tree; publish only in its sections (not, say, the home page).
    assert sorted(granted.values_list("page", "permission__codename")) == sorted(
        [
            (spanish_root.pk, "change_page"),
            (spanish_articles.pk, "change_page"),
            (spanish_articles.pk, "publish_page"),
        ]
    )
    assert not granted.filter(page__locale=home_page.locale).exists()


def test_a_translator_can_translate_a_spanish_page(spanish_draft, translator, client):
    translation, draft = spanish_draft
    client.force_login(translator)

    editor = client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk]))
    assert editor.status_code == 200
    # wagtail-localize's editor, without Publish: nothing is translated yet.
    assert "&quot;canPublish&quot;: false" in editor.content.decode()

    segment = translation.source.stringsegment_set.order_by("order").first()
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    saved = client.put(
        url, urlencode({"value": "Terapia con ketamina"}), "application/x-www-form-urlencoded"
    )
    assert saved.status_code == 201
    assert translation.get_progress()[1] == 1


def test_a_translator_publishes_a_spanish_translation(
    spanish_draft, translator, client, publishing
):
    crisis_lines_in("es")
    translation, draft = spanish_draft
    fill(translation)
    client.force_login(translator)
    url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    editor = client.get(url)
    assert "&quot;canPublish&quot;: true" in editor.content.decode()  # all translated

    response = publishing(lambda: client.post(url, {"action": "publish"}))

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.live


def test_a_spanish_translation_without_spanish_crisis_lines_stays_a_draft(
    spanish_draft, translator, client, publishing
):
    crisis_lines_in()  # English only: Spanish readers would get no crisis lines
    _, draft = spanish_draft
    client.force_login(translator)
    url = reverse("wagtailadmin_pages:edit", args=[draft.pk])

    response = publishing(lambda: client.post(url, {"action": "publish"}))

    assert response.status_code == 302 and response["Location"] == "/admin/"  # refused
    draft.refresh_from_db()
    assert not draft.live
    assert not draft.permissions_for_user(translator).can_publish()


def test_a_translator_cannot_edit_or_publish_english_content(
    article, spanish_draft, translator, client
):
    client.force_login(translator)
    url = reverse("wagtailadmin_pages:edit", args=[article.pk])

    assert client.get(url)["Location"] == "/admin/"  # Wagtail's "permission denied" redirect
    client.post(url, {"title": "Changed by a translator", "action-publish": "publish"})

    article.refresh_from_db()
    assert article.title == "Ketamine therapy"
    assert not article.permissions_for_user(translator).can_edit()
    assert not article.permissions_for_user(translator).can_publish()


def test_a_translator_cannot_start_or_sync_translations(
    article, spanish, spanish_draft, translator, client
):
    client.force_login(translator)

    submit = reverse("wagtail_localize:submit_page_translation", args=[article.pk])
    assert client.get(submit)["Location"] == "/admin/"
    source = TranslationSource.objects.get_for_instance(article)
    sync = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert client.post(sync, {"publish_translations": "on"})["Location"] == "/admin/"
    assert not article.get_translation(spanish).live


def test_a_translator_translates_snippets_but_not_their_english_original(
    spanish, translator, client
):
    person = PersonFactory(name="Noor Halvorsen")
    start_translation(person, spanish)
    spanish_person = Person.objects.get(translation_key=person.translation_key, locale=spanish)
    client.force_login(translator)

    english_edit = client.get(reverse("wagtailsnippets_articles_person:edit", args=[person.pk]))
    assert english_edit.status_code == 302
    assert english_edit["Location"] == reverse("wagtailsnippets_articles_person:list")
    message = str(next(iter(get_messages(english_edit.wsgi_request))))
    assert "only editors can change the original in English" in message

    spanish_edit = client.get(
        reverse("wagtailsnippets_articles_person:edit", args=[spanish_person.pk])
    )
    assert spanish_edit.status_code == 200


def test_someone_who_is_also_an_editor_may_change_the_original(translator):
    editors = Group.objects.create(name="Article editors")
    editors.permissions.add(Permission.objects.get(codename="change_person"))
    assert changes_source_only_as_translator(translator, Person)

    translator.groups.add(editors)
    translator = type(translator).objects.get(pk=translator.pk)  # forget cached permissions
    assert not changes_source_only_as_translator(translator, Person)
