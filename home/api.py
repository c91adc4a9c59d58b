"""The home page and site-wide settings in the delivery API."""

import json
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Query, Router
from wagtail.models import Page, Site

from core.api.blocks import ContentSerializer
from core.api.cache import tag
from core.api.links import LocaleSchema, page_link
from core.api.listings import JSON_CONTENT_TYPE
from core.api.pages import PageType
from core.api.params import LocaleParams, locale_chain_or_400, reject_unknown_params
from core.api.problems import PROBLEM_RESPONSES
from core.api.safety import safety_for
from core.events import SAFETY_TAG, ContentChange, content_changed, content_rendering, type_tag
from core.locales import best_per_key, content_language_codes, first_in_chain, locale_info
from core.paths import front_end_path
from core.snapshots.models import SiteSnapshot
from core.visibility import visible
from home.models import HomePage
from home.schemas import HomeContent, SiteSchema


def build_home_content(page: HomePage, serializer: ContentSerializer) -> dict[str, Any]:
    featured = [featured.article_id for featured in page.featured_articles.all()]
    serializer.prepare(
        images=[page.hero_image],
        page_ids=[*featured, page.articles_page_id, page.providers_page_id],
    )
    return {
        "type": "home.HomePage",
        "hero_heading": page.hero_heading,
        "hero_text": page.hero_text,
        "hero_image": serializer.images.serialize(page.hero_image, alt=page.hero_alt),
        "featured_articles": [
            link for link in (serializer.links.link(page_id) for page_id in featured) if link
        ],
        "articles_page": serializer.links.link(page.articles_page_id),
        "providers_page": serializer.links.link(page.providers_page_id),
    }


PAGE_TYPES = [
    PageType(
        model=HomePage,
        content_schema=HomeContent,
        build_content=build_home_content,
        optimise=lambda queryset: queryset.select_related("hero_image").prefetch_related(
            "featured_articles"
        ),
        description=lambda page: page.hero_text,
    )
]


def menu_in_chain(
    source_home: Page, chain: list[str], restricted: list[str], home: Page
) -> list[tuple[Page, bool]]:
    """The source home's menu pages in the source's order, each in the best locale of `chain`
    and flagged when that is not the served home's locale (an untranslated section). One query:
    the source pages are candidates too, since every chain ends with the source language."""
    source_menu = visible(source_home.get_children(), restricted).filter(show_in_menus=True)
    candidates = list(
        visible(Page.objects.all(), restricted)
        .filter(
            translation_key__in=source_menu.values("translation_key"),
            locale__language_code__in=chain,
        )
        .select_related("locale")
        .order_by("path")
    )
    order = {
        page.translation_key: page.path
        for page in candidates
        if page.locale.language_code == source_home.locale.language_code
    }
    best = best_per_key(candidates, chain, key=lambda page: page.translation_key)
    served = home.locale.language_code
    return [
        (page, page.locale.language_code != served)
        for key, page in sorted(best.items(), key=lambda item: order.get(item[0], ""))
    ]


router = Router(tags=["site"])


@router.get(
    "",
    response={200: SiteSchema, **PROBLEM_RESPONSES},
    summary="Locales, navigation, crisis resources and the disclaimer for a locale",
    operation_id="get_site",
)
@reject_unknown_params
def get_site(request: HttpRequest, params: Query[LocaleParams]):
    chain = locale_chain_or_400(params.locale)
    # Navigation lists the home page and its menu children; any of them may change.
    tag(request, *site_tags())
    stored = stored_site(request, chain)
    requested = json.dumps(LocaleSchema.of(params.locale.lower()).model_dump())
    # Served as stored (validated against SiteSchema when it was stored), with what the reader
    # asked for added.
    return HttpResponse(
        f'{{"requested_locale": {requested}, {stored.lstrip()[1:]}', content_type=JSON_CONTENT_TYPE
    )


def site_tags() -> set[str]:
    """What the site endpoint shows: safety information, home pages and their menu pages."""
    models = (HomePage, *HomePage.allowed_subpage_models())
    return {SAFETY_TAG, *(type_tag(model) for model in models)}


def site_snapshot_seconds() -> int:
    """The longest a stored site answer is served: changes delete it at once, this bounds what
    a read that raced a change could have stored."""
    return getattr(settings, "SITE_SNAPSHOT_SECONDS", 300)


def stored_site(request: HttpRequest, chain: list[str]) -> str:
    """The site answer for readers of `chain` (less `requested_locale`) as JSON text: one query
    when stored, built and stored otherwise."""
    key = ",".join(chain)
    now = timezone.now()
    fresh_since = now - timedelta(seconds=site_snapshot_seconds())
    stored = (
        SiteSnapshot.objects.filter(chain=key, rendered_at__gt=fresh_since)
        .values_list("body", flat=True)
        .first()
    )
    if stored is not None:
        return stored
    body = SiteSchema.model_validate(
        {**site_body(request, chain), "requested_locale": LocaleSchema.of(chain[0])}
    ).model_dump(mode="json", exclude={"requested_locale"})
    text = json.dumps(body)
    SiteSnapshot.objects.update_or_create(chain=key, defaults={"body": text, "rendered_at": now})
    return text


def site_body(request: HttpRequest, chain: list[str]) -> dict[str, Any]:
    """The site endpoint's answer for readers of `chain`, less `requested_locale` (six
    queries)."""
    site = Site.objects.select_related("root_page").get(is_default_site=True)
    serializer = ContentSerializer(request, chain)
    homes = {
        home.locale.language_code: home
        for home in visible(
            Page.objects.filter(translation_key=site.root_page.translation_key),
            serializer.restricted,
        ).select_related("locale")
    }
    home = first_in_chain(homes.values(), chain)
    navigation = []
    if home is not None:
        source = homes.get(settings.LANGUAGE_CODE, home)
        navigation = [(home, False), *menu_in_chain(source, chain, serializer.restricted, home)]
    safety = safety_for(serializer)
    return {
        "name": site.site_name or settings.WAGTAIL_SITE_NAME,
        "default_locale": LocaleSchema.of(settings.LANGUAGE_CODE),
        "served_locale": LocaleSchema.of(home.locale.language_code if home else chain[-1]),
        "locales": [
            {
                "code": code,
                "name": locale_info(code).name,
                "direction": locale_info(code).direction,
                "home_path": front_end_path(homes[code], request) if code in homes else None,
                "home_url": homes[code].get_full_url(request) if code in homes else None,
            }
            for code in content_language_codes()
        ],
        "navigation": [
            {**page_link(page, request).dict(), "fallback": fallback}
            for page, fallback in navigation
        ],
        "safety": safety,
    }


def forget_site_snapshots(sender=None, change: ContentChange | None = None, **kwargs) -> None:
    """What the site endpoint shows changed: its stored answers go, at once (in the editor's
    transaction) and again once the change is committed (what a read made meanwhile stored)."""
    if change is None or change.tags & site_tags():
        SiteSnapshot.objects.all().delete()


def watch_site() -> None:
    """Delete stored site answers when a change touches them (home's AppConfig.ready())."""
    content_rendering.connect(forget_site_snapshots, dispatch_uid="home.site.rendering")
    content_changed.connect(forget_site_snapshots, dispatch_uid="home.site.changed")
    for signal in (post_save, post_delete):
        # The site's name, hostname and root page.
        signal.connect(
            forget_site_snapshots, sender=Site, dispatch_uid=f"home.site.{signal is post_save}"
        )
