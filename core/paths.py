"""Pages' paths as readers and front ends see them."""

from django.http import HttpRequest
from wagtail.models import Page


def front_end_path(page: Page, request: HttpRequest | None = None) -> str:
    """The page's path as front ends route it, e.g. /es/articles/ketamina/."""
    url_parts = page.get_url_parts(request=request)
    if url_parts is None or url_parts[2] is None:
        return ""
    return url_parts[2]
