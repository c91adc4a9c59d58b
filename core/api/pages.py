"""Pages for front ends: one call resolves a route (or a page id in a locale) to everything needed
to render it.

Each app describes its page types with a `PageType` (model, content schema, content builder);
`cms` passes them all to `build_pages_router`, which makes the content a union discriminated by
the page type. The router never imports an app.
"""

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Annotated, Any, Literal, Union

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field, JsonValue, create_model
from pydantic_core import to_jsonable_python
from wagtail.contrib.redirects.middleware import get_redirect
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Site

from core.api.blocks import ContentSerializer
from core.api.http import set_last_modified
from core.api.images import ImageSchema
from core.api.links import LocaleSchema, PageLinkSchema, page_link
from core.api.params import locale_chain_or_400, reject_unknown_params
from core.api.problems import PROBLEM_RESPONSES
from core.api.types import PageTypeLabel, Timestamp, register_page_type_labels, utc_timestamp
from core.events import family_tag
from core.locales import content_language_codes
from core.paths import front_end_path
from core.snapshots.reads import StoredBody, body_at_route, body_of_page
from core.translation_provenance import Provenance, provenance
from core.translation_status import source_of, translation_states
from core.visibility import visible


@dataclass(frozen=True)
class PageType:
    """How the API shows one page model."""

    model: type[Page]
    #: A schema whose `type` field is `Literal["<app_label>.<ModelName>"]`.
    content_schema: type[Schema]
    #: Builds the content; `serializer.prepare(...)` on its streams first saves queries.
    build_content: Callable[[Page, ContentSerializer], Any]
    #: Adds select_related/prefetch_related for one page's detail.
    optimise: Callable[[QuerySet], QuerySet] = field(default=lambda queryset: queryset)
    #: schema.org JSON-LD for the page.
    json_ld: Callable[[Page, ContentSerializer], dict[str, Any]] | None = None
    #: The description search engines show when the editor left the page's own empty.
    description: Callable[[Page], str] = field(default=lambda page: "")
    #: When what the API shows of the page last changed (Last-Modified): its last publication.
    last_modified: Callable[[Page], datetime | None] = field(
        default=lambda page: page.last_published_at
    )
    #: Brings a stored body up to date at read time, for fields that change with the date
    #: alone (an article's review status); returns when the body last changed that way.
    refresh: Callable[[dict[str, Any]], datetime | None] | None = None
    #: The first day on which `refresh` would change a body rendered today (None: never). Until
    #: then a stored body is served as it was stored, without decoding it.
    stale_from: Callable[[dict[str, Any]], date | None] | None = None
    #: Today, as the page type's date-dependent fields count days.
    today: Callable[[], date] = field(default=timezone.localdate)
    #: The card listings show of the page, rendered into its snapshot; None: never listed.
    build_card: Callable[[Page, ContentSerializer], dict[str, Any]] | None = None
    #: The schema a listing declares for the card: the card is validated against it when it
    #: is rendered, and listings serve it as stored (core.api.listings), unvalidated.
    card_schema: type[Schema] | None = None
    #: What listings filter the page by, e.g. "topic:esketamine" (see core.snapshots).
    facets: Callable[[Page], Iterable[str]] = field(default=lambda page: ())
    #: Where the page is on a map, (latitude, longitude), for distance filters.
    location: Callable[[Page], tuple[float, float] | None] = field(default=lambda page: None)


class SeoSchema(Schema):
    title: str
    description: str = Field(
        description="Never empty: the editor's search description, the page type's own (an "
        "article's summary, an index's introduction), or the title with the site's name."
    )
    canonical_path: str
    canonical_url: str | None = Field(
        description="Absolute, from the Wagtail site's hostname and port (Settings > Sites)."
    )
    image: ImageSchema | None = Field(
        description="The Open Graph image: the page's hero image, else the home page's."
    )
    json_ld: dict[str, JsonValue]


class AlternateSchema(Schema):
    """A live translation of the page, for hreflang links."""

    locale: LocaleSchema
    path: str
    url: str = Field(description="The absolute URL of the translation (hreflang's href).")


class TranslationStatusSchema(Schema):
    locale: LocaleSchema
    status: Literal["missing", "in_progress", "complete", "outdated"]
    translated_segments: int | None
    total_segments: int | None


@dataclass(frozen=True)
class Rendering:
    """A page rendered for readers of one locale: its response body without `meta`, the tags of
    what it shows (page families, safety information), and when it last changed."""

    body: dict[str, Any]
    tags: frozenset[str]
    last_modified: datetime | None
    page_type: PageType
    #: The listing card, and the columns and facets listings order and filter by.
    card: dict[str, Any] | None = None
    facets: frozenset[str] = frozenset()
    location: tuple[float, float] | None = None
    #: From this day the stored body needs `PageType.refresh` before it is served.
    stale_from: date | None = None


class PageMetaSchema(Schema):
    requested_locale: LocaleSchema
    served_locale: LocaleSchema
    fallback: bool
    partly_translated: bool = Field(
        False,
        description="Some blocks are in the source language (see `translation.untranslated`; "
        "those blocks carry their own `lang` and `dir`).",
    )


class TranslationProvenanceSchema(Schema):
    """Where a translated page's words came from, as of its published revision."""

    source_locale: LocaleSchema
    source_page_id: int | None
    source_revision_id: int | None = Field(
        description="The source page's revision this translation was made from."
    )
    behind_source: bool = Field(
        description="The source has been published (and reviewed) again since this "
        "translation was made from it."
    )
    total_segments: int
    translated_segments: int
    machine_segments: int
    reviewed_machine_segments: int = Field(
        description="Machine-translated segments a translation reviewer approved."
    )
    human_segments: int
    untranslated: list[str] = Field(
        description="Block ids and field names left in the source language by an editor."
    )
    reviewed_by: str | None
    reviewed_at: Timestamp | None
    translators: list[str]


class RedirectSchema(Schema):
    """The route moved: the front end should redirect the reader."""

    kind: Literal["redirect"]
    status: Literal[301, 302]
    location: str


class PageEnvelope(Schema):
    kind: Literal["page"]
    id: int
    page_type: PageTypeLabel
    locale: LocaleSchema
    title: str
    seo: SeoSchema
    breadcrumbs: list[PageLinkSchema]
    alternates: list[AlternateSchema]
    translation_status: list[TranslationStatusSchema]
    first_published_at: Timestamp | None
    last_published_at: Timestamp | None
    translation: TranslationProvenanceSchema | None = Field(
        None, description="For a translation: how it was made and reviewed; null for a source."
    )
    meta: PageMetaSchema


_page_types: dict[type[Page], PageType] = {}
_renderer: "PageRenderer | None" = None


def register_page_types(*page_types: PageType) -> None:
    """Apps describe their page models to the API in their `ready()`."""
    global _renderer
    _page_types.update({page_type.model: page_type for page_type in page_types})
    register_page_type_labels(*(page_type.model._meta.label for page_type in page_types))
    _renderer = None


def page_renderer() -> "PageRenderer":
    """The renderer of every registered page type (built once)."""
    global _renderer
    if _renderer is None:
        _renderer = PageRenderer(list(_page_types.values()))
    return _renderer


MAX_PATH_LENGTH = 1024
SAFE_PATH = re.compile(r"^/[^\s?#\\]*$")


class PageRenderer:
    """Builds the page response for a visible page, in one place for every route."""

    def __init__(self, page_types: Sequence[PageType]):
        self.page_types = {page_type.model: page_type for page_type in page_types}
        self.page_types_by_label = {
            page_type.model._meta.label: page_type for page_type in page_types
        }
        content_union = Annotated[
            Union[tuple(page_type.content_schema for page_type in page_types)],  # noqa: UP007
            Field(discriminator="type"),
        ]
        #: The page schema, with `content` discriminated by page type.
        self.response_schema = create_model(
            "PageResponse", __base__=PageEnvelope, content=(content_union, ...)
        )
        #: A draft's response: a page not yet created has no id.
        self.preview_schema = create_model(
            "PreviewResponse",
            __base__=self.response_schema,
            id=(int | None, Field(description="null for a page not yet created.")),
        )
        #: What a rendering stores: the response without the reader's request (`meta`).
        self.envelope_schema = create_model(
            "PageEnvelopeBody",
            __base__=PageEnvelope,
            meta=(PageMetaSchema | None, None),
            content=(content_union, ...),
        )
        self.draft_envelope_schema = create_model(
            "DraftEnvelopeBody", __base__=self.envelope_schema, id=(int | None, None)
        )

    def render(self, page: Page, serializer: ContentSerializer) -> "Rendering":
        """What readers of the serializer's locale get of `page`, an object as it stands: a live
        revision's (for a snapshot) or an editor's draft (for a preview). Nothing is stored."""
        page_type = self.page_types.get(type(page))
        if page_type is None:
            raise HttpError(404, "This page type has no public representation.")
        breadcrumbs, alternates = self.breadcrumbs_and_alternates(page, serializer)
        made = self.provenance(page, serializer)
        content = page_type.build_content(page, serializer)
        serializer.tag(
            *(family_tag(key) for key in serializer.links.translation_keys),
            *(family_tag(relative.translation_key) for relative in [*breadcrumbs, *alternates]),
            family_tag(page.translation_key),
        )
        served = page.locale.language_code
        seo = self.seo(page, page_type, serializer, breadcrumbs)
        body = {
            "kind": "page",
            "id": page.pk,
            "page_type": page._meta.label,
            "locale": LocaleSchema.of(served),
            "title": page.title,
            "seo": seo,
            "breadcrumbs": [page_link(crumb) for crumb in breadcrumbs],
            "alternates": [
                {
                    "locale": LocaleSchema.of(alternate.locale.language_code),
                    "path": front_end_path(alternate),
                    "url": alternate.get_full_url(),
                }
                for alternate in alternates
            ],
            "translation_status": translation_status(page),
            "first_published_at": page.first_published_at,
            "last_published_at": page.last_published_at,
            "translation": provenance_body(made),
            "content": content,
        }
        # Only a preview renders a page not yet created (no id); snapshots always have one.
        schema = self.envelope_schema if page.pk is not None else self.draft_envelope_schema
        # Stored without `meta` (what the reader asked for): `serve` appends it to the text.
        body = schema.model_validate(body).model_dump(mode="json", exclude={"meta"})
        card = None
        # A page not yet created (a preview) is listed nowhere and has no card.
        if page_type.build_card is not None and page.pk is not None:
            card = stored_card(page_type, page_type.build_card(page, serializer))
        return Rendering(
            body=body,
            tags=frozenset(serializer.tags),
            last_modified=page_type.last_modified(page),
            page_type=page_type,
            card=card,
            facets=frozenset(page_type.facets(page)),
            location=page_type.location(page),
            stale_from=page_type.stale_from(body) if page_type.stale_from else None,
        )

    def serve(self, stored: StoredBody, requested_locale: str) -> HttpResponse:
        """A stored rendering as the response to one reader's request.

        The body is served as the text it was stored as, with `meta` appended; only a body whose
        date-dependent fields have gone stale since it was rendered is decoded and refreshed."""
        meta = json.dumps(
            {
                "requested_locale": LocaleSchema.of(requested_locale).model_dump(),
                "served_locale": LocaleSchema.of(stored.locale).model_dump(),
                "fallback": stored.locale != requested_locale,
                "partly_translated": stored.partly_translated,
            }
        )
        moments = [stored.last_modified]
        page_type = self.page_types_by_label.get(stored.page_type)
        text = stored.body_text
        fresh = (
            page_type is None
            or page_type.refresh is None
            or stored.stale_from is None
            or page_type.today() < stored.stale_from
        )
        if fresh:
            content = f'{text.rstrip()[:-1]}, "meta": {meta}}}'
        else:
            body = json.loads(text)
            if page_type is not None and page_type.refresh is not None:
                moments.append(page_type.refresh(body))
            body["meta"] = json.loads(meta)
            content = json.dumps(body)
        response = HttpResponse(content, content_type="application/json")
        set_last_modified(response, max((m for m in moments if m is not None), default=None))
        response["Content-Language"] = stored.locale
        return response

    @staticmethod
    def provenance(page: Page, serializer: ContentSerializer) -> Provenance | None:
        """The translation's provenance (of the revision in `serializer.context["revision"]`,
        else of its strings now, for a preview); tells the serializer which blocks are in the
        source language."""
        language = page.locale.language_code
        serializer.context["language"] = language
        made = (
            None
            if language == settings.LANGUAGE_CODE
            else provenance(page, serializer.context.get("revision"))
        )
        if made is not None:
            serializer.context["source_language"] = made.source_language
            serializer.context["untranslated"] = made.untranslated
        serializer.context["provenance"] = made
        return made

    @staticmethod
    def breadcrumbs_and_alternates(
        page: Page, serializer: ContentSerializer
    ) -> tuple[list[Page], list[Page]]:
        """Visible ancestors below the root, and visible translations (hreflang), in one query."""
        ancestor_paths = [page.path[: depth * Page.steplen] for depth in range(2, page.depth)]
        family = (
            visible(
                Page.objects.filter(
                    Q(path__in=ancestor_paths) | Q(translation_key=page.translation_key)
                ),
                serializer.restricted,
            )
            .select_related("locale")
            .order_by("depth", "locale__language_code")
        )
        breadcrumbs, alternates = [], []
        for relative in family:
            if relative.translation_key != page.translation_key:
                breadcrumbs.append(relative)
            elif relative.alias_of_id is None or relative.pk == page.pk:
                # An alias shows another locale's words: it is no translation for hreflang.
                alternates.append(relative)
        return breadcrumbs, alternates

    @staticmethod
    def seo(
        page: Page, page_type: PageType, serializer: ContentSerializer, breadcrumbs: list[Page]
    ) -> dict[str, Any]:
        canonical_url = page.get_full_url() if page.pk is not None else None
        description = (
            page.search_description
            or page_type.description(page)
            or f"{page.title} | {settings.WAGTAIL_SITE_NAME}"
        )
        image, alt = og_image(page, breadcrumbs)
        og = serializer.images.serialize(image, alt=alt) if image is not None else None
        if page_type.json_ld:
            json_ld = page_type.json_ld(page, serializer)
        else:
            json_ld = {
                "@context": "https://schema.org",
                "@type": "WebPage",
                "name": page.title,
                "description": description,
                "inLanguage": page.locale.language_code,
            }
        # What every page's JSON-LD can say, from facts the envelope has anyway.
        if canonical_url:
            json_ld.setdefault("url", canonical_url)
        if og is not None:
            json_ld.setdefault("image", og.url)
        if page.last_published_at:
            json_ld.setdefault("dateModified", utc_timestamp(page.last_published_at))
        return {
            "title": page.seo_title or page.title,
            "description": description,
            "canonical_path": front_end_path(page),
            "canonical_url": canonical_url,
            "image": og,
            "json_ld": json_ld,
        }


def stored_card(page_type: PageType, card: dict[str, Any]) -> dict[str, Any]:
    """A card as listings will serve it: validated against the page type's card schema and
    dumped as the response would be, less the fields a listing adds per request (those the
    builder left out, such as a clinic's distance)."""
    if page_type.card_schema is None:
        return to_jsonable_python(card)
    left_out = set(page_type.card_schema.model_fields) - set(card)
    return page_type.card_schema.model_validate(card).model_dump(mode="json", exclude=left_out)


def og_image(page: Page, breadcrumbs: list[Page]) -> tuple[Any, str | None]:
    """The page's own hero image, else the site default: the hero image of its home page (the
    first breadcrumb), with their alt texts."""
    for candidate in (page, *(breadcrumbs[:1])):
        candidate = candidate if hasattr(candidate, "hero_image") else candidate.specific
        image = getattr(candidate, "hero_image", None)
        if image is not None:
            return image, getattr(candidate, "hero_alt", None)
    return None, None


def provenance_body(made: Provenance | None) -> dict[str, Any] | None:
    if made is None:
        return None
    review = made.review
    return {
        "source_locale": LocaleSchema.of(made.source_language),
        "source_page_id": made.source_page_id,
        "source_revision_id": made.source_revision_id,
        "behind_source": made.behind_source,
        "total_segments": made.total_segments,
        "translated_segments": made.translated_segments,
        "machine_segments": made.machine_segments,
        "reviewed_machine_segments": made.reviewed_machine_segments,
        "human_segments": made.human_segments,
        "untranslated": sorted(made.untranslated),
        # Staff are named as readers know them (full name), never by their login.
        "reviewed_by": (review.reviewer.get_full_name() or None)
        if review and review.reviewer
        else None,
        "reviewed_at": review.reviewed_at if review else None,
        "translators": list(made.translators),
    }


def translation_status(page: Page) -> list[dict[str, Any]]:
    """The source is complete; each translation of it says how far it has come."""
    source = page if page.locale.language_code == settings.LANGUAGE_CODE else source_of(page)
    states = translation_states([source]).get(source.translation_key, [])
    return [
        {
            "locale": LocaleSchema.of(source.locale.language_code),
            "status": "complete",
            "translated_segments": None,
            "total_segments": None,
        },
        *(
            {
                "locale": LocaleSchema.of(state.locale.language_code),
                "status": state.status.value,
                "translated_segments": state.translated_segments,
                "total_segments": state.total_segments,
            }
            for state in states
        ),
    ]


class ResolveParams(Schema):
    path: str = Field(
        ...,
        max_length=MAX_PATH_LENGTH,
        description="The route as readers see it, starting with its locale: /es/articles/x/.",
    )


class PageByIdParams(Schema):
    locale: str | None = Field(
        None,
        max_length=35,
        description="The reader's locale, e.g. es or es-MX; falls back along the chain.",
    )


def build_pages_router(renderer: PageRenderer) -> Router:
    PageResponse = renderer.response_schema
    ResolveResponse = Annotated[
        Union[PageResponse, RedirectSchema],  # noqa: UP007
        Field(discriminator="kind"),
    ]
    router = Router(tags=["pages"])

    @router.get(
        "/resolve",
        response={200: ResolveResponse, **PROBLEM_RESPONSES},
        summary="Everything a front end needs to render a route",
        operation_id="resolve_route",
    )
    @reject_unknown_params
    def resolve_route(request, params: Query[ResolveParams]):
        language_code, rest = _split_route(params.path)
        snapshot = body_at_route(language_code, f"/{language_code}/{rest}")
        if snapshot is None:
            redirect = _redirect_for(request, params.path)
            if redirect is not None:
                return redirect
            raise HttpError(404, f"No page is published at {params.path}.")
        if params.path != snapshot.path:
            # One address per page (canonical links, caches): send the reader to it.
            return {"kind": "redirect", "status": 301, "location": snapshot.path}
        return renderer.serve(snapshot, language_code)

    @router.get(
        "/{page_id}",
        response={200: PageResponse, **PROBLEM_RESPONSES},
        summary="A page in the reader's locale, or the nearest fallback",
        operation_id="get_page",
    )
    @reject_unknown_params
    def get_page(request, page_id: int, params: Query[PageByIdParams]):
        readers = locale_chain_or_400(params.locale)[0] if params.locale else None
        snapshot = body_of_page(page_id, readers)
        if snapshot is None:
            # One answer for a missing id and a hidden one: ids must not tell drafts apart.
            raise HttpError(404, "No page with this id is published in this locale or a fallback.")
        requested = params.locale.lower() if params.locale else snapshot.reader_locale
        return renderer.serve(snapshot, requested)

    return router


def _split_route(path: str) -> tuple[str, str]:
    """('/es/articles/x' or '/es/articles/x/') -> ('es', 'articles/x/'); 400 when malformed."""
    if not SAFE_PATH.match(path) or "//" in path or "/../" in f"{path}/":
        raise HttpError(400, "The path must start with / and contain no spaces, ? or #.")
    segments = [segment for segment in path.split("/") if segment]
    if not segments or segments[0] not in content_language_codes():
        raise HttpError(
            404,
            f"Routes start with a locale: one of {', '.join(content_language_codes())}.",
        )
    rest = "/".join(segments[1:])
    return segments[0], f"{rest}/" if rest else ""


def _redirect_for(request: HttpRequest, path: str) -> dict[str, Any] | None:
    """The redirect an editor set up for `path`, found as Wagtail's redirect middleware finds it
    (the site's own redirects first; the path as given, then percent-decoded)."""
    if not hasattr(request, "_wagtail_site"):
        # The API serves one site, the one Wagtail's cached root paths name (no query when
        # warm); the request's host is the API's, not the site's.
        roots = Site.get_site_root_paths()
        request._wagtail_site = Site(pk=roots[0].site_id) if roots else None
    redirect = get_redirect(request, Redirect.normalise_path(path, decode_unicode=False))
    if redirect is None or not redirect.link:
        return None
    if redirect.redirect_page_id is not None and not (
        visible(Page.objects.filter(pk=redirect.redirect_page_id)).exists()
    ):
        # A redirect to a draft, private or expired page must not reveal where it lives.
        return None
    location = redirect.link
    if redirect.redirect_page is not None:
        location = front_end_path(redirect.redirect_page) or location
    return {
        "kind": "redirect",
        "status": 301 if redirect.is_permanent else 302,
        "location": location,
    }
