"""A translator who opens an outdated translation sees what changed and brings it in."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.admin.menu import reports_menu

from core.translation_status import TranslationStatus, translation_states
from editorial.translation_review import translators_group_name
from tests.approvals import publish_reviewed
from tests.translation.factories import fill, start_translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def spanish_translator(db):
    user = get_user_model().objects.create_user(
        username="traductora", email="traductora@example.org", password="a-long-password"
    )
    user.groups.add(Group.objects.get(name=translators_group_name("es")))
    return user


@pytest.fixture
def outdated(article, locales, publishing):
    """A live Spanish translation whose English original then gained, changed and lost a block."""
    translation = start_translation(article, locales["es"])
    fill(translation)
    publishing(translation.save_target)
    story = article.story.get_prep_value()
    removed, changed = story[0], story[1]
    changed["value"]["title"] = "Looking back, a year on"
    added = {
        "type": "reflection",
        "value": {"title": "What helped most", "body": "<p>A steady routine.</p>"},
        "id": "0b6d1a1e-9f1c-4f38-9d7e-4a1b2c3d4e5f",
    }
    article.story = [*story[1:], added]
    publishing(lambda: publish_reviewed(article))
    page = article.get_translation(locales["es"])
    return {"page": page, "removed": removed, "changed": changed, "added": added}


def status_of(article, locale) -> TranslationStatus:
    article = type(article).objects.get(pk=article.pk)  # as published since
    return translation_states([article], [locale])[article.translation_key][0].status


def test_an_outdated_translation_tells_its_translator_what_to_do(
    outdated, spanish_translator, client
):
    client.force_login(spanish_translator)

    response = client.get(
        reverse("wagtailadmin_pages:edit", args=[outdated["page"].pk]), follow=True
    )

    html = response.content.decode()
    assert "The original changed after this translation was synced" in html
    assert reverse("editorial_translation_changes", args=[outdated["page"].pk]) in html


def test_the_changes_page_lists_the_blocks_added_changed_and_removed(
    outdated, spanish_translator, client
):
    client.force_login(spanish_translator)

    html = client.get(
        reverse("editorial_translation_changes", args=[outdated["page"].pk])
    ).content.decode()

    assert html.count('data-change="added"') == 1 and "What helped most" in html
    assert html.count('data-change="changed"') == 1 and "Looking back, a year on" in html
    assert html.count('data-change="removed"') == 1 and "I felt quiet" in html
    # One primary action, and it brings the changes in (not Unpublish).
    assert html.count('class="button"') == 1
    assert "Bring the changes into the translation" in html
    assert "Unpublish" not in html


def test_bringing_the_changes_in_syncs_without_publishing(
    outdated, article, locales, spanish_translator, client
):
    page = outdated["page"]
    live_revision = page.live_revision_id
    client.force_login(spanish_translator)

    response = client.post(reverse("editorial_translation_changes", args=[page.pk]))

    assert response.status_code == 302
    assert status_of(article, locales["es"]) == TranslationStatus.IN_PROGRESS  # new segments
    page.refresh_from_db()
    assert page.live_revision_id == live_revision  # readers keep the reviewed version


def test_a_translator_of_another_language_cannot_sync_it(outdated, article, locales, db, client):
    arabic = get_user_model().objects.create_user(username="mutarjim", password="a-long-password")
    arabic.groups.add(Group.objects.get(name=translators_group_name("ar")))
    client.force_login(arabic)

    response = client.post(reverse("editorial_translation_changes", args=[outdated["page"].pk]))

    assert response.status_code in (302, 403)  # Wagtail's admin turns a refusal into a redirect
    assert status_of(article, locales["es"]) == TranslationStatus.OUTDATED


def test_the_report_sends_an_outdated_row_to_what_changed(outdated, superuser, client):
    client.force_login(superuser)

    html = client.get(reverse("translation_status_report"), {"status": "outdated"}).content.decode()

    assert reverse("editorial_translation_changes", args=[outdated["page"].pk]) in html
    assert "See what changed" in html


def test_there_is_one_translation_status_report(superuser, client, rf):
    client.force_login(superuser)

    response = client.get(reverse("wagtail_localize:translations_report"))

    assert response.status_code == 302
    assert response["Location"] == reverse("translation_status_report")
    request = rf.get("/admin/")
    request.user = superuser
    urls = [item.url for item in reports_menu.menu_items_for_request(request)]
    assert reverse("translation_status_report") in urls
    assert reverse("wagtail_localize:translations_report") not in urls
