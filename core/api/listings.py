"""Listings with locale fallback: one card per piece of content, in the best available locale,
paginated by django-ninja's limit/offset pagination.

Listings read publication snapshots (core.snapshots): the cards were rendered at publish, and
the columns and facets they filter by were stored with them, so a listing is one query to count
and one for the window of cards, whatever the number of pages, blocks or locales.
"""

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import Any

from django.db.models import Exists, OuterRef, QuerySet
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination
from wagtail.models import Page

from core.snapshots.models import PageSnapshot, SnapshotFacet


class ListingPagination(LimitOffsetPagination):
    """django-ninja's limit/offset pagination with the bounds every listing of this API has."""

    class Input(Schema):
        limit: int = Field(20, ge=1, le=50, description="How many items to return (1 to 50).")
        offset: int = Field(0, ge=0, le=100_000, description="How many items to skip.")


#: The query parameters of every listing (merged into each listing's filters).
PaginationParams = ListingPagination.Input


class Listing(Sequence):
    """The rows of a listing; slicing it builds the items of that window only."""

    def __init__(self, rows: list[dict], build: Callable[[list[dict]], list[Any]]):
        self.rows = rows
        self._build = build

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, window):
        if not isinstance(window, slice):
            return self._build([self.rows[window]])[0]
        return self._build(self.rows[window])


def paginate(listing: Listing, params: Schema, request=None) -> dict[str, Any]:
    """`{count, items}` for the window that `params` (with `limit` and `offset`) asks for."""
    pagination = ListingPagination.Input(limit=params.limit, offset=params.offset)
    return ListingPagination().paginate_queryset(listing, pagination, request)


def listed_snapshots(
    reader_locale: str, page_types: Iterable[type[Page]], facets: Iterable[str] = ()
) -> QuerySet:
    """What listings show readers of `reader_locale`: one servable snapshot per translation
    key, in the best locale of their chain, with each of `facets`. One query however it is
    ordered, counted or sliced: a snapshot is left out when a servable one of its family ranks
    better in the readers' chain (an anti-join on the family index, which, unlike a window
    function, lets the database stop at the window)."""
    candidates = PageSnapshot.objects.servable().filter(
        reader_locale=reader_locale,
        page_type__in=[model._meta.label for model in page_types],
        card__isnull=False,
    )
    for value in facets:
        candidates = candidates.filter(
            Exists(SnapshotFacet.objects.filter(snapshot=OuterRef("pk"), value=value))
        )
    better = candidates.filter(
        translation_key=OuterRef("translation_key"), fallback_rank__lt=OuterRef("fallback_rank")
    )
    return candidates.filter(~Exists(better))


#: What a listing reads of each snapshot in its window.
LISTING_ROW = ("pk", "card", "last_modified")


class SnapshotListing(Sequence):
    """Listed snapshots in order: counting is one query, a window of cards another."""

    def __init__(self, snapshots: QuerySet, build: Callable[[list[dict]], list[Any]]):
        self.snapshots = snapshots
        self._build = build

    def __len__(self) -> int:
        return self.snapshots.count()

    def __getitem__(self, window):
        rows = self.snapshots.values(*LISTING_ROW)
        if not isinstance(window, slice):
            return self._build([rows[window]])[0]
        return self._build(list(rows[window]))


def newest_modified(rows: Iterable[dict]) -> datetime | None:
    return max((row["last_modified"] for row in rows if row["last_modified"]), default=None)


def rows_in_order(snapshots: QuerySet, pks: list[int]) -> list[dict]:
    """The listing rows of these snapshots (one query), in the order given."""
    rows = {row["pk"]: row for row in snapshots.filter(pk__in=pks).values(*LISTING_ROW)}
    return [rows[pk] for pk in pks]
