"""What the delivery API shows of articles: typed sections derived from the blocks."""

from datetime import date, datetime
from typing import Literal

from ninja import Schema
from pydantic import Field

from articles.blocks import GuidanceStreamBlock, ScienceStreamBlock, StoryStreamBlock
from articles.models import TopicKind
from articles.review_status import DUE_SOON_DAYS, ReviewStatus
from core.api.blocks import stream_schema
from core.api.images import ImageSchema
from core.api.links import LocaleSchema
from core.api.safety import SafetySchema

# Importing the adapters registers them before the section schemas are derived.
from . import block_adapters  # noqa: F401  isort: skip

StorySection = stream_schema(StoryStreamBlock(), "Story")
ScienceSection = stream_schema(ScienceStreamBlock(), "Science")
GuidanceSection = stream_schema(GuidanceStreamBlock(), "Guidance")


ReviewStatusValue = Literal[tuple(ReviewStatus.values)]
REVIEW_STATUS_DESCRIPTION = (
    "Whether the medical review is current, due_soon (next_review_due is within "
    f"{DUE_SOON_DAYS} days, today included) or overdue (next_review_due has passed, or the "
    "article was never reviewed), as of today in the site's time zone. It changes with the date "
    "alone: Last-Modified and ETag change with it."
)


class PersonSchema(Schema):
    id: int
    name: str
    credentials: str
    bio: str
    photo: ImageSchema | None
    profile_url: str
    roles: list[Literal["author", "medical_reviewer"]]


class PersonSummary(Schema):
    name: str
    credentials: str


class TopicSchema(Schema):
    slug: str
    name: str
    kind: Literal[tuple(TopicKind.values)]


class ReferenceSchema(Schema):
    number: int = Field(description="Position in the list, as cited in the text (1-based).")
    key: str
    title: str
    authors: str
    publisher: str
    year: int | None
    url: str
    doi: str
    doi_url: str
    pmid: str
    pubmed_url: str
    accessed: date | None


class CitationNoticeSchema(Schema):
    """A cited paper was retracted or corrected after the article's medical review."""

    kind: Literal["retraction", "correction"]
    reference_number: int = Field(description="The reference it concerns (1-based).")
    reference_key: str
    reference_title: str
    notice_url: str = Field(description="The journal's notice, or empty.")
    marked_on: date = Field(description="When the editors learned of it.")


class ArticleIndexContent(Schema):
    type: Literal["articles.ArticleIndexPage"]
    intro: str


class ArticleLabels(Schema):
    """Reader-facing words in the page's language, numbers isolated (U+2068/U+2069)."""

    story: str = Field(description="The story section's title.")
    science: str = Field(description="The science section's title.")
    guidance: str = Field(description="The guidance section's title.")
    references: str = Field(description="The references' heading.")
    reading_time: str = Field(description='e.g. "6 minute read".')


class ArticleContent(Schema):
    type: Literal["articles.ArticlePage"]
    standfirst: str
    summary: str
    hero_image: ImageSchema | None
    author: PersonSchema | None
    medical_reviewer: PersonSchema | None
    last_reviewed: date | None
    next_review_due: date | None
    review_status: ReviewStatusValue = Field(description=REVIEW_STATUS_DESCRIPTION)
    topics: list[TopicSchema]
    word_count: int
    reading_time_minutes: int
    story: StorySection
    science: ScienceSection
    guidance: GuidanceSection
    labels: ArticleLabels
    references: list[ReferenceSchema]
    citation_notices: list[CitationNoticeSchema] = Field(
        description="Retractions and corrections of cited papers, under medical re-review: "
        "show them to readers until they disappear."
    )
    safety: SafetySchema | None = Field(
        description="The medical disclaimer and crisis lines in the reader's locale."
    )


class ArticleCard(Schema):
    id: int
    title: str
    summary: str
    path: str
    locale: LocaleSchema
    hero_image: ImageSchema | None
    reading_time_minutes: int
    author: PersonSummary | None
    topics: list[TopicSchema]
    first_published_at: datetime | None
    last_reviewed: date | None
    next_review_due: date | None
    review_status: ReviewStatusValue = Field(description=REVIEW_STATUS_DESCRIPTION)


class ArticleList(Schema):
    count: int
    items: list[ArticleCard]
