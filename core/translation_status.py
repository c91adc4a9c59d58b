"""Translation status of pages and snippets, computed in one place for the admin and the API.

For each source object and each other content locale the status is one of:

- ``missing``: nothing exists in that locale yet (an alias page that mirrors the source does
  not count: readers would see the source's words);
- ``in_progress``: a wagtail-localize translation exists and some segments are untranslated;
- ``complete``: every segment is translated and the source has not changed since;
- ``outdated``: the source changed after the translation was last synced, so the translation
  may show old content until someone runs "Sync translated pages".

"Changed" means published after the last sync for pages (and other models with publishing
dates); for snippets without revisions, that their content differs from the synced copy.

Statuses for any number of objects of one model cost four queries (`translation_states`).
"""

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count, Exists, OuterRef, Q
from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.models import DraftStateMixin, Locale, Page, TranslatableMixin
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource


class TranslationStatus(StrEnum):
    MISSING = "missing"
    IN_PROGRESS = "in_progress"
    COMPLETE = "complete"
    OUTDATED = "outdated"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


@dataclass(frozen=True)
class TranslationState:
    locale: Locale
    status: TranslationStatus
    translated_segments: int | None = None
    total_segments: int | None = None
    # The translated object in that locale, when one exists, and whether readers can see it
    # (None for models that are not published, such as most snippets).
    target_id: int | None = None
    target_live: bool | None = None

    @property
    def percent(self) -> int | None:
        if not self.total_segments:
            return None
        return round(100 * (self.translated_segments or 0) / self.total_segments)


def translation_states(
    sources: Iterable[TranslatableMixin], locales: Iterable[Locale] | None = None
) -> dict[UUID, list[TranslationState]]:
    """The state of each source's translation into each other locale, by translation key.

    `sources` are objects in their source language (for pages, usually the English ones);
    `locales` defaults to every locale. Costs four queries per model (one more without
    `locales`), whatever the number of sources. Snippets without revisions are compared with
    their synced copy; a snippet with child objects (e.g. safety information) reads them, so
    prefetch them when passing many.
    """
    sources = list(sources)
    if not sources:
        return {}
    locales = list(locales) if locales is not None else list(Locale.objects.all())

    by_model: dict[type, list[TranslatableMixin]] = defaultdict(list)
    for source in sources:
        by_model[source.get_translation_model()].append(source)

    states: dict[UUID, list[TranslationState]] = {}
    for model, group in by_model.items():
        states.update(_states_for_model(model, group, locales))
    return states


def _states_for_model(model, sources, locales) -> dict[UUID, list[TranslationState]]:
    keys = [source.translation_key for source in sources]
    compare_content = not _has_change_dates(model)

    targets = model.objects.filter(translation_key__in=keys)
    if issubclass(model, Page):
        targets = targets.filter(alias_of__isnull=True)
    if issubclass(model, DraftStateMixin):
        rows = targets.values_list("translation_key", "locale_id", "pk", "live")
    else:
        rows = ((*row, None) for row in targets.values_list("translation_key", "locale_id", "pk"))
    existing = {(key, locale_id): (pk, live) for key, locale_id, pk, live in rows}

    source_fields = ["id", "object_id", "locale_id", "last_updated_at"]
    if compare_content:
        source_fields.append("content_json")
    localize_sources = {
        (source.object_id, source.locale_id): source
        for source in TranslationSource.objects.filter(object_id__in=keys).only(*source_fields)
    }
    translations = set(
        Translation.objects.filter(
            source__in=[source.pk for source in localize_sources.values()], enabled=True
        ).values_list("source_id", "target_locale_id")
    )
    progress = _segment_progress(localize_sources.values(), locales)

    states: dict[UUID, list[TranslationState]] = {}
    for source in sources:
        localize_source = localize_sources.get((source.translation_key, source.locale_id))
        changed = localize_source is not None and _changed_since_sync(
            source, localize_source, compare_content
        )
        states[source.translation_key] = [
            _state(source, locale, localize_source, translations, existing, progress, changed)
            for locale in locales
            if locale.pk != source.locale_id
        ]
    return states


def _state(
    source, locale, localize_source, translations, existing, progress, changed
) -> TranslationState:
    target_id, target_live = existing.get((source.translation_key, locale.pk), (None, None))
    if localize_source is None or (localize_source.pk, locale.pk) not in translations:
        if target_id is None:
            return TranslationState(locale, TranslationStatus.MISSING)
        # Translated outside wagtail-localize (by hand, or its synced translation was stopped):
        # nothing tracks its segments, so it counts as done.
        return TranslationState(
            locale, TranslationStatus.COMPLETE, target_id=target_id, target_live=target_live
        )

    total, translated = progress.get((localize_source.pk, locale.pk), (0, 0))
    if changed:
        status = TranslationStatus.OUTDATED
    elif translated < total:
        status = TranslationStatus.IN_PROGRESS
    else:
        status = TranslationStatus.COMPLETE
    return TranslationState(locale, status, translated, total, target_id, target_live)


def _has_change_dates(model) -> bool:
    """Whether the model records when it was published (pages and other draftable models)."""
    return issubclass(model, DraftStateMixin)


def _changed_at(instance: TranslatableMixin) -> datetime | None:
    """When readers last saw the source change: its last publish, or its last revision."""
    return getattr(instance, "last_published_at", None) or getattr(
        instance, "latest_revision_created_at", None
    )


def _changed_since_sync(instance, localize_source, compare_content: bool) -> bool:
    if compare_content:
        return _serialised(instance) != json.loads(localize_source.content_json)
    changed_at = _changed_at(instance)
    return bool(changed_at and changed_at > localize_source.last_updated_at)


def _serialised(instance) -> dict:
    """The instance as wagtail-localize stores it in TranslationSource.content_json."""
    if isinstance(instance, ClusterableModel):
        return json.loads(instance.to_json())
    return json.loads(json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder))


def _segment_progress(localize_sources, locales) -> dict[tuple[int, int], tuple[int, int]]:
    """(total, translated) string segments per (TranslationSource id, locale id), one query.

    Counts as wagtail-localize's own progress bar does: a translation with an error (e.g. one
    too long for its field) is not translated.
    """
    localize_sources = list(localize_sources)
    if not localize_sources:
        return {}

    def translated_into(locale: Locale) -> Exists:
        return Exists(
            StringTranslation.objects.filter(
                translation_of_id=OuterRef("string_id"),
                context_id=OuterRef("context_id"),
                locale_id=locale.pk,
                has_error=False,
            )
        )

    rows = (
        StringSegment.objects.filter(source__in=[source.pk for source in localize_sources])
        .values("source_id")
        .annotate(
            total=Count("pk"),
            **{
                f"locale_{locale.pk}": Count("pk", filter=Q(translated_into(locale)))
                for locale in locales
            },
        )
        .order_by()
    )
    return {
        (row["source_id"], locale.pk): (row["total"], row[f"locale_{locale.pk}"])
        for row in rows
        for locale in locales
    }


def source_of(instance: TranslatableMixin) -> TranslatableMixin:
    """The object translations of `instance` are made from.

    That is the wagtail-localize source this instance was translated from; else the instance
    itself when it is a source; else its version in the default locale (or the instance, when
    there is none).
    """
    rows = list(
        TranslationSource.objects.filter(object_id=instance.translation_key).values_list(
            "locale_id", "translations__target_locale_id"
        )
    )
    source_locale_id = next(
        (locale_id for locale_id, target_id in rows if target_id == instance.locale_id), None
    )
    if source_locale_id is None:
        if any(locale_id == instance.locale_id for locale_id, _ in rows):
            return instance
        source_locale_id = Locale.get_default().pk
    if instance.locale_id == source_locale_id:
        return instance
    return instance.get_translation_or_none(source_locale_id) or instance
