"""Content changes that readers must see at once, in one place for caching, CDNs and webhooks.

Wagtail's signals (publish, unpublish, move, delete, scheduled publishing and expiry, which send the
same signals) and saves of the snippets and settings that pages show become one `ContentChange`:
the affected pages with their front-end paths and locales, and the cache tags to invalidate. Pages
that show a changed object are found through Wagtail's reference index, so changing an author
revalidates every article that credits them.

`content_rendering` is sent at once, inside the editor's transaction: the snapshot pipeline
brings what readers get up to date, so it commits (or rolls back) with the change itself. Once
the transaction commits, `content_changed` tells the outside (the response cache, the CDN purge,
webhooks), so nobody is told to revalidate before there is something new to read. A failing
subscriber to `content_changed` never undoes an editor's publish.
"""

import copy
import logging
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import Signal
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, ReferenceIndex
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from core.paths import front_end_path

logger = logging.getLogger(__name__)

#: Sent with `change=ContentChange(...)` once the change is committed, before `content_changed`.
content_rendering = Signal()
#: Sent with `change=ContentChange(...)` once the change is committed and rendered.
content_changed = Signal()

#: Tags that cached API responses carry (see core.api.cache).
SAFETY_TAG = "safety"


def family_tag(translation_key) -> str:
    """Every locale of one page: a page's response shows its translations as alternates."""
    return f"family:{translation_key}"


def type_tag(model) -> str:
    """Listings and search results of one page type."""
    return f"type:{model._meta.label}"


@dataclass(frozen=True)
class AffectedPage:
    id: int
    locale: str
    path: str
    page_type: str


@dataclass(frozen=True)
class ContentChange:
    event: str
    pages: tuple[AffectedPage, ...] = ()
    tags: frozenset[str] = frozenset()
    #: The pages that changed themselves (published, withdrawn, moved, made private), as
    #: opposed to pages affected because they show them.
    subjects: tuple[int, ...] = ()
    #: The idempotency id that webhooks carry.
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    occurred_at: datetime = field(default_factory=timezone.now)

    @property
    def paths(self) -> list[str]:
        return sorted({page.path for page in self.pages if page.path})

    @property
    def locales(self) -> list[str]:
        return sorted({page.locale for page in self.pages})


def _affected(pages: Iterable[Page], paths: dict[int, str] | None = None) -> list[AffectedPage]:
    paths = paths or {}
    return [
        AffectedPage(
            id=page.pk,
            locale=page.locale.language_code,
            path=paths.get(page.pk) or front_end_path(page),
            page_type=page.specific_class._meta.label if page.specific_class else "",
        )
        for page in pages
    ]


def _tags(pages: Iterable[Page]) -> set[str]:
    tags: set[str] = set()
    for page in pages:
        tags.add(family_tag(page.translation_key))
        if page.specific_class is not None:
            tags.add(type_tag(page.specific_class))
    return tags


def pages_showing(objects: Iterable) -> list[Page]:
    """Pages whose content refers to any of `objects`, through Wagtail's reference index."""
    objects = [obj for obj in objects if obj is not None and obj.pk is not None]
    if not objects:
        return []
    page_type = ReferenceIndex._get_base_content_type(Page)
    page_ids = (
        ReferenceIndex.get_references_to_in_bulk(objects)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    return list(Page.objects.filter(pk__in=[int(pk) for pk in page_ids]).select_related("locale"))


def announce(change: ContentChange) -> None:
    """Send `content_rendering` now and `content_changed` once the surrounding transaction (if
    any) commits."""
    content_rendering.send(sender=ContentChange, change=change)
    transaction.on_commit(lambda: _tell_the_outside(change))


def announce_rendered(page_ids: Iterable[int]) -> None:
    """Tell the outside (cache, CDN, webhooks) that these pages were rendered again in the
    background, after the change that caused it was announced: what readers get of them changed
    only now, so whoever revalidated at the first announcement revalidates again."""
    pages = list(Page.objects.filter(pk__in=list(page_ids)).select_related("locale"))
    if not pages:
        return
    change = ContentChange(
        event="pages.rendered", pages=tuple(_affected(pages)), tags=frozenset(_tags(pages))
    )
    transaction.on_commit(lambda: _tell_the_outside(change))


def _tell_the_outside(change: ContentChange) -> None:
    for receiver, result in content_changed.send_robust(sender=ContentChange, change=change):
        if isinstance(result, Exception):
            logger.warning(
                "A subscriber to content changes failed: %s",
                getattr(receiver, "__qualname__", receiver),
                exc_info=result,
            )


def page_change(event: str, page: Page, paths: dict[int, str] | None = None) -> ContentChange:
    """A change to `page`: itself, the pages that link to it, and its translations' listings."""
    page = Page.objects.select_related("locale").filter(pk=page.pk).first() or page
    referencing = pages_showing([page])
    pages = [page, *(other for other in referencing if other.pk != page.pk)]
    return ContentChange(
        event=event,
        pages=tuple(_affected(pages, paths)),
        tags=frozenset(_tags(pages)),
        subjects=(page.pk,),
    )


def _on_published(sender, instance, **kwargs):
    announce(page_change("page.published", instance))


def _on_unpublished(sender, instance, **kwargs):
    announce(page_change("page.unpublished", instance))


def _on_moved(sender, instance, url_path_before, url_path_after, **kwargs):
    announce(subtree_change("page.moved", instance, url_path_before, url_path_after))


def _on_slug_changed(sender, instance, instance_before, **kwargs):
    """A new slug moves every page below too: announce their new paths and their old ones."""
    announce(subtree_change("page.moved", instance, instance_before.url_path, instance.url_path))


def _on_restriction_changed(sender, instance, **kwargs):
    """A view restriction set or lifted hides or shows the page and every page below it."""
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        announce(subtree_change("page.visibility_changed", page, page.url_path, page.url_path))


def subtree_change(
    event: str, instance: Page, url_path_before: str, url_path_after: str
) -> ContentChange:
    """A change to a page and every page below it, with their paths before and after."""
    moved = list(Page.objects.descendant_of(instance, inclusive=True).select_related("locale"))
    # Readers and CDNs may still hold the old paths: revalidate them as well as the new ones.
    before = [
        AffectedPage(
            id=page.pk,
            locale=page.locale.language_code,
            path=_path_at(page, url_path_before + page.url_path[len(url_path_after) :]),
            page_type=page.specific_class._meta.label if page.specific_class else "",
        )
        for page in moved
        if page.url_path.startswith(url_path_after)
    ]
    moved_ids = {page.pk for page in moved}
    pages = [*moved, *(page for page in pages_showing(moved) if page.pk not in moved_ids)]
    return ContentChange(
        event=event,
        pages=(*_affected(pages), *before),
        tags=frozenset(_tags(pages)),
        subjects=tuple(sorted(moved_ids)),
    )


def _path_at(page: Page, url_path: str) -> str:
    """The front-end path `page` had when its url_path was `url_path`."""
    former = copy.copy(page)
    former.url_path = url_path
    return front_end_path(former)


_pending_deletions: dict[int, ContentChange] = {}


def _before_page_delete(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.pk not in _pending_deletions:
        # Its snapshots go with the page; only the pages showing it render again.
        change = page_change("page.deleted", instance)
        _pending_deletions[instance.pk] = replace(change, subjects=())


def _after_page_delete(sender, instance, **kwargs):
    change = _pending_deletions.pop(instance.pk, None)
    if change is not None:
        announce(change)


def snippet_changed(sender, instance, **kwargs):
    """A snippet that pages show was saved or deleted: revalidate the pages that show it."""
    pages = pages_showing([instance])
    announce(
        ContentChange(
            event="snippet.changed",
            pages=tuple(_affected(pages)),
            tags=frozenset(_tags(pages)),
        )
    )


def pages_change(event: str, pages: Iterable[Page], tags: Iterable[str] = ()) -> ContentChange:
    """A change to what `pages` show, for objects the reference index does not know (e.g. a
    notice on a paper the pages cite); `tags` are the snapshot dependencies it touches."""
    pages = list(pages)
    return ContentChange(
        event=event, pages=tuple(_affected(pages)), tags=frozenset({*_tags(pages), *tags})
    )


def safety_changed(sender, instance, **kwargs):
    """Safety information shows beside every article and on the site endpoint."""
    announce(ContentChange(event="settings.changed", tags=frozenset({SAFETY_TAG})))


def connect_pages() -> None:
    """Announce changes to any page: publish (also scheduled), unpublish (also expiry), move,
    delete."""
    page_published.connect(_on_published, dispatch_uid="core.events.published")
    page_slug_changed.connect(_on_slug_changed, dispatch_uid="core.events.slug_changed")
    for signal in (post_save, post_delete):
        signal.connect(
            _on_restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"core.events.restriction.{signal is post_save}",
        )
    page_unpublished.connect(_on_unpublished, dispatch_uid="core.events.unpublished")
    post_page_move.connect(_on_moved, dispatch_uid="core.events.moved")
    pre_delete.connect(_before_page_delete, dispatch_uid="core.events.pre_delete")
    post_delete.connect(_after_page_delete, dispatch_uid="core.events.post_delete")


def watch_snippets(*models: type) -> None:
    """Announce saves and deletions of snippets that pages show (apps call this in ready())."""
    for model in models:
        for signal in (post_save, post_delete):
            signal.connect(
                snippet_changed, sender=model, dispatch_uid=f"snippet:{model._meta.label}"
            )


def watch_safety(*models: type) -> None:
    for model in models:
        for signal in (post_save, post_delete):
            uid = f"safety:{model._meta.label}"
            signal.connect(safety_changed, sender=model, dispatch_uid=uid)
