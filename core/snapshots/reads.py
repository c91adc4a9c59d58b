"""The two reads of a page's stored body, as SQL written once: by route and by page id.

They run on every uncached page request, so they skip what the ORM would redo each time
(building and compiling the query) and fetch the body as the text it is stored as, which
`PageRenderer.serve` sends without decoding. Same rules as `PageSnapshot.objects.servable()`:
passed the gate, and the page's publication window open now.
"""

from dataclasses import dataclass, fields
from datetime import date, datetime
from functools import cache

from django.db import connection
from django.utils import timezone
from wagtail.models import Locale, Page

from core.snapshots.models import PageSnapshot
from core.snapshots.statements import prepared_read


@dataclass(frozen=True)
class StoredBody:
    """What a page request needs of a snapshot."""

    body_text: str
    page_type: str
    locale: str
    reader_locale: str
    path: str
    last_modified: datetime | None
    stale_from: date | None
    partly_translated: bool


_COLUMNS = tuple(field.name for field in fields(StoredBody))


@cache
def _sql() -> dict[str, str]:
    q = connection.ops.quote_name
    snapshot, page, locale = (q(model._meta.db_table) for model in (PageSnapshot, Page, Locale))
    select = (
        # StoredBody's fields in order, then the id the ORM's raw query needs.
        f"SELECT s.{q('body')} AS body_text, s.{q('page_type')}, s.{q('locale')}, "
        f"s.{q('reader_locale')}, s.{q('path')}, s.{q('last_modified')}, s.{q('stale_from')}, "
        f"s.{q('partly_translated')}, s.{q('id')} "
        f"FROM {snapshot} s INNER JOIN {page} p ON p.{q('id')} = s.{q('page_id')} "
        f"WHERE s.{q('withheld')} = '' "
        f"AND (p.{q('go_live_at')} IS NULL OR p.{q('go_live_at')} <= %s) "
        f"AND (p.{q('expire_at')} IS NULL OR p.{q('expire_at')} > %s) "
    )
    family = (
        f"AND s.{q('translation_key')} = "
        f"(SELECT {q('translation_key')} FROM {page} WHERE {q('id')} = %s) "
    )
    own_locale = (
        f"(SELECT l.{q('language_code')} FROM {page} p2 "
        f"INNER JOIN {locale} l ON l.{q('id')} = p2.{q('locale_id')} WHERE p2.{q('id')} = %s)"
    )
    by_rank = f"ORDER BY s.{q('fallback_rank')} LIMIT 1"
    return {
        "route": f"{select}AND s.{q('reader_locale')} = %s AND s.{q('path')} = %s LIMIT 1",
        "page": f"{select}{family}AND s.{q('reader_locale')} = %s {by_rank}",
        "page_own_locale": f"{select}{family}AND s.{q('reader_locale')} = {own_locale} {by_rank}",
    }


def _first(shape: str, params: list) -> StoredBody | None:
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    if connection.vendor != "postgresql":
        # Elsewhere (SQLite in development) the ORM converts the columns' values.
        for row in PageSnapshot.objects.raw(_sql()[shape], [now, now, *params]):
            return StoredBody(*(getattr(row, name) for name in _COLUMNS))
        return None
    rows = prepared_read(_sql()[shape], [now, now, *params])
    return StoredBody(*rows[0][: len(_COLUMNS)]) if rows else None


def body_at_route(reader_locale: str, path: str) -> StoredBody | None:
    """The body readers of `reader_locale` get at `path`, if any."""
    return _first("route", [reader_locale, path])


def body_of_page(page_id: int, reader_locale: str | None) -> StoredBody | None:
    """The body readers of `reader_locale` (default: the page's own) get for the page's family,
    in their language or the nearest fallback."""
    low, high = connection.ops.integer_field_range(Page._meta.pk.get_internal_type())
    if not low <= page_id <= high:
        return None  # no such id can exist (and the database would refuse the number)
    if reader_locale is None:
        return _first("page_own_locale", [page_id, page_id])
    return _first("page", [page_id, reader_locale])
