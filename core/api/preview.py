"""Drafts for the front end's preview route: same schema as live pages, never cached.

The token is the one wagtail-headless-preview signs for one page (or one new page under a
parent); it expires after API_PREVIEW_TOKEN_MINUTES. Missing or expired tokens get a 401
problem, forged ones a 403; a token whose page (or, for a new page, whose parent) has been
deleted since gets a 404.
"""

from django.conf import settings
from django.core.signing import BadSignature, SignatureExpired
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field
from wagtail.api.v3.errors import ProblemDetail
from wagtail.models import Page
from wagtail_headless_preview.models import HeadlessPreviewMixin, PagePreview

from core.api.blocks import ContentSerializer
from core.api.links import LocaleSchema
from core.api.pages import PageRenderer
from core.api.params import locale_chain_or_400, reject_unknown_params
from core.api.problems import PROBLEM_RESPONSES


class PreviewParams(Schema):
    content_type: str | None = Field(None, max_length=100, description="As in the preview URL.")
    token: str | None = Field(None, max_length=500, description="As in the preview URL.")


GONE = "The page of this preview no longer exists."


def token_lifetime_seconds() -> int:
    return 60 * settings.API_PREVIEW_TOKEN_MINUTES


def page_for_token(token: str | None):
    if not token:
        raise HttpError(401, "A preview token is required.")
    try:
        signed = HeadlessPreviewMixin.get_preview_signer().unsign(
            token, max_age=token_lifetime_seconds()
        )
    except SignatureExpired as error:
        raise HttpError(
            401, "This preview link has expired; preview again from the editor."
        ) from error
    except BadSignature as error:
        raise HttpError(403, "This preview token is not valid.") from error
    preview = PagePreview.objects.filter(token=token).first()
    if preview is None:
        raise HttpError(403, "This preview token is not valid.")
    # The stored draft outlives its page: a deleted page (or the parent of a new one) must not
    # stay readable through a link that was shared while it existed.
    # Signed as "id=<pk>", or "parent_id=<pk>;page_type=<label>" for a page not yet created.
    identifier = dict(part.split("=", 1) for part in signed.split(";") if "=" in part)
    existing = identifier.get("id") or identifier.get("parent_id")
    if not Page.objects.filter(pk=existing).exists():
        raise HttpError(404, GONE)
    return preview.as_page()


def build_preview_router(renderer: PageRenderer) -> Router:
    router = Router(tags=["preview"])

    @router.get(
        "",
        response={
            200: renderer.preview_schema,
            401: ProblemDetail,
            403: ProblemDetail,
            **PROBLEM_RESPONSES,
        },
        summary="A draft, unsaved changes included, for the front end's preview route",
        operation_id="preview_page",
    )
    @reject_unknown_params
    def preview_page(request: HttpRequest, response: HttpResponse, params: Query[PreviewParams]):
        page = page_for_token(params.token)
        code = page.locale.language_code
        # The same renderer as a publish, on the draft; nothing is stored.
        with translation.override(code):  # the API's words in the page's language, as published
            rendering = renderer.render(page, ContentSerializer(request, locale_chain_or_400(code)))
        response["Cache-Control"] = "private, no-store"
        response["Content-Language"] = code
        return {
            **rendering.body,
            "meta": {
                "requested_locale": LocaleSchema.of(code),
                "served_locale": LocaleSchema.of(code),
                "fallback": False,
            },
        }

    return router
