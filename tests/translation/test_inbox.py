"""Each translator and translation reviewer finds what waits for them on the dashboard, in their
languages only."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page

from editorial.translation_review import reviewers_group_name, translators_group_name
from tests.translation.factories import fill, start_translation

pytestmark = pytest.mark.django_db


def member(username: str, *group_names: str):
    user = get_user_model().objects.create_user(username=username, password="a-long-password")
    user.groups.add(*Group.objects.filter(name__in=group_names))
    return user


@pytest.fixture
def half_translated(article, locales):
    """The article half translated into Spanish and into Arabic (drafts, in progress)."""
    pages = {}
    for code in ("es", "ar"):
        translation = start_translation(article, locales[code])
        fill(translation, only=lambda text: len(text) % 2 == 0)
        translation.save_target(publish=False)
        pages[code] = Page.objects.get(
            translation_key=article.translation_key, locale=locales[code]
        )
    return pages


def dashboard(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def test_a_spanish_translator_sees_the_spanish_translations_to_do_and_not_the_arabic_ones(
    half_translated, client
):
    html = dashboard(client, member("traductor", translators_group_name("es")))

    assert 'data-translation-inbox="translations"' in html
    assert reverse("wagtailadmin_pages:edit", args=[half_translated["es"].pk]) in html
    assert reverse("wagtailadmin_pages:edit", args=[half_translated["ar"].pk]) not in html
    assert 'data-locale="ar"' not in html


def test_a_translator_with_nothing_to_do_is_told_so(db, client):
    html = dashboard(client, member("mutarjim", translators_group_name("ar")))

    assert 'data-translation-inbox-empty="translations"' in html


def test_someone_who_does_not_translate_gets_no_translator_inbox(db, client, superuser):
    html = dashboard(client, superuser)

    assert "data-translation-inbox" not in html


def test_a_reviewer_sees_the_reviews_of_their_language_only(half_translated, client):
    spanish_reviewer = member("revisora", reviewers_group_name("es"))
    arabic_reviewer = member("muraji", reviewers_group_name("ar"))
    for page in half_translated.values():
        page = page.specific
        workflow = page.get_workflow()
        assert workflow is not None and "translation" in workflow.name.lower()
        workflow.start(page, spanish_reviewer)

    spanish = dashboard(client, spanish_reviewer)
    assert 'data-translation-inbox="reviews"' in spanish
    assert reverse("wagtailadmin_pages:edit", args=[half_translated["es"].pk]) in spanish
    assert 'data-locale="ar"' not in spanish

    arabic = dashboard(client, arabic_reviewer)
    assert reverse("wagtailadmin_pages:edit", args=[half_translated["ar"].pk]) in arabic
    assert 'data-locale="es"' not in arabic


def test_a_reviewer_with_nothing_to_review_is_told_so(db, client):
    html = dashboard(client, member("revisor", reviewers_group_name("es")))

    assert 'data-translation-inbox-empty="reviews"' in html
