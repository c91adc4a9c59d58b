"""Marks blocks an editor published untranslated with the source's language and direction, so
browsers and screen readers do not read English as Arabic."""

from django import template
from django.conf import settings
from django.utils.html import format_html

from core.translation_provenance import provenance

register = template.Library()


@register.simple_tag(takes_context=True)
def block_language(context, block) -> str:
    """` lang="en" dir="ltr"` for a block left in the source language, else nothing."""
    page = context.get("page")
    if page is None or page.locale.language_code == settings.LANGUAGE_CODE:
        return ""
    if "_provenance" not in context.render_context:
        # Once per page render: the page served is its live revision's object.
        revision = getattr(page, "live_revision", None)
        context.render_context["_provenance"] = provenance(page, revision)
    made = context.render_context["_provenance"]
    if made is None or block.id not in made.untranslated:
        return ""
    return format_html(' lang="{}" dir="{}"', made.source_language, made.source_direction)
