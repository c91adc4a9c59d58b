"""What the API tells readers about a translation: where its words came from, who reviewed
them, and which blocks are still in the source language."""

import pytest
from django.contrib.auth import get_user_model
from wagtail_localize.models import StringTranslation

from core.snapshots.pipeline import render_page
from core.translation_provenance import provenance
from core.translation_records import PartialTranslationDecision, TranslationReview
from tests.translation.factories import fill, start_translation
from tests.translation.test_completeness import target_of

pytestmark = pytest.mark.django_db


def page_json(client, page, locale):
    response = client.get(f"/api/v1/pages/{page.pk}", {"locale": locale})
    assert response.status_code == 200, response.content
    return response.json()


@pytest.fixture
def reviewer(db):
    return get_user_model().objects.create_user(
        username="revisora", first_name="Lucía", last_name="Gómez", password="a-long-password"
    )


def test_a_reviewed_machine_translation_says_how_it_was_made_and_who_reviewed_it(
    article, spanish, publishing, client, reviewer
):
    translation = start_translation(article, spanish)
    fill(translation)
    strings = StringTranslation.objects.filter(
        locale=spanish, context__object_id=article.translation_key
    )
    machine = strings.filter(context__path__startswith="story.")
    machine_count = machine.update(translation_type="machine", tool_name="DeepL")
    page = target_of(article, spanish)
    review = TranslationReview.objects.create(page=page, reviewer=reviewer)
    publishing(lambda: page.save_revision().publish(skip_permission_checks=True))
    render_page(page.pk)

    body = page_json(client, page, "es")

    made = body["translation"]
    assert made["source_locale"] == {"code": "en", "direction": "ltr"}
    assert made["source_page_id"] == article.pk
    assert made["source_revision_id"] == article.live_revision_id
    assert made["behind_source"] is False
    assert made["machine_segments"] == machine_count
    assert made["reviewed_machine_segments"] == machine_count
    assert made["human_segments"] == strings.count() - machine_count
    assert made["translated_segments"] == made["total_segments"]
    assert made["reviewed_by"] == "Lucía Gómez"
    assert made["reviewed_at"].startswith(review.reviewed_at.date().isoformat())
    json_ld = body["seo"]["json_ld"]
    assert {"@type": "SoftwareApplication", "name": "DeepL"} in json_ld["translator"]
    assert json_ld["translationOfWork"]["inLanguage"] == "en"
    assert json_ld["translationOfWork"]["url"] == "/en/articles/ketamine-therapy/"
    assert body["meta"]["partly_translated"] is False


def test_blocks_published_untranslated_carry_the_source_language_and_direction(
    article, arabic, publishing, client
):
    translation = start_translation(article, arabic)
    fill(translation, lambda text: f"[ar] {text}")
    StringTranslation.objects.filter(locale=arabic, context__path__startswith="story.").delete()
    page = target_of(article, arabic)
    revision = page.save_revision()
    made = provenance(page, revision)
    PartialTranslationDecision.objects.create(
        revision=revision, page=page, untranslated=sorted(made.untranslated)
    )
    publishing(lambda: revision.publish(skip_permission_checks=True))
    render_page(page.pk)

    body = page_json(client, page, "ar")

    content = body["content"]
    assert {(block["lang"], block["dir"]) for block in content["story"]} == {("en", "ltr")}
    assert {(block["lang"], block["dir"]) for block in content["science"]} == {("ar", "rtl")}
    assert body["meta"]["partly_translated"] is True
    assert set(body["translation"]["untranslated"]) == {block["id"] for block in content["story"]}
    html = client.get(page.url).content.decode()
    story = html.split("article__section--story")[1].split("</section>")[0]
    science = html.split("article__section--science")[1].split("</section>")[0]
    assert story.count('<div class="article__block" lang="en" dir="ltr">') == len(content["story"])
    assert 'lang="en"' not in science


def test_english_blocks_say_they_are_english_and_a_source_has_no_translation_record(
    article, client
):
    body = page_json(client, article, "en")

    assert body["translation"] is None
    assert {block["lang"] for block in body["content"]["science"]} == {"en"}
