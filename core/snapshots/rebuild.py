"""Bringing many snapshots up to date at once: after a migration, a deploy or a repair."""

from collections.abc import Callable, Iterable

from django.db.models import Exists, F, OuterRef, Q, QuerySet
from wagtail.models import Page

from core.api.cache import invalidate
from core.api.pages import page_renderer
from core.events import family_tag, type_tag
from core.snapshots.models import PageSnapshot
from core.snapshots.pipeline import always_outranked, render_page


def live_pages_without_snapshots() -> QuerySet:
    """Live pages of the types readers get (core.api.pages) that have no snapshot."""
    models = list(page_renderer().page_types)
    return (
        Page.objects.live()
        .type(*models)
        .filter(~Exists(PageSnapshot.objects.filter(page=OuterRef("pk"))))
    )


def snapshots_without_cards() -> QuerySet:
    """Snapshots of listed page types rendered before their cards were stored."""
    listed = [
        model._meta.label
        for model, page_type in page_renderer().page_types.items()
        if page_type.build_card is not None
    ]
    return PageSnapshot.objects.filter(withheld="", card__isnull=True, page_type__in=listed)


def mislisted_snapshots() -> QuerySet:
    """Snapshots whose `outranked` mark disagrees with their family: listings would hide a card
    readers should see, or show a family twice. Rendering the page marks its family again."""
    return PageSnapshot.objects.filter(
        (Q(outranked=True) & ~always_outranked()) | (Q(outranked=False) & always_outranked())
    )


def stale_snapshots() -> QuerySet:
    """Snapshots of pages no longer live, rendered from another revision than the live one, or
    lacking or mismarking what listings read."""
    newer_live_revision = Q(page__live_revision__isnull=False) & (
        Q(revision__isnull=True) | ~Q(revision_id=F("page__live_revision_id"))
    )
    return PageSnapshot.objects.filter(
        Q(page__live=False)
        | newer_live_revision
        | Q(pk__in=snapshots_without_cards())
        | Q(pk__in=mislisted_snapshots())
    )


def rebuild(page_ids: Iterable[int], progress: Callable[[int], None] | None = None) -> int:
    """Render every page in `page_ids`; returns how many."""
    count = 0
    rendered = set()
    for count, page_id in enumerate(page_ids, 1):
        page = Page.objects.filter(pk=page_id).only("translation_key", "content_type").first()
        render_page(page_id)
        if page is not None:
            rendered.update({family_tag(page.translation_key), type_tag(page.specific_class)})
        if progress:
            progress(count)
    # Cached responses that show these pages are rebuilt; front ends are not told (a rebuild
    # repairs snapshots, it does not change what editors published).
    invalidate(rendered)
    return count


def render_missing(**kwargs) -> None:
    """post_migrate: live pages that have never been rendered (e.g. made by a migration), were
    rendered before listings read their cards, or whose snapshots are stale (a migration that
    changes what bodies contain marks them so by clearing their revision), get their
    snapshots, shallowest first so that breadcrumbs find their ancestors. Snapshots are
    replaced in place: readers keep being served meanwhile."""
    without_cards = snapshots_without_cards().values("page_id")
    stale = stale_snapshots().filter(page__live=True).values("page_id")
    pages = (
        live_pages_without_snapshots()
        | Page.objects.filter(pk__in=without_cards)
        | Page.objects.filter(pk__in=stale)
    )
    rebuild(list(pages.order_by("path").values_list("pk", flat=True)))
