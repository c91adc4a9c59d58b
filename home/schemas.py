"""What the delivery API shows of the home page and the site as a whole."""

from typing import Literal

from ninja import Schema
from pydantic import Field

from core.api.images import ImageSchema
from core.api.links import LocaleSchema, PageLinkSchema
from core.api.safety import SafetySchema


class HomeContent(Schema):
    type: Literal["home.HomePage"]
    hero_heading: str
    hero_text: str
    hero_image: ImageSchema | None
    featured_articles: list[PageLinkSchema]
    articles_page: PageLinkSchema | None
    providers_page: PageLinkSchema | None


class SiteLocaleSchema(LocaleSchema):
    name: str
    home_path: str | None
    home_url: str | None = Field(
        description="The site's base URL in this locale (its home page, absolute), from the "
        "Wagtail site's hostname and port."
    )


class NavigationLinkSchema(PageLinkSchema):
    fallback: bool = Field(
        description="True when the section has no translation in the served locale and links "
        "to the page in the next locale of the chain (the source language at the end)."
    )


class SiteSchema(Schema):
    name: str
    default_locale: LocaleSchema
    requested_locale: LocaleSchema
    served_locale: LocaleSchema
    locales: list[SiteLocaleSchema]
    navigation: list[NavigationLinkSchema] = Field(
        description="The home page, then one entry per menu section in the source language's "
        "order, the same in every locale."
    )
    safety: SafetySchema | None
