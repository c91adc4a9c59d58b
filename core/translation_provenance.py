"""Where each part of a translated page came from: translated or still in the source language,
by a machine or a person, and whether a person reviewed the machine's work.

Read from wagtail-localize's segments and string translations, for a revision of the page: a
string translated after the revision was saved is not in it. The publication gate
(editorial/publishing.py) and the API (core/api/pages.py) both ask `provenance`.
"""

import re
from dataclasses import dataclass, field
from datetime import datetime

from wagtail.models import Page, Revision
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from core.locales import text_direction
from core.translation_records import PartialTranslationDecision, TranslationReview

BLOCK_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


@dataclass(frozen=True)
class Provenance:
    """One translated page (as of one revision) against its wagtail-localize source."""

    translation: Translation
    source_language: str
    language: str
    total_segments: int
    #: Segments still in the source language, as their context paths (e.g. "story.<id>.text").
    untranslated_paths: tuple[str, ...]
    machine_segments: int
    reviewed_machine_segments: int
    human_segments: int
    review: TranslationReview | None
    decision: PartialTranslationDecision | None
    source_revision_id: int | None
    #: The source page and its live revision now: a translation made from another revision is
    #: behind what readers of the source get (and what the medical reviewer approved).
    source_page_id: int | None = None
    source_live_revision_id: int | None = None
    #: Who translated it: machine translators by tool name, then people by full name.
    translators: tuple[str, ...] = field(default=())
    person_translators: frozenset[str] = frozenset()

    @property
    def translated_segments(self) -> int:
        return self.total_segments - len(self.untranslated_paths)

    @property
    def unreviewed_machine_segments(self) -> int:
        return self.machine_segments - self.reviewed_machine_segments

    @property
    def untranslated(self) -> set[str]:
        """The stream blocks (their ids, at every depth) and fields not yet translated."""
        units = set()
        for path in self.untranslated_paths:
            parts = path.split(".")
            ids = [part for part in parts if BLOCK_ID.match(part)]
            units.update(ids or parts[:1])
        return units

    @property
    def untranslated_fields(self) -> set[str]:
        """The fields with untranslated segments (e.g. "story", "summary")."""
        return {path.split(".")[0] for path in self.untranslated_paths}

    @property
    def accepted_untranslated(self) -> bool:
        """Whether an editor chose to publish this revision with what is untranslated."""
        return self.decision is not None and self.untranslated <= set(self.decision.untranslated)

    @property
    def behind_source(self) -> bool:
        return self.source_revision_id != self.source_live_revision_id

    @property
    def source_direction(self) -> str:
        return text_direction(self.source_language)


def translation_of(page: Page) -> Translation | None:
    """The wagtail-localize translation that made `page`, if any."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source__locale")
        .first()
    )


def provenance(page: Page, revision: Revision | None = None) -> Provenance | None:
    """The provenance of `revision` of the translated `page`, or without it of the strings as
    they stand now (what publishing from wagtail-localize's editor would save, with the
    decision recorded on the latest revision); None when wagtail-localize did not make the
    page. Seven queries."""
    translation = translation_of(page)
    if translation is None:
        return None
    made_at: datetime | None = revision.created_at if revision else None
    revision = revision or page.latest_revision
    segments = list(
        StringSegment.objects.filter(source=translation.source).values_list(
            "string_id", "context_id", "context__path"
        )
    )
    strings = {
        (row.translation_of_id, row.context_id): row
        for row in StringTranslation.objects.filter(
            locale_id=page.locale_id,
            context__object_id=page.translation_key,
            has_error=False,
        ).select_related("last_translated_by")
    }
    review = TranslationReview.objects.filter(page=page).select_related("reviewer").first()
    untranslated, machine, reviewed, human, tools, people = [], 0, 0, 0, set(), set()
    for string_id, context_id, path in segments:
        string = strings.get((string_id, context_id))
        if string is None or (made_at is not None and string.created_at > made_at):
            untranslated.append(path)
            continue
        if string.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE:
            machine += 1
            if review is not None and string.updated_at <= review.reviewed_at:
                reviewed += 1
            if string.tool_name:
                tools.add(string.tool_name)
        else:
            human += 1
            if string.last_translated_by and (name := string.last_translated_by.get_full_name()):
                people.add(name)
    decision = (
        PartialTranslationDecision.objects.filter(revision=revision).first() if revision else None
    )
    return Provenance(
        translation=translation,
        source_language=translation.source.locale.language_code,
        language=page.locale.language_code,
        total_segments=len(segments),
        untranslated_paths=tuple(sorted(untranslated)),
        machine_segments=machine,
        reviewed_machine_segments=reviewed,
        human_segments=human,
        review=review,
        decision=decision,
        **_source_revisions(translation),
        translators=(*sorted(tools), *sorted(people - tools)),
        person_translators=frozenset(people),
    )


def _source_revisions(translation: Translation) -> dict[str, int | None]:
    """The source page, its live revision, and the revision the translation was last synced
    from (the newest one saved by then)."""
    source = translation.source
    page_id, live_revision_id = (
        Page.objects.filter(translation_key=source.object_id, locale_id=source.locale_id)
        .values_list("pk", "live_revision_id")
        .first()
    ) or (None, None)
    synced_from = (
        Revision.page_revisions.filter(
            object_id=str(page_id), created_at__lte=source.last_updated_at
        )
        .order_by("-created_at", "-pk")
        .values_list("pk", flat=True)
        .first()
        if page_id
        else None
    )
    return {
        "source_revision_id": synced_from,
        "source_page_id": page_id,
        "source_live_revision_id": live_revision_id,
    }
