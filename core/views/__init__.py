"""Admin views of the shared app; registered in core/wagtail_hooks.py."""
