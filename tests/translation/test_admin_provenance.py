"""Editors see, per translation, what a machine translated, what people reviewed, by whom, when
and from which revision of the original."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail_localize.models import StringTranslation

from core.translation_records import TranslationReview
from tests.translation.factories import fill, start_translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewed_machine_spanish(article, locales):
    translation = start_translation(article, locales["es"])
    fill(translation)
    StringTranslation.objects.filter(locale=locales["es"]).update(translation_type="machine")
    translation.save_target(publish=False)
    page = article.get_translation(locales["es"])
    reviewer = get_user_model().objects.create_user(
        username="lucia", first_name="Lucía", last_name="Pérez", password="a-long-password"
    )
    TranslationReview.objects.create(page=page, revision=page.latest_revision, reviewer=reviewer)
    return translation


def provenance_row(client, article, language) -> str:
    html = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    row = re.search(
        rf'<tr class="translation-provenance" data-translation-provenance="{language}">(.*?)</tr>',
        html,
        re.S,
    )
    assert row, f"no provenance for {language}"
    return " ".join(row.group(1).split())


def test_the_translations_tab_shows_machine_segments_their_reviewer_and_the_source_revision(
    reviewed_machine_spanish, article, superuser, client
):
    client.force_login(superuser)
    total = reviewed_machine_spanish.get_progress()[0]

    row = provenance_row(client, article, "es")

    assert f"Machine-translated segments: <bdi>{total}</bdi>" in row
    assert f"reviewed by a person: <bdi>{total}</bdi>" in row
    assert "Translated by people: <bdi>0</bdi>" in row
    assert "Reviewed by <bdi>Lucía Pérez</bdi>" in row
    assert f"revision <bdi>{article.live_revision_id}</bdi> of the original" in row


def test_an_unreviewed_translation_says_so(article, locales, superuser, client):
    translation = start_translation(article, locales["ar"])
    fill(translation, lambda text: f"ع {text}")
    translation.save_target(publish=False)
    client.force_login(superuser)

    row = provenance_row(client, article, "ar")

    assert "No translation review yet." in row
    assert "Machine-translated segments: <bdi>0</bdi>" in row
