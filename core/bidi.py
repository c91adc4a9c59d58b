"""Mixed-direction text in the admin's messages.

A language name, a title or a number inserted into a sentence takes the direction of its own
letters: "Saved as drafts, not published: العربية" or "0 العربية: overdue" reorder around an
Arabic name. Plain-text messages wrap each inserted value in Unicode isolates (U+2068 FIRST STRONG
ISOLATE ... U+2069 POP DIRECTIONAL ISOLATE); HTML wraps it in `<bdi>`.
"""

from django.utils.html import format_html

FSI, PDI = "\u2068", "\u2069"


def isolate(value) -> str:
    """`value` as text isolated from the sentence around it (plain-text messages)."""
    text = str(value)
    if text.startswith(FSI) and text.endswith(PDI):
        return text
    return f"{FSI}{text}{PDI}"


def isolate_all(values) -> str:
    """A comma-separated list of values, each isolated."""
    return ", ".join(isolate(value) for value in values)


def bdi(value) -> str:
    """`value` escaped inside `<bdi>` (HTML messages and templates)."""
    return format_html("<bdi>{}</bdi>", value)
