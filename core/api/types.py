"""Small types every response shares, so that one concept has one shape in the contract."""

from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from pydantic import GetJsonSchemaHandler, PlainSerializer, WithJsonSchema
from pydantic_core import core_schema

Direction = Literal["ltr", "rtl"]


def utc_timestamp(moment: datetime | None) -> str | None:
    """One timestamp format everywhere: ISO 8601 in UTC with its offset, to the second
    (2026-12-07T09:22:00+00:00), as Last-Modified counts."""
    if moment is None:
        return None
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()


Timestamp = Annotated[
    datetime,
    PlainSerializer(utc_timestamp, return_type=str, when_used="always"),
    WithJsonSchema(
        {
            "type": "string",
            "format": "date-time",
            "description": "ISO 8601 in UTC with its offset, e.g. 2026-12-07T09:22:00+00:00.",
        }
    ),
]

_page_type_labels: set[str] = set()


def register_page_type_labels(*labels: str) -> None:
    _page_type_labels.update(labels)


class _PageTypeLabel:
    """A page type's label ("articles.ArticlePage"): a string on the wire, documented as the enum
    of the page types registered when the document is generated (core.api.pages)."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> core_schema.CoreSchema:
        return core_schema.str_schema()

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> dict[str, Any]:
        return {"type": "string", "enum": sorted(_page_type_labels)}


PageTypeLabel = Annotated[str, _PageTypeLabel]
