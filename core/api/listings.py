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

import functools
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any, NamedTuple

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Exists, OuterRef, QuerySet, Subquery
from django.http import HttpResponse
from django.utils import timezone
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination
from wagtail.models import Page

from core.api.http import set_last_modified
from core.snapshots.models import ListingCount, PageSnapshot, SnapshotFacet
from core.snapshots.statements import prepared_read


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
    reader_locale: str,
    page_types: Iterable[type[Page]],
    facets: Iterable[str] = (),
    now: datetime | None = None,
) -> QuerySet:
    """What listings show readers of `reader_locale`: one servable snapshot per translation
    key, in the best locale of their chain, with each of `facets`. One query however it is
    ordered, counted or sliced: a snapshot is left out when a servable one of its family ranks
    better in the readers' chain. Cards outranked by an always-served one are marked when
    rendered (`PageSnapshot.outranked`), so the window is an index scan over about one card per
    family that stops at its last card; the rest are compared here (an anti-join)."""
    candidates = PageSnapshot.objects.servable(now).filter(
        reader_locale=reader_locale,
        page_type__in=[model._meta.label for model in page_types],
        card__isnull=False,
        # Most families' other locales are marked already; what remains is compared below.
        outranked=False,
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
    return snapshots.values_list("id", "card", "last_modified", "stale_from")


#: How long a stored listing count may be used (it is deleted at once when a snapshot changes;
#: this bounds how late it notices a go-live or expiry date passing).
LISTING_COUNT_SECONDS = 60


def listing_key(reader_locale: str, page_types: Iterable[type[Page]], facets: Iterable[str]) -> str:
    """What identifies a listing's count (`ListingCount.key`)."""
    labels = sorted(model._meta.label for model in page_types)
    text = "\n".join([reader_locale, ",".join(labels), *sorted(facets)])
    return hashlib.sha256(text.encode()).hexdigest()


class Listed(NamedTuple):
    """A listing without a search: one card per family, in its readers' best locale."""

    reader_locale: str
    page_types: tuple[type[Page], ...]
    facets: tuple[str, ...]
    #: What it is ordered by, as `QuerySet.order_by` takes it.
    order: tuple[str, ...]

    def snapshots(self, now: datetime | None = None) -> QuerySet:
        return listed_snapshots(self.reader_locale, self.page_types, self.facets, now).order_by(
            *self.order
        )

    @property
    def count_key(self) -> str:
        return listing_key(self.reader_locale, self.page_types, self.facets)


def listed_window(listed: Listed, params: Schema) -> tuple[list[StoredCard], int]:
    """`card_window` for a listing without a search, by SQL the ORM wrote once per shape of
    listing (`ListingStatements`): building and compiling the queryset cost more per request
    than PostgreSQL's work. One query when its count is stored, else three (`card_window`)."""
    now = timezone.now()
    statements = listing_statements(listed.page_types, len(listed.facets), listed.order)
    values = {
        _LOCALE: listed.reader_locale,
        _NOW: connection.ops.adapt_datetimefield_value(now),
        _KEY: listed.count_key,
        **{_facet(index): value for index, value in enumerate(listed.facets)},
    }
    fetched = statements.window(values, params.limit, params.offset)
    window = [StoredCard(*row[:4]) for row in fetched]
    if params.offset == 0 and len(window) < params.limit:
        return window, len(window)
    if fetched and fetched[0][4] is not None:
        return window, fetched[0][4]
    count = statements.count(values)
    store_count(listed.count_key, count, now + timedelta(seconds=LISTING_COUNT_SECONDS))
    return window, count


#: Stand-ins for the values a listing is asked with, while the ORM writes its SQL; each is
#: found among the compiled parameters and replaced by the value of the request.
_LOCALE = "\x1freader-locale"
_KEY = "\x1fcount-key"
_NOW = "\x1fnow"
_NOW_STAND_IN = datetime(1901, 2, 3, 4, 5, 6, 789, tzinfo=UTC)


def _facet(index: int) -> str:
    return f"\x1ffacet-{index}"


class _Statement(NamedTuple):
    sql: str
    #: The stand-ins' names, in the order of the SQL's parameters.
    params: tuple[str, ...]

    @classmethod
    def of(cls, queryset: QuerySet, stand_ins: dict, suffix: str = "", wrap: str = "%s"):
        """The queryset's SQL with its constants written into the text and its stand-ins left
        as parameters. PostgreSQL plans a prepared statement once for any values of its
        parameters, so a constant left as one (`withheld = ''`) would keep it from the partial
        indexes that hold only such rows: 20 ms instead of 2 on 500 articles."""
        sql, compiled = queryset.query.sql_with_params()
        values = iter(compiled)
        pieces, names = [], []
        for piece in _PLACEHOLDERS.split(sql):
            if piece != "%s":
                pieces.append(piece)
                continue
            value = next(values)
            name = stand_ins.get(value)
            if name is None:
                pieces.append(_literal(value))
            else:
                pieces.append("%s")
                names.append(name)
        missing = set(stand_ins.values()) - set(names)
        if missing:  # the ORM wrote a value in the SQL's text or changed it: no reuse is safe
            raise RuntimeError(f"The listing's SQL does not take {sorted(missing)} as parameters.")
        return cls(wrap % "".join(pieces) + suffix, tuple(names))

    def bind(self, values: dict, *extra) -> list:
        return [*(values[name] for name in self.params), *extra]


_PLACEHOLDERS = re.compile(r"(%%|%s)")


def _literal(value) -> str:
    """A constant of the ORM's SQL (a page type, `''`, a flag) as SQL text."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return "'" + value.replace("'", "''").replace("%", "%%") + "'"
    raise TypeError(f"No SQL literal for the listing's constant {value!r}.")


class ListingStatements(NamedTuple):
    """A shape of listing's window and count statements."""

    window_statement: _Statement
    count_statement: _Statement

    def window(self, values: dict, limit: int, offset: int) -> list[tuple]:
        params = self.window_statement.bind(values, limit, offset)
        if connection.vendor == "postgresql":
            return prepared_read(self.window_statement.sql, params)
        # Elsewhere (SQLite in development) the ORM converts the columns' values.
        return [
            (row.pk, row.card, row.last_modified, row.stale_from, row.stored_count)
            for row in PageSnapshot.objects.raw(self.window_statement.sql, params)
        ]

    def count(self, values: dict) -> int:
        params = self.count_statement.bind(values)
        if connection.vendor == "postgresql":
            return prepared_read(self.count_statement.sql, params)[0][0]
        with connection.cursor() as cursor:
            cursor.execute(self.count_statement.sql, params)
            return cursor.fetchone()[0]


@functools.cache
def listing_statements(
    page_types: tuple[type[Page], ...], facets: int, order: tuple[str, ...]
) -> ListingStatements:
    """The SQL of a listing of this shape, written by the ORM once per process."""
    listed = Listed(_LOCALE, page_types, tuple(_facet(index) for index in range(facets)), order)
    stand_ins = {
        _LOCALE: _LOCALE,
        connection.ops.adapt_datetimefield_value(_NOW_STAND_IN): _NOW,
        **{name: name for name in listed.facets},
    }
    snapshots = listed.snapshots(now=_NOW_STAND_IN)
    stored = ListingCount.objects.filter(key=_KEY, valid_until__gt=_NOW_STAND_IN)
    rows = stored_cards(snapshots).annotate(stored_count=Subquery(stored.values("count")[:1]))
    return ListingStatements(
        _Statement.of(rows, {**stand_ins, _KEY: _KEY}, suffix=" LIMIT %s OFFSET %s"),
        _Statement.of(
            snapshots.order_by().values("pk"), stand_ins, wrap="SELECT COUNT(*) FROM (%s) listed"
        ),
    )


def card_window(snapshots: QuerySet, params: Schema) -> tuple[list[StoredCard], int]:
    """The window of cards `params` (`limit`, `offset`) asks for, and how many there are in all:
    one query when the window shows that it holds them all, else two. For listings whose
    queryset changes per request (a search's matches); others use `listed_window`."""
    offset, limit = params.offset, params.limit
    window = [
        StoredCard(*row) for row in prepared_rows(stored_cards(snapshots)[offset : offset + limit])
    ]
    if offset == 0 and len(window) < limit:
        return window, len(window)
    return window, prepared_count(snapshots)


def prepared_rows(queryset: QuerySet) -> list[tuple]:
    """The rows of a `values_list` queryset, read by a statement PostgreSQL prepares once per
    connection (core.snapshots.statements): planning a listing's query cost PostgreSQL several
    times what running it does. Elsewhere, the queryset's own rows."""
    if connection.vendor != "postgresql":
        return [tuple(row) for row in queryset]
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:  # e.g. filtered by an empty list of matches: nothing to ask
        return []
    return prepared_read(sql, params)


def prepared_count(queryset: QuerySet) -> int:
    """How many rows `queryset` has, counted as `prepared_rows` reads."""
    if connection.vendor != "postgresql":
        return queryset.count()
    try:
        sql, params = queryset.order_by().values("pk").query.sql_with_params()
    except EmptyResultSet:
        return 0
    counted = f"SELECT COUNT(*) FROM ({sql}) listed"  # noqa: S608 (the ORM's SQL)
    return prepared_read(counted, params)[0][0]


def store_count(key: str, count: int, valid_until: datetime) -> None:
    """Store a listing's count: one statement (an upsert, as `bulk_create(update_conflicts=True)`
    would write, without the transaction it opens around it)."""
    q = connection.ops.quote_name
    key_, count_, until = q("key"), q("count"), q("valid_until")
    upsert = (
        f"INSERT INTO {q(ListingCount._meta.db_table)} ({key_}, {count_}, {until}) "  # noqa: S608
        f"VALUES (%s, %s, %s) ON CONFLICT ({key_}) DO UPDATE SET "
        f"{count_} = EXCLUDED.{count_}, {until} = EXCLUDED.{until}"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            upsert,
            [key, count, connection.ops.adapt_datetimefield_value(valid_until)],
        )


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
