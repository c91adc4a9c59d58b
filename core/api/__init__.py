"""API primitives that every app's router uses: errors, images, rich text, links, blocks, caching.

Import from the modules (`core.api.images`, `core.api.blocks`, ...).
"""
