"""Render, withhold or withdraw a page's snapshots: the one way a page's content reaches readers.

`render_page` looks at the page as it is now: not live, or behind a view restriction (on it or
an ancestor), and its snapshots are withdrawn; live, and its live revision (never the page row,
which wagtail-localize and drafts may have changed) goes through the gate (core.rules), then is
rendered for the readers of each locale whose fallback chain reaches the page's locale. A page
the gate refuses keeps a snapshot without a body that says why, for editors.
"""

import logging
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone, translation
from wagtail.models import Page, PageViewRestriction

from core.api.blocks import ContentSerializer
from core.api.pages import page_renderer
from core.events import SAFETY_TAG, family_tag
from core.locales import content_language_codes, fallback_chain
from core.paths import front_end_path
from core.rules import gate_refusals
from core.snapshots.models import (
    ListingCount,
    PageSnapshot,
    SnapshotDependency,
    SnapshotFacet,
    as_json_text,
)
from core.visibility import restricted_paths

logger = logging.getLogger(__name__)


def reader_locales(locale_code: str) -> list[tuple[str, int]]:
    """(readers' locale, position of `locale_code` in their chain) for every content language
    whose readers may get a page in `locale_code`."""
    return [
        (reader, chain.index(locale_code))
        for reader in content_language_codes()
        if locale_code in (chain := fallback_chain(reader))
    ]


def is_restricted(page: Page) -> bool:
    """Whether a view restriction on the page or an ancestor hides it from readers."""
    ancestors = [page.path[: depth * Page.steplen] for depth in range(1, page.depth + 1)]
    return PageViewRestriction.objects.filter(page__path__in=ancestors).exists()


def live_object(page: Page) -> Page:
    """The page as its live revision has it, with the publication facts of the page itself.

    A page made live without a revision (by a migration, say) is its own live version."""
    if page.live_revision is None:
        return page.specific
    live = page.live_revision.as_object()
    for name in ("first_published_at", "last_published_at", "go_live_at", "expire_at"):
        setattr(live, name, getattr(page, name))
    return live


def render_page(page_id: int) -> None:
    """Bring the snapshots of one page up to date with the page as it is now."""
    page = Page.objects.filter(pk=page_id).select_related("locale", "live_revision").first()
    if page is None:
        return  # deleted: its snapshots went with it
    if not page.live or is_restricted(page):
        withdraw([page.pk])
        return
    page = page.specific_deferred
    live = live_object(page)
    refusals = gate_refusals(page, live)
    renderer = page_renderer()
    if type(live) not in renderer.page_types:
        withdraw([page.pk])
        return
    # What the gate's verdict may change with besides the page: its translations (a source
    # published or withdrawn) and the safety information (crisis lines).
    gate_tags = {family_tag(page.translation_key), SAFETY_TAG}
    restricted = restricted_paths()
    readers = reader_locales(page.locale.language_code)
    for reader, rank in readers:
        fields = {
            "fallback_rank": rank,
            "revision_id": page.live_revision_id,
            "translation_key": page.translation_key,
            "locale": page.locale.language_code,
            "page_type": live._meta.label,
            "path": front_end_path(live),
            "rendered_at": timezone.now(),
        }
        if refusals:
            fields.update(
                card=None,
                description="",
                latitude=None,
                longitude=None,
                stale_from=None,
                partly_translated=False,
            )
            _store(page, reader, fields, withheld=" ".join(refusals), body=None, tags=gate_tags)
            continue
        serializer = ContentSerializer(None, fallback_chain(reader), restricted)
        serializer.context["revision"] = page.live_revision
        # The words the API adds (section titles, notes) in the page's language, whoever
        # published it and whatever language their admin is in.
        with translation.override(live.locale.language_code):
            rendering = renderer.render(live, serializer)
        latitude, longitude = rendering.location or (None, None)
        fields.update(
            last_modified=rendering.last_modified,
            stale_from=rendering.stale_from,
            partly_translated=bool((rendering.body.get("translation") or {}).get("untranslated")),
            card=None if rendering.card is None else as_json_text(rendering.card),
            title=live.title,
            description=rendering.body["seo"]["description"],
            first_published_at=page.first_published_at,
            latitude=latitude,
            longitude=longitude,
        )
        _store(
            page,
            reader,
            fields,
            withheld="",
            body=as_json_text(rendering.body),
            tags=rendering.tags,
            facets=rendering.facets,
        )
    # Locales whose readers no longer reach the page (a changed fallback configuration).
    PageSnapshot.objects.filter(page=page).exclude(
        reader_locale__in=[reader for reader, _rank in readers]
    ).delete()
    relist([page.translation_key])


@transaction.atomic
def _store(page: Page, reader: str, fields: dict, *, withheld: str, body, tags, facets=()) -> None:
    existing = (
        PageSnapshot.objects.select_for_update()
        .filter(page=page, reader_locale=reader)
        .only("pk", "revision_id")
        .first()
    )
    if existing and existing.revision_id and existing.revision_id > fields["revision_id"]:
        return  # a newer revision was rendered meanwhile: never go back
    snapshot, _created = PageSnapshot.objects.update_or_create(
        page=page,
        reader_locale=reader,
        defaults={**fields, "withheld": withheld, "body": body},
    )
    snapshot.depends_on.all().delete()
    SnapshotDependency.objects.bulk_create(
        SnapshotDependency(snapshot=snapshot, tag=tag) for tag in sorted(tags)
    )
    snapshot.facets.all().delete()
    SnapshotFacet.objects.bulk_create(
        SnapshotFacet(snapshot=snapshot, value=value) for value in sorted(facets)
    )


def withdraw(page_ids: Iterable[int]) -> int:
    """Readers stop getting these pages at once (and their families' other cards are listed
    in their place)."""
    snapshots = PageSnapshot.objects.filter(page_id__in=list(page_ids))
    families = set(snapshots.values_list("translation_key", flat=True))
    deleted, _by_model = snapshots.delete()
    relist(families)
    return deleted


def relist(translation_keys: Iterable) -> None:
    """Mark the cards of these families that listings never show (`PageSnapshot.outranked`):
    one UPDATE, after every change to the family's snapshots."""
    keys = list(set(translation_keys))
    if keys:
        PageSnapshot.objects.filter(translation_key__in=keys).update(outranked=always_outranked())
        ListingCount.objects.all().delete()


def always_outranked() -> Exists:
    """Whether a snapshot of the same family ranks better in the readers' chain and is always
    served: passed the gate, listed, no go-live or expiry date to close its window."""
    return Exists(
        PageSnapshot.objects.filter(
            translation_key=OuterRef("translation_key"),
            reader_locale=OuterRef("reader_locale"),
            fallback_rank__lt=OuterRef("fallback_rank"),
            withheld="",
            card__isnull=False,
            page__go_live_at__isnull=True,
            page__expire_at__isnull=True,
        )
    )


def dependent_page_ids(tags: Iterable[str], exclude: Iterable[int] = ()) -> list[int]:
    """Pages whose snapshots show any of `tags` (core.events tags)."""
    return sorted(
        set(
            SnapshotDependency.objects.filter(tag__in=list(tags))
            .exclude(snapshot__page_id__in=list(exclude))
            .values_list("snapshot__page_id", flat=True)
        )
    )
