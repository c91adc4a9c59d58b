"""The benchmark's settings (`make bench`): production-like serving plus Wagtail's stock API v2.

DEBUG is off and nothing is logged per query, as in production. Wagtail's API v2 is mounted at
/api/v2/ by bench/urls.py, for comparison only: the project itself never serves it. Never deploy
with these settings.
"""

from pathlib import Path

import dj_database_url

from .base import *  # noqa: F403
from .env import env_int, env_str

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY", "django-insecure-bench-only-key")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
ROOT_URLCONF = "bench.urls"

INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.api.v2", "rest_framework"]  # noqa: F405

# The dataset lives in its own database: BENCH_DATABASE_URL (which `python -m bench` sets: a
# SQLite file per dataset size, var/bench/bench-<articles>.sqlite3, unless DATABASE_URL is set),
# else DATABASE_URL, else the default dataset's file.
BENCH_DIR = Path(env_str("BENCH_DIR", str(VAR_DIR / "bench")))  # noqa: F405
BENCH_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        env_str("BENCH_DATABASE_URL")
        or env_str("DATABASE_URL")
        or f"sqlite:///{BENCH_DIR / 'bench-500.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
prepared_reads(DATABASES["default"])  # noqa: F405
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # A disposable database: no fsync on every commit (the build commits thousands of rows).
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = "PRAGMA synchronous=OFF;"
MEDIA_ROOT = Path(env_str("BENCH_MEDIA_ROOT", str(BENCH_DIR / "media")))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405 (whitenoise warns when it is missing)

# Per-process local memory unless REDIS_URL is set (see base.py), large enough for a response per
# article and locale (local memory keeps 300 entries by default and culls beyond). The delivery
# API's response cache is off unless the benchmark turns it on for its "warm" server.
for cache in CACHES.values():  # noqa: F405
    if cache["BACKEND"].endswith("LocMemCache"):
        cache.setdefault("OPTIONS", {})["MAX_ENTRIES"] = 100_000
API_RESPONSE_CACHE_SECONDS = env_int("API_RESPONSE_CACHE_SECONDS", 0)

# The benchmark only reads: building its dataset skips search and reference indexing, which
# Wagtail runs as background tasks.
TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}

# Stock API v2 renders rich text as front-end HTML (links resolved to URLs), as ours does, so
# that both APIs do comparable work. Its default, "db_html", would leave that to the client.
WAGTAILAPI_RICH_TEXT_FORMAT = env_str("WAGTAILAPI_RICH_TEXT_FORMAT", "html")
WAGTAILAPI_BASE_URL = "http://127.0.0.1"
WAGTAILAPI_LIMIT_MAX = 50

LOGGING = {
    **LOGGING,  # noqa: F405
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
