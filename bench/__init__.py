"""The delivery API's benchmark against Wagtail's stock API v2: `make bench` or `python -m bench`.

See docs/performance.md for what it measures, how, and the latest results.
"""
