"""What the delivery API shows of articles: typed sections derived from the blocks."""

from datetime import date
from typing import Literal

from ninja import Schema
from pydantic import Field, JsonValue

from articles.blocks import GuidanceStreamBlock, ScienceStreamBlock, StoryStreamBlock
from articles.models import TopicKind
from articles.review_status import DUE_SOON_DAYS, ReviewStatus
from core.api.blocks import stream_schema
from core.api.images import ImageSchema
from core.api.links import LocaleSchema
from core.api.safety import SafetySchema
from core.api.types import Timestamp

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


PersonRole = Literal["author", "medical_reviewer"]


class PersonSchema(Schema):
    id: int
    name: str
    credentials: str
    bio: str
    photo: ImageSchema | None
    profile_url: str | None = Field(
        description="Their page elsewhere (a professional profile); null when there is none."
    )
    api_url: str = Field(
        description="Their profile in this API (/api/v1/people/{id}), with the articles they "
        "wrote and reviewed."
    )
    roles: list[PersonRole]


class PersonSummary(Schema):
    id: int
    name: str
    credentials: str
    api_url: str = Field(description="Their profile in this API (/api/v1/people/{id}).")


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
    url: str | None
    doi: str | None
    doi_url: str | None
    pmid: str | None
    pubmed_url: str | None
    accessed: date | None


class CitationNoticeSchema(Schema):
    """A cited paper was retracted or corrected after the article's medical review."""

    kind: Literal["retraction", "correction"]
    reference_number: int = Field(description="The reference it concerns (1-based).")
    reference_key: str
    reference_title: str
    notice_url: str | None = Field(description="The journal's notice; null when not given.")
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


class ContentsEntry(Schema):
    """A heading of the article, linking to its anchor."""

    anchor: str = Field(description="The heading block's `anchor`: link to #anchor.")
    text: str
    level: Literal["h2", "h3", "h4"]
    section: Literal["story", "science", "guidance"]


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
    table_of_contents: list[ContentsEntry] = Field(
        description="The heading blocks of story, science and guidance, in reading order."
    )
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
    first_published_at: Timestamp | None
    last_reviewed: date | None
    next_review_due: date | None
    review_status: ReviewStatusValue = Field(description=REVIEW_STATUS_DESCRIPTION)


class ArticleList(Schema):
    count: int
    items: list[ArticleCard]


class PersonProfile(Schema):
    """Someone credited on articles, with what they wrote and medically reviewed: the page
    health readers and search engines look for before trusting advice."""

    id: int
    locale: LocaleSchema
    name: str
    credentials: str
    bio: str
    photo: ImageSchema | None
    profile_url: str | None = Field(description="Their page elsewhere; null when there is none.")
    roles: list[PersonRole]
    articles_written: list[ArticleCard] = Field(description="Newest first.")
    articles_reviewed: list[ArticleCard] = Field(
        description="Articles they medically reviewed, newest first."
    )
    json_ld: dict[str, JsonValue] = Field(description="schema.org Person, for the profile page.")
