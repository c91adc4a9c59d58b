"""The project's URLs plus Wagtail's stock API v2 and the trivial view, for the benchmark only."""

from django.urls import path

from bench.stock_api import build_router
from bench.views import trivial_json
from cms.urls import urlpatterns as project_urlpatterns

stock_api = build_router()

urlpatterns = [
    path("api/v2/", stock_api.urls),
    path("api/bench/trivial", trivial_json, name="bench_trivial"),
    *project_urlpatterns,
]
