"""Search across the page types readers look for, through Wagtail's search backend."""

import re
from collections.abc import Sequence

from django.http import HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field
from wagtail.models import Locale, Page

from core.api.cache import tag
from core.api.links import LocaleSchema
from core.api.listings import Listing, PaginationParams, listed_snapshots, paginate
from core.api.params import LocaleParams, locale_chain_or_400, reject_unknown_params
from core.api.problems import PROBLEM_RESPONSES
from core.events import type_tag


def search_terms(text: str) -> str:
    """Words only: punctuation means query syntax to some search backends (an unmatched quote
    breaks SQLite's full-text search), and readers type it by accident."""
    return " ".join(re.findall(r"\w+(?:['\u2019-]\w+)*", text))


class SearchResult(Schema):
    id: int
    title: str
    page_type: str
    path: str
    locale: LocaleSchema
    description: str


class SearchResults(Schema):
    count: int
    items: list[SearchResult]


class SearchParams(LocaleParams, PaginationParams):
    q: str = Field(..., min_length=1, max_length=200, description="Words to search for.")


def build_search_router(models: Sequence[type[Page]]) -> Router:
    router = Router(tags=["search"])

    @router.get(
        "",
        response={200: SearchResults, **PROBLEM_RESPONSES},
        summary="Pages matching a query, best match first, in the reader's locale",
        operation_id="search",
    )
    @reject_unknown_params
    def search(request: HttpRequest, params: Query[SearchParams]):
        chain = locale_chain_or_400(params.locale)
        tag(request, *(type_tag(model) for model in models))
        terms = search_terms(params.q)
        if not terms:
            return {"count": 0, "items": []}
        locale_ids = Locale.objects.filter(language_code__in=chain).values_list("pk", flat=True)
        hits = (
            Page.objects.type(*models)
            .filter(locale_id__in=list(locale_ids), live=True)
            .search(terms, operator="and")[:500]
        )
        rank = {page.pk: position for position, page in enumerate(hits)}
        # What readers may get of the matches, each in its best locale (one query).
        results = (
            listed_snapshots(chain[0], models)
            .filter(page_id__in=list(rank))
            .values("page_id", "title", "page_type", "path", "locale", "description")
        )
        rows = sorted(results, key=lambda row: rank[row["page_id"]])
        return paginate(Listing(rows, lambda window: [_result(row) for row in window]), params)

    return router


def _result(row: dict) -> dict:
    return {
        "id": row["page_id"],
        "title": row["title"],
        "page_type": row["page_type"],
        "path": row["path"],
        "locale": LocaleSchema.of(row["locale"]),
        "description": row["description"],
    }
