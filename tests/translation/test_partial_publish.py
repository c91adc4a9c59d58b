"""An editor publishes a translation with named blocks left in the source language; nobody
else can, and nothing is published without that explicit choice."""

import pytest
from django.urls import reverse
from wagtail_localize.models import StringTranslation

from core.snapshots.models import PageSnapshot
from core.snapshots.pipeline import render_page
from core.translation_records import PartialTranslationDecision
from tests.translation.factories import fill, start_translation
from tests.translation.test_completeness import target_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def half_translated(article, spanish):
    """The article in Spanish but for its story."""
    translation = start_translation(article, spanish)
    fill(translation)
    StringTranslation.objects.filter(locale=spanish, context__path__startswith="story.").delete()
    return target_of(article, spanish)


def url(page) -> str:
    return reverse("editorial_publish_partly", args=[page.pk])


def test_an_editor_sees_the_untranslated_blocks_by_name_before_publishing(
    client, superuser, half_translated, article
):
    client.force_login(superuser)

    response = client.get(url(half_translated))

    assert response.status_code == 200
    text = response.content.decode()
    assert text.count('<li dir="auto"><bdi>story ·') == len(list(article.story))
    assert not half_translated.live


def test_publishing_partly_needs_the_editor_to_confirm(client, superuser, half_translated):
    client.force_login(superuser)

    response = client.post(url(half_translated), {})

    assert response.status_code == 200
    assert "Confirm that these blocks stay in en" in response.content.decode()
    half_translated.refresh_from_db()
    assert not half_translated.live
    assert not PartialTranslationDecision.objects.exists()


def test_a_confirmed_partial_publish_records_who_decided_and_reaches_readers(
    client, superuser, half_translated, article, publishing
):
    client.force_login(superuser)

    response = publishing(lambda: client.post(url(half_translated), {"confirm": "yes"}))
    render_page(half_translated.pk)

    assert response.status_code == 302
    half_translated.refresh_from_db()
    assert half_translated.live
    decision = PartialTranslationDecision.objects.get(revision=half_translated.live_revision)
    assert decision.decided_by == superuser
    assert set(decision.untranslated) >= {child.id for child in article.story}
    snapshot = PageSnapshot.objects.get(page=half_translated, reader_locale="es")
    assert snapshot.withheld == ""


def test_a_translator_cannot_publish_a_translation_partly(client, translator, half_translated):
    client.force_login(translator)

    response = client.post(url(half_translated), {"confirm": "yes"})

    assert response.status_code == 302 and response.url == "/admin/"  # Wagtail's refusal
    assert not PartialTranslationDecision.objects.exists()
    half_translated.refresh_from_db()
    assert not half_translated.live
