"""Word count and reading time, computed from an article's sections rather than typed in."""

import math
from collections.abc import Iterable, Iterator

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
