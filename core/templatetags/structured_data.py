"""`{% json_ld page %}`: the page's schema.org JSON-LD (as the API serves it) in a script tag."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from core.api.blocks import ContentSerializer
from core.api.pages import page_renderer

register = template.Library()

# Inside <script> the HTML parser only looks for "</script" and "<!--"; escaping <, > and &
# as JSON escapes (which JSON readers decode back) leaves it nothing to find, whatever the
# content says.
_SCRIPT_SAFE = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def json_ld_script(data: dict) -> SafeString:
    """A `<script type="application/ld+json">` that no string in `data` can break out of."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_SAFE)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


@register.simple_tag(takes_context=True)
def json_ld(context, page) -> SafeString | str:
    page_type = page_renderer().page_types.get(type(getattr(page, "specific", page)))
    if page_type is None or page_type.json_ld is None:
        return ""
    serializer = ContentSerializer(context.get("request"), [page.locale.language_code])
    return json_ld_script(page_type.json_ld(page.specific, serializer))
