from django.middleware.locale import LocaleMiddleware
from wagtail.contrib.redirects.middleware import RedirectMiddleware


class ContentLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except that the API answers its own 404s.

    Without this, a 404 problem response from /api/ would become a redirect to /en/api/...,
    because Wagtail's catch-all route is valid under every language prefix.
    """

    def process_request(self, request):
        if request.path.startswith("/api/"):
            return None
        return super().process_request(request)

    def process_response(self, request, response):
        if request.path.startswith("/api/"):
            return response
        return super().process_response(request, response)


class ReaderRedirectMiddleware(RedirectMiddleware):
    """Wagtail's redirects, for reader pages only: the API answers moved routes itself
    (`/pages/resolve` returns a redirect), so its 404s cost no redirect lookups."""

    def process_response(self, request, response):
        if request.path.startswith("/api/"):
            return response
        return super().process_response(request, response)
