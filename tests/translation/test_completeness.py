"""The gate for translations: no empty, half-done or unreviewed machine translation reaches
readers unless an editor chose, by name, what stays in the source language."""

import pytest
from wagtail.models import Page
from wagtail_localize.models import StringTranslation

from articles.models import ArticlePage
from core.snapshots.models import PageSnapshot
from core.snapshots.pipeline import render_page
from core.translation_provenance import provenance
from core.translation_records import PartialTranslationDecision, TranslationReview
from tests.translation.factories import fill, start_translation

pytestmark = pytest.mark.django_db


def target_of(article, locale) -> ArticlePage:
    return ArticlePage.objects.get(translation_key=article.translation_key, locale=locale)


def force_live(page: Page, publishing) -> Page:
    """Publish the latest revision without the permission tester (as a script or a race
    might): only the gate stands between it and readers."""
    publishing(lambda: page.save_revision().publish(skip_permission_checks=True))
    render_page(page.pk)
    return type(page).objects.get(pk=page.pk)


def snapshot_for(page: Page, reader: str) -> PageSnapshot:
    return PageSnapshot.objects.get(page=page, reader_locale=reader)


def test_an_empty_translation_cannot_be_published_and_the_translator_is_told_why(
    article, arabic, superuser
):
    start_translation(article, arabic)
    draft = target_of(article, arabic)

    tester = draft.permissions_for_user(superuser)

    assert not tester.can_publish()
    total = provenance(draft).total_segments
    assert total > 0
    assert any(
        f"{total} of {total} segments are not translated" in blocker
        for blocker in tester.publishing_blockers
    )


def test_an_empty_translation_made_live_anyway_is_withheld_from_readers(
    article, arabic, publishing, client
):
    start_translation(article, arabic)
    page = force_live(target_of(article, arabic), publishing)

    snapshot = snapshot_for(page, "ar")

    assert snapshot.body is None
    assert "segments are not translated" in snapshot.withheld


def test_a_segment_with_an_error_does_not_count_as_translated(article, spanish, publishing):
    translation = start_translation(article, spanish)
    fill(translation)
    first = StringTranslation.objects.filter(
        locale=spanish, context__object_id=article.translation_key
    ).first()
    first.has_error = True
    first.save()

    page = force_live(target_of(article, spanish), publishing)

    assert "1 of" in snapshot_for(page, "es").withheld


def test_a_fully_translated_human_translation_reaches_readers(article, spanish, publishing):
    translation = start_translation(article, spanish)
    fill(translation)
    page = force_live(target_of(article, spanish), publishing)

    assert snapshot_for(page, "es").withheld == ""


def test_a_machine_translation_waits_for_a_person_to_review_it(
    article, spanish, publishing, superuser
):
    translation = start_translation(article, spanish)
    fill(translation)
    StringTranslation.objects.filter(
        locale=spanish, context__object_id=article.translation_key
    ).update(translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE, tool_name="DeepL")
    page = force_live(target_of(article, spanish), publishing)
    assert "machine-translated segments have not been reviewed" in snapshot_for(page, "es").withheld
    assert not page.permissions_for_user(superuser).can_publish()

    TranslationReview.objects.create(page=page, revision=page.live_revision, reviewer=superuser)
    render_page(page.pk)

    assert snapshot_for(page, "es").withheld == ""


def test_a_machine_segment_changed_after_the_review_needs_a_new_review(
    article, spanish, publishing, superuser
):
    translation = start_translation(article, spanish)
    fill(translation)
    strings = StringTranslation.objects.filter(
        locale=spanish, context__object_id=article.translation_key
    )
    strings.update(translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE)
    page = target_of(article, spanish)
    TranslationReview.objects.create(page=page, reviewer=superuser)
    later = strings.first()
    later.data = "ES otra versión"
    later.save()  # updated after the review

    page = force_live(page, publishing)

    assert "1 machine-translated segments" in snapshot_for(page, "es").withheld


def test_an_editor_may_publish_named_untranslated_blocks_in_the_source_language(
    article, spanish, publishing
):
    translation = start_translation(article, spanish)
    fill(translation)
    StringTranslation.objects.filter(
        locale=spanish, context__path__startswith="story."
    ).delete()  # the story stays in English
    page = target_of(article, spanish)
    publishing(lambda: page.save_revision())
    page.refresh_from_db()
    made = provenance(page, page.latest_revision)
    story_ids = {child.id for child in article.story}
    assert made.untranslated and made.untranslated <= story_ids
    PartialTranslationDecision.objects.create(
        revision=page.latest_revision, page=page, untranslated=sorted(made.untranslated)
    )

    publishing(lambda: page.latest_revision.publish(skip_permission_checks=True))
    render_page(page.pk)

    assert snapshot_for(page, "es").withheld == ""


def test_a_decision_that_does_not_name_every_untranslated_block_is_not_enough(
    article, spanish, publishing
):
    start_translation(article, spanish)
    page = target_of(article, spanish)
    revision = page.save_revision()
    PartialTranslationDecision.objects.create(revision=revision, page=page, untranslated=["title"])

    publishing(lambda: revision.publish(skip_permission_checks=True))
    render_page(page.pk)

    assert "segments are not translated" in snapshot_for(page, "es").withheld
