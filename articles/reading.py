"""Word count and reading time, computed from an article's sections rather than typed in."""

import math
from collections.abc import Iterable, Iterator

from wagtail import blocks
from wagtail.rich_text import RichText, get_text_for_indexing

WORDS_PER_MINUTE = 200


def prose_in_block(block: blocks.Block, value) -> Iterator[str]:
    """Yield the reader-facing text inside a block value, whatever the block's structure.

    Only text blocks count (CharBlock, TextBlock, RichTextBlock): codes, keys, choices and
    figures (ChoiceBlock, RegexBlock, URLBlock...) are not prose a reader reads through.
    """
    if value is None:
        return
    if isinstance(block, blocks.StreamBlock):
        for child in value:
            yield from prose_in_block(child.block, child.value)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            yield from prose_in_block(child_block, value.get(name))
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from prose_in_block(block.child_block, item)
    elif isinstance(block, blocks.RichTextBlock):
        source = value.source if isinstance(value, RichText) else str(value)
        yield get_text_for_indexing(source)
    elif isinstance(block, blocks.CharBlock | blocks.TextBlock):
        yield str(value)


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
