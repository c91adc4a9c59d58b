"""Translation status of pages and snippets, computed in one place for the admin and the API.

For each source object and each other content locale the status is one of:

- ``missing``: nothing exists in that locale yet;
- ``in_progress``: a wagtail-localize translation exists and some segments are untranslated;
- ``complete``: every segment is translated and the source has not changed since;
- ``outdated``: the source was published after the translation was last synced, so the
  translation may show old content until someone runs "Sync translated pages".

Statuses for any number of objects cost a fixed number of queries (`translation_states`).
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from uuid import UUID

from django.db.models import Count, Exists, OuterRef, Q
from wagtail.models import Locale, TranslatableMixin
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

    @property
    def percent(self) -> int | None:
        if not self.total_segments:
            return None
        return round(100 * (self.translated_segments or 0) / self.total_segments)


def _changed_at(instance: TranslatableMixin):
    """When readers last saw the source change: its last publish, or its last save."""
    return getattr(instance, "last_published_at", None) or getattr(
        instance, "latest_revision_created_at", None
    )


def translation_states(
    sources: Iterable[TranslatableMixin], locales: Iterable[Locale] | None = None
) -> dict[UUID, list[TranslationState]]:
    """The state of each source's translation into each other locale, by translation key.

    `sources` are objects in their source language (for pages, usually the English ones);
    `locales` defaults to every locale. Costs four queries whatever the number of sources.
    """
    sources = list(sources)
    if not sources:
        return {}
    locales = list(locales if locales is not None else Locale.objects.all())
    model = type(sources[0]).get_translation_model()
    keys = [source.translation_key for source in sources]

    existing = set(
        model.objects.filter(translation_key__in=keys).values_list("translation_key", "locale_id")
    )
    localize_sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(object_id__in=keys).only(
            "id", "object_id", "locale_id", "last_updated_at"
        )
    }
    translations = {
        (translation.source_id, translation.target_locale_id): translation
        for translation in Translation.objects.filter(
            source__in=localize_sources.values(), enabled=True
        ).only("id", "source_id", "target_locale_id")
    }
    progress = _segment_progress(localize_sources.values(), locales)

    states: dict[UUID, list[TranslationState]] = defaultdict(list)
    for source in sources:
        localize_source = localize_sources.get(source.translation_key)
        for locale in locales:
            if locale.pk == source.locale_id:
                continue
            translation = (
                translations.get((localize_source.pk, locale.pk)) if localize_source else None
            )
            states[source.translation_key].append(
                _state(source, locale, localize_source, translation, existing, progress)
            )
    return dict(states)


def _state(source, locale, localize_source, translation, existing, progress) -> TranslationState:
    if translation is None:
        if (source.translation_key, locale.pk) in existing:
            # Translated outside wagtail-localize (e.g. copied by hand): nothing to track.
            return TranslationState(locale, TranslationStatus.COMPLETE)
        return TranslationState(locale, TranslationStatus.MISSING)
    total, translated = progress.get((localize_source.pk, locale.pk), (0, 0))
    changed_at = _changed_at(source)
    if changed_at and changed_at > localize_source.last_updated_at:
        status = TranslationStatus.OUTDATED
    elif translated < total:
        status = TranslationStatus.IN_PROGRESS
    else:
        status = TranslationStatus.COMPLETE
    return TranslationState(locale, status, translated, total)


def _segment_progress(localize_sources, locales) -> dict[tuple[int, int], tuple[int, int]]:
    """(total, translated) string segments per (TranslationSource id, locale id), one query."""
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
        StringSegment.objects.filter(source__in=localize_sources)
        .values("source_id")
        .annotate(
            total=Count("pk"),
            **{
                f"locale_{locale.pk}": Count("pk", filter=Q(translated_into(locale)))
                for locale in locales
            },
        )
    )
    return {
        (row["source_id"], locale.pk): (row["total"], row[f"locale_{locale.pk}"])
        for row in rows
        for locale in locales
    }


def source_of(instance: TranslatableMixin) -> TranslatableMixin:
    """The object translations are made from: the localize source's locale, else the default."""
    localize_source = (
        TranslationSource.objects.filter(object_id=instance.translation_key)
        .select_related("locale")
        .first()
    )
    locale = localize_source.locale if localize_source else Locale.get_default()
    if instance.locale_id == locale.pk:
        return instance
    return instance.get_translation_or_none(locale) or instance
