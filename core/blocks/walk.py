"""Walking a block value: every block inside it, however deeply nested."""

from collections.abc import Iterator
from typing import Any

from wagtail import blocks


def walk(block: blocks.Block, value: Any) -> Iterator[tuple[blocks.Block, Any]]:
    """Yield `(block, value)` for the value itself and every block value nested inside it."""
    if value is None:
        return
    yield block, value
    if isinstance(block, blocks.StreamBlock):
        for child in value:
            yield from walk(child.block, child.value)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            yield from walk(child_block, value.get(name))
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from walk(block.child_block, item)
