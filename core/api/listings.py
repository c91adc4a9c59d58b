"""Listings with locale fallback: one card per piece of content, in the best available locale,
paginated by django-ninja's limit/offset pagination.

Listings read publication snapshots (core.snapshots): the cards were rendered at publish, and
the columns and facets they filter by were stored with them, so a listing is one query for the
window of cards and one to count (none when the window is the whole listing), whatever the
number of pages, blocks or locales.

The cards were validated against their schema when they were rendered (`PageType.card_schema`),
so a listing is served as the text they are stored as (`stored_cards`, `listing_response`):
nothing is decoded, validated or encoded again per request. The operation still declares its
response schema (OpenAPI), and tests validate served listings against it.
"""

import json
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from typing import Any, NamedTuple

from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpResponse
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination
from wagtail.models import Page

from core.api.http import set_last_modified
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


def newest_modified(rows: Iterable[dict]) -> datetime | None:
    return max((row["last_modified"] for row in rows if row["last_modified"]), default=None)


class StoredCard(NamedTuple):
    """What a served listing reads of each snapshot in its window."""

    pk: int
    #: The card as the JSON text it is stored as.
    text: str
    last_modified: datetime | None
    #: From this day the card's date-dependent fields (review status) need refreshing.
    stale_from: date | None


def stored_cards(snapshots: QuerySet) -> QuerySet:
    """`StoredCard` rows of `snapshots`, the card as its stored text (not decoded)."""
    return snapshots.values_list("pk", "card", "last_modified", "stale_from")


def card_window(snapshots: QuerySet, params: Schema) -> tuple[list[StoredCard], int]:
    """The window of cards `params` (`limit`, `offset`) asks for, and how many there are in all:
    one query, or two when the window does not show that it holds them all."""
    offset, limit = params.offset, params.limit
    window = [StoredCard(*row) for row in stored_cards(snapshots)[offset : offset + limit]]
    if offset == 0 and len(window) < limit:
        return window, len(window)
    return window, snapshots.count()


def cards_in_order(snapshots: QuerySet, pks: list[int]) -> list[StoredCard]:
    """The stored cards of these snapshots (one query), in the order given."""
    rows = {row[0]: StoredCard(*row) for row in stored_cards(snapshots.filter(pk__in=pks))}
    return [rows[pk] for pk in pks]


#: What django-ninja's JSON renderer answers with (`NinjaAPI.get_content_type`).
JSON_CONTENT_TYPE = "application/json; charset=utf-8"


def listing_response(
    count: int,
    cards: Iterable[str],
    *,
    last_modified: datetime | None,
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    """`{"count": ..., "items": [...], **extra}` from cards that are JSON text already."""
    items = ", ".join(cards)
    more = "".join(
        f", {json.dumps(key)}: {json.dumps(value)}" for key, value in (extra or {}).items()
    )
    response = HttpResponse(
        f'{{"count": {int(count)}, "items": [{items}]{more}}}', content_type=JSON_CONTENT_TYPE
    )
    set_last_modified(response, last_modified)
    return response


def with_field(card_text: str, name: str, value: Any) -> str:
    """A card's JSON text with one more field (one the stored card does not have)."""
    return f"{card_text.rstrip()[:-1]}, {json.dumps(name)}: {json.dumps(value)}}}"


def newest(moments: Iterable[datetime | None]) -> datetime | None:
    return max((moment for moment in moments if moment is not None), default=None)
