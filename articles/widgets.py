"""The statistic's reference chooser: a select of the article's own references.

The options are the References tab's current keys and titles in the same editor form, filled
in the browser by reference_chooser.js and kept up to date as references are added, renamed or
deleted. The value stays the reference's key, so stored statistics and the API do not change;
the page's clean() still refuses a key that no reference has.
"""

import copy

from django import forms
from django.templatetags.static import static
from django.utils.functional import cached_property
from wagtail.admin.telepath import register
from wagtail.admin.telepath.widgets import WidgetAdapter

# The options the script adds, and what it says about a key that no reference has (a typed key
# from before the chooser, or a reference deleted or renamed since).
PLACEHOLDER = "Choose one of this article's references"
NOT_LISTED = "(not under References)"
NO_REFERENCES = "No references yet: add the source under References first"


class ReferenceSelect(forms.Select):
    """A select of the article's references; its only server-rendered option is the empty one."""

    def __init__(self, attrs=None):
        attrs = {
            "data-reference-chooser": "",
            "data-placeholder": PLACEHOLDER,
            "data-not-listed": NOT_LISTED,
            "data-no-references": NO_REFERENCES,
            **(attrs or {}),
        }
        super().__init__(attrs=attrs, choices=[("", PLACEHOLDER)])

    def format_value(self, value):
        return [] if value is None else [str(value)]

    def optgroups(self, name, value, attrs=None):
        # Drawn by the server (not by the script), the chosen key is kept as an option. The
        # widget is shared by every form, so the options are a copy's.
        widget = copy.copy(self)
        widget.choices = [("", PLACEHOLDER), *((key, key) for key in value if key)]
        return super(ReferenceSelect, widget).optgroups(name, value, attrs)


class ReferenceSelectAdapter(WidgetAdapter):
    js_constructor = "articles.widgets.ReferenceSelect"

    @cached_property
    def media(self):
        return super().media + forms.Media(js=[static("articles/admin/reference_chooser.js")])


register(ReferenceSelectAdapter(), ReferenceSelect)
