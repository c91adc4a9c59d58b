"""Translators translate into their own language and publish translations in it; they never
change English content, nor another language's translations."""

from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale, Page
from wagtail_localize.models import TranslationSource

from articles.models import ArticlePage, Person
from core.translators import (
    TRANSLATORS_GROUP_NAME,
    changes_source_only_as_translator,
    reviewers_group_name,
    snippet_languages,
    translators_group_name,
)
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


def test_the_former_all_language_group_keeps_no_right(home_page):
    group = Group.objects.get(name=TRANSLATORS_GROUP_NAME)

    assert not group.permissions.exists()
    assert not GroupPagePermission.objects.filter(group=group).exists()
    assert not group.collection_permissions.exists()
    assert not Group.objects.filter(name="Translators").exists()


def test_each_language_s_translators_have_the_translators_rights(home_page):
    for code in ("es", "ar"):
        group = Group.objects.get(name=translators_group_name(code))
        codenames = set(group.permissions.values_list("codename", flat=True))

        assert codenames == {"access_admin", "change_person", "change_topic", "change_service"}
        assert "submit_translation" not in codenames  # starting and syncing stay with editors
        assert set(group.collection_permissions.values_list("permission__codename", flat=True)) == {
            "choose_image",
            "choose_document",
        }
        assert not GroupPagePermission.objects.filter(group=group, page=home_page).exists()


def test_a_new_locale_root_opens_to_its_language_only_and_english_stays_closed(
    spanish_draft, home_page, spanish
):
    spanish_root = Page.objects.get(depth=2, locale=spanish)
    spanish_articles = spanish_draft[1].get_parent()
    granted = GroupPagePermission.objects.filter(group__name=translators_group_name("es"))

    # Edit the whole Spanish tree; publish only in its sections (not, say, the home page).
    assert sorted(granted.values_list("page", "permission__codename")) == sorted(
        [
            (spanish_root.pk, "change_page"),
            (spanish_articles.pk, "change_page"),
            (spanish_articles.pk, "publish_page"),
        ]
    )
    reviewers = GroupPagePermission.objects.filter(group__name=reviewers_group_name("es"))
    assert list(reviewers.values_list("page", "permission__codename")) == [
        (spanish_root.pk, "change_page")
    ]
    others = GroupPagePermission.objects.filter(page__in=[spanish_root, spanish_articles])
    assert not others.filter(group__name__in=[translators_group_name("ar"), TRANSLATORS_GROUP_NAME])
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
    assert "only editors can change the original in \u2068English\u2069" in message

    spanish_edit = client.get(
        reverse("wagtailsnippets_articles_person:edit", args=[spanish_person.pk])
    )
    assert spanish_edit.status_code == 200


def test_someone_who_is_also_an_editor_may_change_the_original(translator):
    assert snippet_languages(translator, Person) == {"es"}
    editors = Group.objects.create(name="Article editors")
    editors.permissions.add(Permission.objects.get(codename="change_person"))
    assert changes_source_only_as_translator(translator, Person)

    translator.groups.add(editors)
    translator = type(translator).objects.get(pk=translator.pk)  # forget cached permissions
    assert not changes_source_only_as_translator(translator, Person)
    assert snippet_languages(translator, Person) is None


# A Spanish translator in the Arabic translations: Wagtail's snippet permissions hold in every
# language, and wagtail-localize's views ask only for them.


@pytest.fixture(scope="module")
def arabic_translation(shared):
    return start_translation(shared.article, shared.locales["ar"])


@pytest.fixture
def arabic_draft(arabic_translation, article, arabic):
    return arabic_translation, ArticlePage.objects.get(
        translation_key=article.translation_key, locale=arabic
    )


@pytest.fixture
def arabic_person(spanish, arabic):
    person = PersonFactory(name="Noor Halvorsen")
    translation = start_translation(person, arabic)
    start_translation(person, spanish)
    return translation, Person.objects.get(translation_key=person.translation_key, locale=arabic)


def refused(response) -> bool:
    """Wagtail's admin answers PermissionDenied with 403, or a redirect home for a page load."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def put_string(client, translation, value="ترجمة"):
    segment = translation.source.stringsegment_set.order_by("order").first()
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    return client.put(url, urlencode({"value": value}), "application/x-www-form-urlencoded")


def test_a_spanish_translator_cannot_edit_or_publish_the_arabic_translation(
    arabic_draft, translator, client, publishing
):
    translation, draft = arabic_draft
    fill(translation, lambda text: f"AR {text}")
    client.force_login(translator)
    url = reverse("wagtailadmin_pages:edit", args=[draft.pk])

    assert client.get(url)["Location"] == "/admin/"  # Wagtail's "permission denied" redirect
    response = publishing(lambda: client.post(url, {"title": "Cambiado", "action-publish": "1"}))
    assert response["Location"] == "/admin/"
    draft.refresh_from_db()
    assert not draft.live
    assert not draft.permissions_for_user(translator).can_edit()
    assert not draft.permissions_for_user(translator).can_publish()

    # wagtail-localize's own views: a string, a PO file, machine translation, the preview.
    assert refused(put_string(client, translation))
    po_upload = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
    assert refused(client.post(po_upload, {"file": ""}))
    machine = reverse("wagtail_localize:machine_translate", args=[translation.pk])
    assert refused(client.post(machine))
    preview = reverse("wagtail_localize:preview_translation", args=[translation.pk])
    assert refused(client.get(preview))


def test_a_spanish_translator_cannot_translate_an_arabic_snippet(arabic_person, translator, client):
    translation, arabic = arabic_person
    client.force_login(translator)
    edit = reverse("wagtailsnippets_articles_person:edit", args=[arabic.pk])

    # The edit view (which wagtail-localize replaces with its translation editor), GET and POST.
    opened = client.get(edit)
    assert opened.status_code == 302
    assert opened["Location"] == reverse("wagtailsnippets_articles_person:list")
    message = str(next(iter(get_messages(opened.wsgi_request))))
    assert "you translate only in your own languages" in message
    assert f"\u2068{arabic.locale.get_display_name()}\u2069" in message  # isolated name
    assert client.post(edit, {"name": "Cambiado"}).status_code == 302

    # wagtail-localize's views that save into the translation.
    assert refused(put_string(client, translation))
    download = reverse("wagtail_localize:download_pofile", args=[translation.pk])
    assert refused(client.get(download))
    upload = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
    assert refused(client.post(upload, {"file": ""}))
    machine = reverse("wagtail_localize:machine_translate", args=[translation.pk])
    assert refused(client.post(machine))
    arabic.refresh_from_db()
    assert arabic.name == "Noor Halvorsen"


def test_the_arabic_translators_translate_the_arabic_snippet(arabic_person, client):
    translation, arabic = arabic_person
    user = get_user_model().objects.create_user(username="mutarjim", password="a-long-password")
    user.groups.add(Group.objects.get(name=translators_group_name("ar")))
    client.force_login(user)

    editor = client.get(reverse("wagtailsnippets_articles_person:edit", args=[arabic.pk]))
    assert editor.status_code == 200
    assert put_string(client, translation, "نور هالفورسن").status_code == 201

    spanish = Person.objects.get(translation_key=arabic.translation_key, locale__language_code="es")
    assert client.get(reverse("wagtailsnippets_articles_person:edit", args=[spanish.pk]))[
        "Location"
    ] == reverse("wagtailsnippets_articles_person:list")


def test_a_translation_reviewer_reviews_in_their_language_only(arabic_draft, spanish_draft):
    user = get_user_model().objects.create_user(username="revisora", password="a-long-password")
    user.groups.add(Group.objects.get(name=reviewers_group_name("es")))

    assert spanish_draft[1].permissions_for_user(user).can_edit()
    assert not arabic_draft[1].permissions_for_user(user).can_edit()
    assert snippet_languages(user, Person) == frozenset()  # people, topics: translators'


def test_a_new_language_gets_its_own_groups_with_their_rights(article_index, spanish_draft):
    french = Locale.objects.create(language_code="fr")
    french_index = article_index.copy_for_translation(french, copy_parents=True)
    french_root = Page.objects.get(depth=2, locale=french)
    translators = Group.objects.get(name=translators_group_name("fr"))
    reviewers = Group.objects.get(name=reviewers_group_name("fr"))

    granted = GroupPagePermission.objects.filter(group=translators)
    assert sorted(granted.values_list("page", "permission__codename")) == sorted(
        [
            (french_root.pk, "change_page"),
            (french_index.pk, "change_page"),
            (french_index.pk, "publish_page"),
        ]
    )
    assert set(translators.permissions.values_list("codename", flat=True)) == {
        "access_admin",
        "change_person",
        "change_topic",
        "change_service",
    }
    assert list(
        GroupPagePermission.objects.filter(group=reviewers).values_list(
            "page", "permission__codename"
        )
    ) == [(french_root.pk, "change_page")]
    # Nobody else's translators got anything in French.
    assert (
        not GroupPagePermission.objects.filter(page__locale=french)
        .exclude(group__in=[translators, reviewers])
        .exclude(group__name="Editors")
        .exists()
    )


def test_the_migration_moves_translators_whose_language_it_can_tell(arabic_draft):
    """editorial/migrations/0006: a member of the old group who translated into Arabic joins the
    Arabic translators; one who translated nothing waits, without rights, for an administrator."""
    import importlib

    from django.apps import apps
    from wagtail_localize.models import StringTranslation

    migration = importlib.import_module("editorial.migrations.0006_translators_per_language")
    User = get_user_model()
    old = Group.objects.create(name="Translators")
    old.permissions.add(Permission.objects.get(codename="change_person"))
    translated, newcomer = (
        User.objects.create_user(username=name, password="a-long-password")
        for name in ("samir", "newcomer")
    )
    old.user_set.add(translated, newcomer)
    translation = arabic_draft[0]
    fill(translation, lambda text: f"AR {text}")
    StringTranslation.objects.filter(locale=translation.target_locale).update(
        last_translated_by=translated
    )

    migration.move_rights_to_language_groups(apps, None)

    assert set(translated.groups.values_list("name", flat=True)) == {translators_group_name("ar")}
    waiting = Group.objects.get(name=TRANSLATORS_GROUP_NAME)
    assert list(newcomer.groups.all()) == [waiting]
    assert not waiting.permissions.exists()
    assert not Group.objects.filter(name="Translators").exists()
