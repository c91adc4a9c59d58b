from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.api import api
from ops.health import healthz
from ops.metrics import metrics_view

urlpatterns = [
    # Answered by ops.middleware.HealthCheckHostMiddleware for any Host; routed for reverse().
    path("healthz", healthz, name="healthz"),
    path("metrics", metrics_view, name="metrics"),
    path("api/v1/", api.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.SERVE_MEDIA:
    # Local files (MEDIA_STORAGE=local, the single-server default); object storage serves its own.
    from ops.media import media

    prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns.append(path(f"{prefix}<path:path>", media, name="media"))

# Wagtail serves every other path under a language prefix (/en/, /es/, /ar/), the same paths
# that front ends use, so that page.url and the API agree.
urlpatterns += i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=True)
