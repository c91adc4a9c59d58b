"""The article's section blocks, one module per section: story, science and guidance.

Each section's StreamBlock extends core.blocks.streams.BaseStreamBlock (heading, paragraph,
callout, image) with the blocks that only that section needs.

Optional text children default to "" rather than None, so that wagtail-localize can extract them
even from content stored before the child existed or written by a script that left them out.
"""

from .guidance import GuidanceStreamBlock
from .science import ScienceStreamBlock, StatisticBlock
from .story import StoryStreamBlock

__all__ = ["GuidanceStreamBlock", "ScienceStreamBlock", "StatisticBlock", "StoryStreamBlock"]
