"""The editor's own script and styles, on every page editor."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_editor_js")
def editor_js() -> str:
    return format_html('<script src="{}"></script>', static("editorial/admin/editor.js"))


@hooks.register("insert_global_admin_css")
def editor_css() -> str:
    return format_html('<link rel="stylesheet" href="{}">', static("editorial/admin/editor.css"))
