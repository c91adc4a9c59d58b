"""Articles in the delivery API: article pages, the article index, and the card listing."""

import json
from datetime import date, datetime
from typing import Any, Literal

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field
from wagtail.models import Locale, Page

from articles import review_status as review_clock
from articles.citations import reference_tags
from articles.models import (
    ArticleIndexPage,
    ArticlePage,
    ArticlePageTopic,
    ArticleReference,
    CitationNotice,
    Person,
)
from articles.reading import article_labels
from articles.review_status import review_status, status_changed_at, status_changes_on
from articles.schemas import (
    ArticleCard,
    ArticleContent,
    ArticleIndexContent,
    ArticleList,
    PersonProfile,
)
from core.api.blocks import ContentSerializer
from core.api.cache import tag
from core.api.http import set_last_modified
from core.api.images import ImageResolver
from core.api.links import LocaleSchema
from core.api.listings import (
    LISTING_ROW,
    Listed,
    PaginationParams,
    card_window,
    listed_snapshots,
    listed_window,
    listing_response,
    newest,
    newest_modified,
)
from core.api.pages import PageType
from core.api.params import LocaleParams, locale_chain_or_400, reject_unknown_params
from core.api.problems import PROBLEM_RESPONSES
from core.api.safety import safety_for
from core.api.search import search_terms
from core.api.types import utc_timestamp
from core.cdn import API_PREFIX
from core.events import ContentChange, type_tag
from core.links_safety import safe_href
from core.locales import first_in_chain
from core.media import api_origin
from core.paths import front_end_path
from providers.models import ProviderIndexPage

SECTIONS = ("story", "science", "guidance")


def _topics(page: ArticlePage) -> list[dict[str, str]]:
    return [
        {"slug": link.topic.slug, "name": link.topic.name, "kind": link.topic.kind}
        for link in page.topic_links.all()
    ]


def person_api_url(person_id: int) -> str:
    """Where a front end reads a person's profile: absolute, on the API's origin."""
    return f"{api_origin().rstrip('/')}{API_PREFIX}/people/{person_id}"


def _roles(person: Person) -> list[str]:
    return [
        role
        for role, held in (
            ("author", person.is_author),
            ("medical_reviewer", person.is_medical_reviewer),
        )
        if held
    ]


def _person(person: Person | None, serializer: ContentSerializer) -> dict[str, Any] | None:
    if person is None:
        return None
    return {
        "id": person.pk,
        "name": person.name,
        "credentials": person.credentials,
        "bio": person.bio,
        "photo": serializer.images.serialize(person.photo, alt=person.name),
        "profile_url": safe_href(person.profile_url) or None,
        "api_url": person_api_url(person.pk),
        "roles": _roles(person),
    }


def _reference_link(reference: ArticleReference) -> str:
    return reference.doi_url or safe_href(reference.url)


def _reference(number: int, reference: ArticleReference) -> dict[str, Any]:
    return {
        "number": number,
        "key": reference.key,
        "title": reference.title,
        "authors": reference.authors,
        "publisher": reference.publisher,
        "year": reference.year,
        "url": safe_href(reference.url) or None,
        "doi": reference.doi or None,
        "doi_url": reference.doi_url or None,
        "pmid": reference.pmid or None,
        "pubmed_url": reference.pubmed_url or None,
        "accessed": reference.accessed,
    }


def _citation_notices(references: list[ArticleReference]) -> list[dict[str, Any]]:
    """Open retraction and correction notices on the papers the article cites, in its
    reference order: readers see them until an editor resolves them."""
    notices = list(CitationNotice.objects.open().for_references(references).order_by("pk"))
    return [
        {
            "kind": notice.kind,
            "reference_number": number,
            "reference_key": reference.key,
            "reference_title": reference.title,
            "notice_url": safe_href(notice.notice_url) or None,
            "marked_on": timezone.localdate(notice.marked_at),
        }
        for number, reference in enumerate(references, 1)
        for notice in notices
        if notice.concerns(reference)
    ]


def optimise_article(queryset):
    return queryset.select_related(
        "hero_image", "author__photo", "medical_reviewer__photo"
    ).prefetch_related(
        Prefetch("topic_links", queryset=ArticlePageTopic.objects.select_related("topic")),
        "references",
    )


def _directory_path(serializer: ContentSerializer) -> str | None:
    """The provider directory's path in the reader's locale (or the nearest fallback)."""
    directory = ProviderIndexPage.nearest(serializer.locale_chain, serializer.restricted)
    return front_end_path(directory, serializer.request) if directory else None


def build_article_content(page: ArticlePage, serializer: ContentSerializer) -> dict[str, Any]:
    sections = [(getattr(page, name).stream_block, getattr(page, name)) for name in SECTIONS]
    safety = safety_for(serializer)
    people = [person for person in (page.author, page.medical_reviewer) if person]
    serializer.prepare(
        *sections,
        images=[page.hero_image, *(person.photo for person in people)],
    )
    serializer.context["reference_numbers"] = page.reference_numbers
    references = list(page.references.all())
    # A notice marked on a paper later must reach this snapshot (articles.citations).
    serializer.tag(*reference_tags(references))
    if any(child.block_type == "provider_directory" for child in page.guidance):
        serializer.context["provider_directory_path"] = _directory_path(serializer)
    rendered, contents = _sections(sections, serializer)
    return {
        "type": "articles.ArticlePage",
        "standfirst": page.standfirst,
        "summary": page.summary,
        "hero_image": serializer.images.serialize(page.hero_image, alt=page.hero_alt),
        "author": _person(page.author, serializer),
        "medical_reviewer": _person(page.medical_reviewer, serializer),
        "last_reviewed": page.last_reviewed,
        "next_review_due": page.next_review_due,
        "review_status": review_status(page.next_review_due).value,
        "topics": _topics(page),
        "word_count": page.word_count,
        "reading_time_minutes": page.reading_time_minutes,
        **rendered,
        "labels": article_labels(page.reading_time_minutes),
        "table_of_contents": contents,
        "references": [
            _reference(number, reference) for number, reference in enumerate(references, 1)
        ],
        "citation_notices": _citation_notices(references),
        "safety": safety,
    }


def _sections(sections, serializer: ContentSerializer) -> tuple[dict[str, Any], list[dict]]:
    """The sections in reading order, and the table of contents: the headings they hold."""
    rendered: dict[str, Any] = {}
    contents = []
    for name, (block, value) in zip(SECTIONS, sections, strict=True):
        first = len(serializer.anchors.headings)
        rendered[name] = serializer.value(block, value)
        contents += [
            {**heading, "section": name} for heading in serializer.anchors.headings[first:]
        ]
    return rendered, contents


def article_last_modified(page: ArticlePage) -> datetime | None:
    """Last-Modified of what the API shows of an article: its last publication, or the midnight
    its review status last changed by the date alone, whichever is later. Otherwise a client
    revalidating with If-Modified-Since only would keep "current" after the article fell due."""
    moments = [page.last_published_at, status_changed_at(page.next_review_due)]
    return max((moment for moment in moments if moment is not None), default=None)


def refresh_article(body: dict[str, Any]) -> datetime | None:
    """A stored article's review status as of today; returns when the date last changed it."""
    content = body["content"]
    due = content.get("next_review_due")
    due = date.fromisoformat(due) if due else None
    content["review_status"] = review_status(due).value
    return status_changed_at(due)


def article_stale_from(body: dict[str, Any]) -> date | None:
    """The first day on which a stored article's review status is no longer today's."""
    due = body["content"].get("next_review_due")
    return status_changes_on(date.fromisoformat(due) if due else None)


def article_json_ld(page: ArticlePage, serializer: ContentSerializer) -> dict[str, Any]:
    def person(person: Person | None) -> dict[str, Any] | None:
        if person is None:
            return None
        data = {"@type": "Person", "name": person.name, "jobTitle": person.credentials}
        if profile_url := safe_href(person.profile_url):
            data["url"] = profile_url
        return data

    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": page.title,
        "headline": page.title,
        "description": page.summary,
        "inLanguage": page.locale.language_code,
        "about": [
            {
                "@type": "MedicalCondition" if link.topic.kind == "condition" else "MedicalTherapy",
                "name": link.topic.name,
            }
            for link in page.topic_links.all()
        ],
        "citation": [
            {
                "@type": "CreativeWork",
                "name": reference.title,
                **({"url": link} if (link := _reference_link(reference)) else {}),
            }
            for reference in page.references.all()
        ],
    }
    if page.author:
        data["author"] = person(page.author)
    if page.medical_reviewer:
        data["reviewedBy"] = person(page.medical_reviewer)
    if page.last_reviewed:
        data["lastReviewed"] = page.last_reviewed.isoformat()
    if page.first_published_at:
        data["datePublished"] = utc_timestamp(page.first_published_at)
    if made := serializer.context.get("provenance"):
        # schema.org's own terms for a translation: who translated it, and of what.
        data["translator"] = [
            {
                "@type": "Person" if name in made.person_translators else "SoftwareApplication",
                "name": name,
            }
            for name in made.translators
        ]
        original = Page.objects.filter(pk=made.source_page_id).first()
        data["translationOfWork"] = {
            "@type": "MedicalWebPage",
            "inLanguage": made.source_language,
            **({"url": path} if original and (path := front_end_path(original)) else {}),
        }
    return data


def index_description(intro: str) -> str:
    """An index page's introduction as plain text, the length search engines show."""
    return Truncator(strip_tags(intro or "").strip()).chars(160)


def build_article_index_content(page: ArticleIndexPage, serializer: ContentSerializer):
    return {"type": "articles.ArticleIndexPage", "intro": serializer.html(page.intro)}


def article_facets(page: ArticlePage) -> list[str]:
    """Topics, and who wrote and reviewed it (by translation key: one person in every locale),
    for the listings and the people endpoint."""
    facets = [f"topic:{link.topic.slug}" for link in page.topic_links.all()]
    for role, person in (("author", page.author), ("reviewer", page.medical_reviewer)):
        if person is not None:
            facets.append(f"{role}:{person.translation_key}")
    return facets


PAGE_TYPES = [
    PageType(
        model=ArticleIndexPage,
        content_schema=ArticleIndexContent,
        build_content=build_article_index_content,
        description=lambda page: index_description(page.intro),
    ),
    PageType(
        model=ArticlePage,
        content_schema=ArticleContent,
        build_content=build_article_content,
        optimise=optimise_article,
        json_ld=article_json_ld,
        description=lambda page: page.summary,
        last_modified=article_last_modified,
        refresh=refresh_article,
        stale_from=article_stale_from,
        # Looked up at call time, so that tests can move the review clock.
        today=lambda: review_clock.today(),
        build_card=lambda page, serializer: article_card(page, serializer),
        card_schema=ArticleCard,
        facets=article_facets,
    ),
]


class PersonParams(Schema):
    locale: str | None = Field(
        None,
        max_length=35,
        description="The reader's locale, e.g. es or es-MX (default: the person's own); falls "
        "back along the chain.",
    )


class ArticleFilters(LocaleParams, PaginationParams):
    topic: str | None = Field(
        None, pattern=r"^[a-z0-9-]{1,80}$", description="A topic slug, e.g. esketamine."
    )
    q: str | None = Field(None, min_length=1, max_length=200, description="Words to search for.")
    order: Literal["newest", "oldest"] = Field("newest", description="By first publication.")


router = Router(tags=["articles"])


@router.get(
    "",
    response={200: ArticleList, **PROBLEM_RESPONSES},
    summary="Article cards for listings, filtered and paginated",
    operation_id="list_articles",
)
@reject_unknown_params
def list_articles(request: HttpRequest, filters: Query[ArticleFilters]):
    chain = locale_chain_or_400(filters.locale)
    tag(request, type_tag(ArticlePage))
    facets = (f"topic:{filters.topic}",) if filters.topic else ()
    direction = "" if filters.order == "oldest" else "-"
    order = (f"{direction}first_published_at", f"{direction}page_id")
    listed = Listed(chain[0], (ArticlePage,), facets, order)
    if filters.q:
        terms = search_terms(filters.q)
        locales = Locale.objects.filter(language_code__in=chain).values_list("pk", flat=True)
        matches = (
            ArticlePage.objects.filter(locale_id__in=list(locales)).search(terms, operator="and")
            if terms
            else []
        )
        # A search's matches are counted each time.
        snapshots = listed.snapshots().filter(page_id__in=[page.pk for page in matches])
        window, count = card_window(snapshots, filters)
    else:
        window, count = listed_window(listed, filters)
    today = review_clock.today()
    cards, moments = [], []
    for stored in window:
        moments.append(stored.last_modified)
        if stored.stale_from is None or today < stored.stale_from:
            cards.append(stored.text)  # its review status is still today's
        else:
            card = json.loads(stored.text)
            moments.append(refresh_card(card))
            cards.append(json.dumps(card))
    # Served as stored: the cards were validated against ArticleCard when they were rendered.
    return listing_response(count, cards, last_modified=newest(moments))


def refresh_card(card: dict[str, Any]) -> datetime | None:
    """A stored card's review status as of today; returns when the date last changed it."""
    due = card.get("next_review_due")
    due = date.fromisoformat(due) if due else None
    card["review_status"] = review_status(due).value
    return status_changed_at(due)


def article_card(page: ArticlePage, serializer: ContentSerializer) -> dict[str, Any]:
    """What listings show of an article (rendered into its snapshot)."""
    code = page.locale.language_code
    return {
        "id": page.pk,
        "title": page.title,
        "summary": page.summary,
        "path": front_end_path(page, serializer.request),
        "locale": LocaleSchema.of(code),
        "hero_image": serializer.images.serialize(page.hero_image, alt=page.hero_alt),
        "reading_time_minutes": page.reading_time_minutes,
        "author": (
            {
                "id": page.author.pk,
                "name": page.author.name,
                "credentials": page.author.credentials,
                "api_url": person_api_url(page.author.pk),
            }
            if page.author
            else None
        ),
        "topics": _topics(page),
        "first_published_at": page.first_published_at,
        "last_reviewed": page.last_reviewed,
        "next_review_due": page.next_review_due,
        "review_status": review_status(page.next_review_due).value,
    }


people_router = Router(tags=["people"])


def credited_people_paths(change: ContentChange) -> list[str]:
    """The profiles (`/people/{id}`, every locale's version) of the people credited on the
    changed articles: their lists of articles written and reviewed change with them. A saved
    person changes the articles that credit them, so their profile is among these too."""
    article_ids = [page.id for page in change.pages if page.page_type == ArticlePage._meta.label]
    if not article_ids:
        return []
    credited = ArticlePage.objects.filter(pk__in=article_ids).values_list(
        "author__translation_key", "medical_reviewer__translation_key"
    )
    families = {key for keys in credited for key in keys if key is not None}
    people = Person.objects.filter(translation_key__in=families).values_list("pk", flat=True)
    return [f"/people/{pk}" for pk in sorted(people)]


#: The most articles a profile lists per role; newest first.
PROFILE_ARTICLES = 50


@people_router.get(
    "/{person_id}",
    response={200: PersonProfile, **PROBLEM_RESPONSES},
    summary="A person credited on articles: credentials, bio, photo, what they wrote and reviewed",
    operation_id="get_person",
)
@reject_unknown_params
def get_person(
    request: HttpRequest, response: HttpResponse, person_id: int, params: Query[PersonParams]
):
    credited = Person.objects.filter(pk=person_id).only("translation_key", "locale").first()
    if credited is None:
        raise HttpError(404, "No one with this id is credited on a published article.")
    chain = locale_chain_or_400(params.locale or credited.locale.language_code)
    tag(request, type_tag(ArticlePage))
    person = first_in_chain(
        Person.objects.filter(
            translation_key=credited.translation_key, locale__language_code__in=chain
        ).select_related("locale", "photo"),
        chain,
    )

    def cards(role: str) -> tuple[list[dict[str, Any]], list]:
        snapshots = listed_snapshots(
            chain[0], [ArticlePage], [f"{role}:{credited.translation_key}"]
        ).order_by("-first_published_at", "-page_id")
        rows = list(snapshots.values(*LISTING_ROW)[:PROFILE_ARTICLES])
        cards = [json.loads(row["card"]) for row in rows]
        moments = [newest_modified(rows), *(refresh_card(card) for card in cards)]
        return cards, moments

    written, written_moments = cards("author")
    reviewed, reviewed_moments = cards("reviewer")
    if person is None or not (written or reviewed):
        # One answer for an unknown id and someone credited on nothing readers can see.
        raise HttpError(404, "No one with this id is credited on a published article.")
    moments = [moment for moment in (*written_moments, *reviewed_moments) if moment is not None]
    set_last_modified(response, max(moments, default=None))
    images = ImageResolver()
    images.prefetch([person.photo] if person.photo else [])
    profile_url = safe_href(person.profile_url) or None
    return {
        "id": person.pk,
        "locale": LocaleSchema.of(person.locale.language_code),
        "name": person.name,
        "credentials": person.credentials,
        "bio": person.bio,
        "photo": images.serialize(person.photo, alt=person.name),
        "profile_url": profile_url,
        "roles": _roles(person),
        "articles_written": written,
        "articles_reviewed": reviewed,
        "json_ld": {
            "@context": "https://schema.org",
            "@type": "Person",
            "name": person.name,
            **({"jobTitle": person.credentials} if person.credentials else {}),
            **({"description": person.bio} if person.bio else {}),
            **({"sameAs": [profile_url]} if profile_url else {}),
            "url": person_api_url(person.pk),
        },
    }
