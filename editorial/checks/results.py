"""The content checks' public API: what is wrong with a page, and what blocks its publishing."""

from wagtail.models import Page

from articles.models import ArticlePage
from editorial.checks.articles import article_errors, check_article
from editorial.checks.base import ContentCheck, Level, errors_first
from editorial.checks.providers import check_provider
from providers.models import ProviderPage

__all__ = [
    "ContentCheck",
    "Level",
    "check_article",
    "check_page",
    "check_provider",
    "publishing_errors",
]


def check_page(page: Page) -> list[ContentCheck]:
    """Every problem in a page of any type, errors first; empty for types without checks."""
    page = page.specific if type(page) is Page else page
    if isinstance(page, ArticlePage):
        return errors_first(check_article(page))
    if isinstance(page, ProviderPage):
        return errors_first(check_provider(page))
    return []


def publishing_errors(page: Page) -> list[ContentCheck]:
    """The problems that must be fixed before this page (of any type) may be published."""
    page = page.specific if type(page) is Page else page
    if isinstance(page, ArticlePage):
        return article_errors(page)
    return []
