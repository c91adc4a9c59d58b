"""Listings with locale fallback: one card per piece of content, in the best available locale."""

from collections.abc import Sequence

from django.db.models import F
from wagtail.query import PageQuerySet


def best_locale_ids(
    queryset: PageQuerySet, chain: Sequence[str], extra_fields: Sequence[str] = ()
) -> list[dict]:
    """Rows (id, translation_key, locale, and `extra_fields`) of `queryset`, keeping for each
    translation key only the page in the earliest locale of `chain`, in the queryset's order.

    One query, reading only a few columns, so that counting and paging stay cheap.
    """
    rows = queryset.filter(locale__language_code__in=chain).values(
        "id", "translation_key", *extra_fields, locale_code=F("locale__language_code")
    )
    rank = {code: index for index, code in enumerate(chain)}
    best: dict = {}
    order: list = []
    for row in rows:
        key = row["translation_key"]
        if key not in best:
            order.append(key)
            best[key] = row
        elif rank[row["locale_code"]] < rank[best[key]["locale_code"]]:
            best[key] = row
    return [best[key] for key in order]
