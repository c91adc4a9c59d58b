"""Every article block is documented for editors and previews without a page around it."""

import pytest
from wagtail import blocks

from articles.blocks import GuidanceStreamBlock, ScienceStreamBlock, StoryStreamBlock
from core.blocks.streams import BaseStreamBlock

SHARED = set(BaseStreamBlock.base_blocks)
SECTION_BLOCKS = [
    (section.__name__, name, block)
    for section in (StoryStreamBlock, ScienceStreamBlock, GuidanceStreamBlock)
    for name, block in section().child_blocks.items()
    if name not in SHARED
]


def with_list_items(block: blocks.Block):
    """The block and, for structs, the item blocks of its lists (checklist items, mechanisms...)."""
    yield block
    for child in getattr(block, "child_blocks", {}).values():
        if isinstance(child, blocks.ListBlock) and isinstance(
            child.child_block, blocks.StructBlock
        ):
            yield child.child_block


@pytest.mark.parametrize(("section", "name", "block"), SECTION_BLOCKS)
def test_each_block_has_a_full_meta(section, name, block):
    for each in with_list_items(block):
        meta = each.meta
        assert each.__class__.__doc__, f"{each.__class__.__name__} needs a docstring"
        for option in ("icon", "template", "label", "description", "preview_value"):
            assert getattr(meta, option, None) is not None, f"{each.__class__.__name__}.{option}"


@pytest.mark.django_db
@pytest.mark.parametrize(("section", "name", "block"), SECTION_BLOCKS)
def test_each_block_renders_its_preview_value(section, name, block):
    for each in with_list_items(block):
        value = each.get_preview_value()
        html = each.render(value)
        if name != "related_reading":  # its preview chooses no articles, so it renders nothing
            assert html.strip(), f"{each.__class__.__name__} rendered nothing"
