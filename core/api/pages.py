"""Pages for front ends: one call resolves a route (or a page id in a locale) to everything needed
to render it.

Each app describes its page types with a `PageType` (model, content schema, content builder);
`cms` passes them all to `build_pages_router`, which makes the content a union discriminated by
the page type. The router never imports an app.
"""

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Annotated, Any, Literal, Union

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field, JsonValue, create_model
from wagtail.contrib.redirects.middleware import get_redirect
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Site

from core.api.blocks import ContentSerializer
from core.api.cache import tag
from core.api.http import set_last_modified
from core.api.links import LocaleSchema, PageLinkSchema, page_link
from core.api.params import locale_chain_or_400, reject_unknown_params
from core.api.problems import PROBLEM_RESPONSES
from core.events import family_tag
from core.locales import content_language_codes, first_in_chain
from core.paths import front_end_path
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
    #: When what the API shows of the page last changed (Last-Modified): its last publication,
    #: unless the content also changes with the date (an article's review status).
    last_modified: Callable[[Page], datetime | None] = field(
        default=lambda page: page.last_published_at
    )


class SeoSchema(Schema):
    title: str
    description: str
    canonical_path: str
    json_ld: dict[str, JsonValue]


class AlternateSchema(Schema):
    """A live translation of the page, for hreflang links."""

    locale: str
    path: str


class TranslationStatusSchema(Schema):
    locale: str
    status: Literal["missing", "in_progress", "complete", "outdated"]
    translated_segments: int | None
    total_segments: int | None


class PageMetaSchema(Schema):
    requested_locale: str
    served_locale: str
    fallback: bool


class RedirectSchema(Schema):
    """The route moved: the front end should redirect the reader."""

    kind: Literal["redirect"] = "redirect"
    status: Literal[301, 302]
    location: str


class PageEnvelope(Schema):
    kind: Literal["page"] = "page"
    id: int
    page_type: str
    locale: LocaleSchema
    title: str
    seo: SeoSchema
    breadcrumbs: list[PageLinkSchema]
    alternates: list[AlternateSchema]
    translation_status: list[TranslationStatusSchema]
    first_published_at: datetime | None
    last_published_at: datetime | None
    meta: PageMetaSchema


MAX_PATH_LENGTH = 1024
SAFE_PATH = re.compile(r"^/[^\s?#\\]*$")


class PageRenderer:
    """Builds the page response for a visible page, in one place for every route."""

    def __init__(self, page_types: Sequence[PageType]):
        self.page_types = {page_type.model: page_type for page_type in page_types}
        content_union = Annotated[
            Union[tuple(page_type.content_schema for page_type in page_types)],  # noqa: UP007
            Field(discriminator="type"),
        ]
        #: The page schema, with `content` discriminated by page type.
        self.response_schema = create_model(
            "PageResponse", __base__=PageEnvelope, content=(content_union, ...)
        )

    def load(self, page: Page) -> tuple[Page, PageType]:
        """The specific page with its type's prefetching, in one query (plus prefetches)."""
        model = page.specific_class
        page_type = self.page_types.get(model)
        if page_type is None:
            raise HttpError(404, "This page has no public representation.")
        specific = page_type.optimise(model.objects.filter(pk=page.pk).select_related("locale"))
        return specific.get(), page_type

    def render(
        self,
        request: HttpRequest,
        response: HttpResponse,
        page: Page,
        requested_locale: str,
        serializer: ContentSerializer,
        draft: bool = False,
    ) -> dict[str, Any]:
        """The response for `page`: a visible page (loaded again with its type's prefetching),
        or with `draft`, an unsaved page as the editor sees it in preview."""
        page, page_type = self.page_type_of(page) if draft else self.load(page)
        breadcrumbs, alternates = self.breadcrumbs_and_alternates(page, serializer)
        content = page_type.build_content(page, serializer)
        tag(
            request,
            *(family_tag(key) for key in serializer.links.translation_keys),
            *(family_tag(relative.translation_key) for relative in [*breadcrumbs, *alternates]),
            family_tag(page.translation_key),
        )
        served = page.locale.language_code
        if not draft:
            set_last_modified(response, page_type.last_modified(page))
        response["Content-Language"] = served
        return {
            "kind": "page",
            "id": page.pk,
            "page_type": page._meta.label,
            "locale": LocaleSchema.of(served),
            "title": page.title,
            "seo": self.seo(page, page_type, serializer),
            "breadcrumbs": [page_link(crumb, request) for crumb in breadcrumbs],
            "alternates": [
                {"locale": alternate.locale.language_code, "path": front_end_path(alternate)}
                for alternate in alternates
            ],
            "translation_status": translation_status(page),
            "first_published_at": page.first_published_at,
            "last_published_at": page.last_published_at,
            "content": content,
            "meta": {
                "requested_locale": requested_locale,
                "served_locale": served,
                "fallback": served != requested_locale,
            },
        }

    def page_type_of(self, page: Page) -> tuple[Page, PageType]:
        page_type = self.page_types.get(type(page))
        if page_type is None:
            raise HttpError(404, "This page type has no public representation.")
        return page, page_type

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
    def seo(page: Page, page_type: PageType, serializer: ContentSerializer) -> dict[str, Any]:
        return {
            "title": page.seo_title or page.title,
            "description": page.search_description or page_type.description(page),
            "canonical_path": front_end_path(page, serializer.request),
            "json_ld": page_type.json_ld(page, serializer) if page_type.json_ld else {},
        }


def translation_status(page: Page) -> list[dict[str, Any]]:
    """The source is complete; each translation of it says how far it has come."""
    source = page if page.locale.language_code == settings.LANGUAGE_CODE else source_of(page)
    states = translation_states([source]).get(source.translation_key, [])
    return [
        {
            "locale": source.locale.language_code,
            "status": "complete",
            "translated_segments": None,
            "total_segments": None,
        },
        *(
            {
                "locale": state.locale.language_code,
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
    def resolve_route(request, response: HttpResponse, params: Query[ResolveParams]):
        language_code, rest = _split_route(params.path)
        serializer = ContentSerializer(request, locale_chain_or_400(language_code))
        # Wagtail caches each locale's root path (e.g. es -> /home-es/); no query when warm.
        # The API serves one site: the first root Wagtail lists for a language wins.
        roots: dict[str, str] = {}
        for root in Site.get_site_root_paths():
            roots.setdefault(root.language_code, root.root_path)
        page = None
        if language_code in roots:
            page = (
                visible(Page.objects.all(), serializer.restricted)
                .filter(
                    locale__language_code=language_code, url_path=f"{roots[language_code]}{rest}"
                )
                .first()
            )
        if page is None:
            redirect = _redirect_for(request, params.path)
            if redirect is not None:
                return redirect
            raise HttpError(404, f"No page is published at {params.path}.")
        return renderer.render(request, response, page, language_code, serializer)

    @router.get(
        "/{page_id}",
        response={200: PageResponse, **PROBLEM_RESPONSES},
        summary="A page in the reader's locale, or the nearest fallback",
        operation_id="get_page",
    )
    @reject_unknown_params
    def get_page(request, response: HttpResponse, page_id: int, params: Query[PageByIdParams]):
        page = Page.objects.filter(pk=page_id).only("id", "translation_key", "locale").first()
        if page is None:
            raise HttpError(404, f"There is no page with id {page_id}.")
        requested = params.locale or page.locale.language_code
        chain = locale_chain_or_400(requested)
        serializer = ContentSerializer(request, chain)
        candidates = visible(
            Page.objects.filter(translation_key=page.translation_key), serializer.restricted
        ).select_related("locale")
        served = first_in_chain(candidates, chain)
        if served is None:
            raise HttpError(404, f"Page {page_id} is not published in {requested} or a fallback.")
        return renderer.render(request, response, served, requested.lower(), serializer)

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
    (the request's site first; the path as given, then percent-decoded)."""
    redirect = get_redirect(request, Redirect.normalise_path(path, decode_unicode=False))
    if redirect is None or not redirect.link:
        return None
    location = redirect.link
    if redirect.redirect_page is not None:
        location = front_end_path(redirect.redirect_page) or location
    return {
        "kind": "redirect",
        "status": 301 if redirect.is_permanent else 302,
        "location": location,
    }
