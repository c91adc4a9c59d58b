"""What the delivery API shows of the home page and the site as a whole."""

from typing import Literal

from ninja import Schema

from core.api.images import ImageSchema
from core.api.links import PageLinkSchema
from core.api.safety import SafetySchema


class HomeContent(Schema):
    type: Literal["home.HomePage"]
    hero_heading: str
    hero_text: str
    hero_image: ImageSchema | None
    featured_articles: list[PageLinkSchema]
    articles_page: PageLinkSchema | None
    providers_page: PageLinkSchema | None


class SiteLocaleSchema(Schema):
    code: str
    name: str
    direction: Literal["ltr", "rtl"]
    home_path: str | None


class SiteSchema(Schema):
    name: str
    default_locale: str
    requested_locale: str
    served_locale: str
    locales: list[SiteLocaleSchema]
    navigation: list[PageLinkSchema]
    safety: SafetySchema | None
