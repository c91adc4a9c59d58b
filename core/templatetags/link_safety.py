"""Template filters that keep unsafe links (core.links_safety) out of the HTML readers get."""

from django import template
from django.utils.safestring import SafeString, mark_safe
from wagtail.templatetags.wagtailcore_tags import richtext

from core.links_safety import safe_href as _safe_href
from core.links_safety import strip_unsafe_links

register = template.Library()


@register.filter
def safe_href(value: str | None) -> str:
    """`{{ line.url|safe_href }}`: the link, or "" when readers must not follow it."""
    return _safe_href(value)


@register.filter
def safe_richtext(value) -> SafeString:
    """`{{ page.description|safe_richtext }}`: Wagtail's `richtext`, without unsafe links."""
    return mark_safe(strip_unsafe_links(str(richtext(value))))  # noqa: S308  (rendered by Wagtail)
