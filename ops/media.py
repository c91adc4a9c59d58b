"""/media/ on a single server: uploaded images and renditions served from MEDIA_ROOT.

Wagtail names rendition files after their content's filter and a hash, and an original is never
overwritten in place, so responses may be cached for a long time. Documents are served by
Wagtail's own view (/documents/), which checks privacy; their files are not listed here.
"""

import posixpath

from django.conf import settings
from django.http import Http404
from django.views.decorators.http import require_safe
from django.views.static import serve

#: Folders under MEDIA_ROOT that readers may fetch: Wagtail's originals and renditions.
PUBLIC_FOLDERS = ("original_images/", "images/")
CACHE_SECONDS = 60 * 60 * 24 * 30


@require_safe
def media(request, path: str):
    """A public image file, or 404 (also for any path that climbs out of its folder)."""
    path = posixpath.normpath(path)
    if path.startswith(("..", "/")) or not path.startswith(PUBLIC_FOLDERS):
        raise Http404("Not a public media file.")
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    # Images only; a browser must not run a file as a page even if one were uploaded here.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
