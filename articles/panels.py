"""The Science tab's list of the article's reference keys, which its statistics cite."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class ReferenceKeysPanel(Panel):
    """Read-only: the keys a statistic may cite, as saved under References."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("Reference keys"))
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "articles/panels/reference_keys.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            context["references"] = list(page.references.all()) if page is not None else []
            return context
