"""Media URLs as readers load them: absolute, from the public media base.

A front end on another origin cannot load `/media/...`. Relative URLs from storage are joined to
`MEDIA_PUBLIC_URL` (a CDN, or by default the origin serving the API); documents served through
Wagtail's view (`/documents/<id>/<file>`, which checks collection privacy) are joined to
`API_PUBLIC_URL`, where that view runs. A storage that already answers absolute URLs (S3, a
CDN through django-storages) is left as it is.
"""

from urllib.parse import urlsplit

from django.conf import settings


def _is_absolute(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme and parts.netloc) or url.startswith("//")


def _join(base: str, url: str) -> str:
    return f"{base.rstrip('/')}/{url.lstrip('/')}"


def api_origin() -> str:
    return getattr(settings, "API_PUBLIC_URL", None) or settings.WAGTAILADMIN_BASE_URL


def media_origin() -> str:
    return getattr(settings, "MEDIA_PUBLIC_URL", None) or api_origin()


def public_media_url(url: str) -> str:
    """A URL storage gave for a media file (image, rendition, direct document), made absolute."""
    return url if _is_absolute(url) else _join(media_origin(), url)


def public_document_url(document) -> str:
    """Where readers download a document: the file itself when documents are served directly,
    otherwise Wagtail's serving view on the API's origin."""
    url = document.url
    if _is_absolute(url):
        return url
    media_url = settings.MEDIA_URL or ""
    if media_url and url.startswith(media_url):
        return _join(media_origin(), url)
    return _join(api_origin(), url)
