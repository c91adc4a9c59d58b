"""Editors preview drafts, unsaved changes included, in the front end for the page's locale.

Built on wagtail-headless-preview: Wagtail's preview button stores the unsaved page as a
PagePreview and opens the configured front end with a signed token; the front end reads the draft
from the delivery API (`/api/v1/preview`), in the same schema as live pages. Without a configured
front end, or in the "HTML" preview mode, Wagtail's own template preview is shown instead.
"""

from django.conf import settings
from wagtail_headless_preview.models import HeadlessPreviewMixin


def client_url_for(language_code: str) -> str | None:
    """The front end's preview URL for a locale, from PREVIEW_CLIENT_URLS."""
    urls = getattr(settings, "PREVIEW_CLIENT_URLS", {})
    return urls.get(language_code) or urls.get("default")


class FrontEndPreviewMixin(HeadlessPreviewMixin):
    """Preview in the reader-facing front end of the page's own locale."""

    @property
    def preview_modes(self):
        return [("", "Front end"), ("html", "HTML (without the front end)")]

    def get_client_root_url(self, request) -> str:
        url = client_url_for(self.locale.language_code) or ""
        return url.rstrip("/") + "/"

    def serve_preview(self, request, mode_name):
        if mode_name == "html" or not client_url_for(self.locale.language_code):
            # Skip the headless mixin: Wagtail renders the page's template.
            return super(HeadlessPreviewMixin, self).serve_preview(request, mode_name)
        return super().serve_preview(request, mode_name)
