"""Translation status: missing, in progress, complete, outdated, in a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import ArticlePage, Person
from core.translation_status import TranslationStatus, source_of, translation_states
from tests.approvals import publish_reviewed
from tests.articles.factories import PersonFactory
from tests.translation.factories import fill, rich_article, start_translation

pytestmark = pytest.mark.django_db


def state_of(instance, locale):
    instance = type(instance).objects.get(pk=instance.pk)  # as saved, with its latest dates
    return next(
        state
        for state in translation_states([instance], [locale])[instance.translation_key]
        if state.locale == locale
    )


def test_missing_when_nothing_exists_in_that_locale(article, spanish):
    state = state_of(article, spanish)

    assert state.status == TranslationStatus.MISSING
    assert (state.translated_segments, state.total_segments, state.target_id) == (None, None, None)


def test_an_alias_page_is_missing_because_readers_would_see_the_source(article, spanish):
    start_translation(article, spanish)  # copies the untranslated parents as aliases
    alias = article.get_parent().specific.get_translation(spanish)
    assert alias.alias_of_id is not None

    assert state_of(article.get_parent(), spanish).status == TranslationStatus.MISSING


def test_in_progress_counts_translated_and_total_segments(article, spanish):
    translation = start_translation(article, spanish)
    translated = fill(translation, only=lambda text: text.startswith("I"))

    state = state_of(article, spanish)
    assert state.status == TranslationStatus.IN_PROGRESS
    assert state.translated_segments == translated
    assert state.total_segments == translation.get_progress()[0] > translated
    assert 0 < state.percent < 100
    assert state.target_live is False  # a draft until published


def test_complete_when_every_segment_is_translated(article, spanish, publishing):
    translation = start_translation(article, spanish)
    fill(translation)
    publishing(translation.save_target)

    state = state_of(article, spanish)
    assert state.status == TranslationStatus.COMPLETE
    assert state.translated_segments == state.total_segments
    assert state.target_live is True
    assert state.percent == 100


def test_outdated_when_the_source_is_published_after_the_last_sync(article, spanish):
    translation = start_translation(article, spanish)
    fill(translation)
    publish_reviewed(article)

    assert state_of(article, spanish).status == TranslationStatus.OUTDATED

    translation.source.update_from_db()  # what "Sync translated pages" does
    assert state_of(article, spanish).status == TranslationStatus.COMPLETE


def test_a_draft_of_the_source_does_not_make_its_translations_outdated(article, spanish):
    translation = start_translation(article, spanish)
    fill(translation)
    article.title = "A draft title"
    article.save_revision()

    assert state_of(article, spanish).status == TranslationStatus.COMPLETE


def test_snippets_without_revisions_are_outdated_when_their_content_changes(spanish):
    person = PersonFactory(name="Noor Halvorsen", bio="Writes about treatments.")
    translation = start_translation(person, spanish)
    fill(translation)
    assert state_of(person, spanish).status == TranslationStatus.COMPLETE

    person.bio = "Writes about treatments and the evidence behind them."
    person.save()
    assert state_of(person, spanish).status == TranslationStatus.OUTDATED


def test_a_page_translated_outside_wagtail_localize_counts_as_complete(article, spanish):
    translation = start_translation(article, spanish)
    translation.enabled = False  # "Stop synced translation": edited by hand from now on
    translation.save()

    state = state_of(article, spanish)
    assert state.status == TranslationStatus.COMPLETE
    assert state.total_segments is None


def test_statuses_of_many_objects_cost_four_queries(article_index, article, locales):
    others = [rich_article(article_index, slug=f"article-{n}") for n in range(3)]
    start_translation(others[0], locales["es"])
    people = list(Person.objects.all())
    pages = list(ArticlePage.objects.filter(locale=locales["en"]))
    wanted = [locales["es"], locales["ar"]]

    with CaptureQueriesContext(connection) as one:
        translation_states([page for page in pages if page.pk == others[0].pk], wanted)
    with CaptureQueriesContext(connection) as many:
        states = translation_states(pages, wanted)
    with CaptureQueriesContext(connection) as mixed:
        translation_states([*pages, *people], wanted)

    assert len(one) == len(many) == 4
    assert len(mixed) == 8  # four per model
    assert len(states) == 4
    assert all(len(page_states) == 2 for page_states in states.values())


def test_the_source_of_a_translation_is_the_object_it_was_translated_from(article, spanish):
    start_translation(article, spanish)
    spanish_article = article.get_translation(spanish)

    assert source_of(spanish_article).pk == article.pk
    assert source_of(article).pk == article.pk


def test_a_segment_whose_translation_has_an_error_is_not_translated(article, spanish):
    from wagtail_localize.models import StringTranslation

    translation = start_translation(article, spanish)
    fill(translation)
    errored = StringTranslation.objects.filter(locale=spanish).first()
    errored.has_error = True
    errored.save(update_fields=["has_error"])

    state = state_of(article, spanish)
    assert state.status == TranslationStatus.IN_PROGRESS
    assert state.translated_segments == state.total_segments - 1


def test_a_translation_made_from_a_spanish_source_has_that_source_not_the_english_version(
    spanish, arabic, english
):
    english_person = PersonFactory(locale=english)
    spanish_person = english_person.copy_for_translation(spanish)
    spanish_person.save()  # written in Spanish, not translated through wagtail-localize
    start_translation(spanish_person, arabic)
    arabic_person = spanish_person.get_translation(arabic)

    assert source_of(arabic_person).pk == spanish_person.pk
    assert source_of(spanish_person).pk == spanish_person.pk  # a source itself


def test_without_a_translation_source_the_source_is_the_english_version_or_the_object_itself(
    spanish, english
):
    english_person = PersonFactory(locale=english)
    spanish_copy = english_person.copy_for_translation(spanish)
    spanish_copy.save()
    spanish_only = PersonFactory(locale=spanish)

    assert source_of(spanish_copy).pk == english_person.pk
    assert source_of(spanish_only).pk == spanish_only.pk
