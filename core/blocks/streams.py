from wagtail import blocks

from .media import ImageBlock
from .text import CalloutBlock, HeadingBlock, ParagraphBlock


class BaseStreamBlock(blocks.StreamBlock):
    """The blocks every section offers; page sections subclass it and add their own."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    callout = CalloutBlock()
    image = ImageBlock()
