from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag(takes_context=True)
def cite(context, key: str) -> str:
    """A numbered citation linking to the reference with `key` in the page's reference list.

    Outside an article (e.g. a block preview) there is no list to number from, so the key is shown.
    """
    page = context.get("page")
    numbers = getattr(page, "reference_numbers", None) or {}
    number = numbers.get(key)
    label = number if number is not None else key
    return format_html(
        '<sup class="citation"><a href="#ref-{}" aria-label="Reference {}">[{}]</a></sup>',
        key,
        label,
        label,
    )
