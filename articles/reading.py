"""Word count and reading time, computed from an article's sections rather than typed in."""

import math
from collections.abc import Iterable, Iterator

from django.utils.translation import gettext_lazy, ngettext
from wagtail import blocks
from wagtail.rich_text import RichText, get_text_for_indexing

from core.blocks.walk import walk

WORDS_PER_MINUTE = 200


def prose_in_block(block: blocks.Block, value) -> Iterator[str]:
    """Yield the reader-facing text inside a block value, whatever the block's structure.

    Only text blocks count (CharBlock, TextBlock, RichTextBlock): codes, keys, choices and
    figures (ChoiceBlock, RegexBlock, URLBlock...) are not prose a reader reads through.
    """
    for child_block, child_value in walk(block, value):
        if isinstance(child_block, blocks.RichTextBlock):
            source = child_value.source if isinstance(child_value, RichText) else str(child_value)
            yield get_text_for_indexing(source)
        elif isinstance(child_block, blocks.CharBlock | blocks.TextBlock):
            yield str(child_value)


def count_words(streams: Iterable[blocks.StreamValue]) -> int:
    """The number of words readers read in the given StreamField values."""
    return sum(
        len(text.split())
        for stream in streams
        for text in prose_in_block(stream.stream_block, stream)
    )


def reading_time_minutes(word_count: int) -> int:
    """Minutes to read `word_count` words at an unhurried pace; never less than one."""
    return max(1, math.ceil(word_count / WORDS_PER_MINUTE))


# Readers' words for an article's parts, in the active language (the page's, when rendered).
SECTION_TITLES = {
    "story": gettext_lazy("Story"),
    "science": gettext_lazy("The science"),
    "guidance": gettext_lazy("Guidance"),
}
FSI, PDI = "\u2068", "\u2069"  # Unicode first-strong isolate and its end


def reading_time_label(minutes: int) -> str:
    """'6 minute read' in the active language, the number isolated so that it keeps its place
    in right-to-left text ("minute read 6" otherwise, once a left-to-right word follows)."""
    return ngettext("%(minutes)s minute read", "%(minutes)s minute read", minutes) % {
        "minutes": f"{FSI}{minutes}{PDI}"
    }


def article_labels(reading_time_minutes: int) -> dict[str, str]:
    """The words the API adds to an article, for front ends that have no catalog of their own."""
    return {
        **{name: str(title) for name, title in SECTION_TITLES.items()},
        "references": str(gettext_lazy("References")),
        "reading_time": reading_time_label(reading_time_minutes),
    }
