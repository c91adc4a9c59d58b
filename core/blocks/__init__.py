"""The shared block library: blocks that more than one page type or section uses.

Import blocks from their modules (`core.blocks.text`, `core.blocks.media`, `core.blocks.streams`).
"""
