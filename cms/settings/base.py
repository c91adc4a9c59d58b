"""Settings shared by every environment. Secrets and DEBUG never live here."""

from pathlib import Path

import dj_database_url

from .env import env_bool, env_int, env_list, env_str, env_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "core",
    "home",
    "articles",
    "providers",
    "webhooks",
    "editorial",
    "ops",
    "demo",
    "wagtail_localize",
    "wagtail_headless_preview",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "corsheaders",
    "django_tasks",
    "django_tasks_db",
    "axes",
]

MIDDLEWARE = [
    # First: load balancers ask for /healthz with any Host (ops/middleware.py).
    "ops.middleware.HealthCheckHostMiddleware",
    "ops.middleware.RequestIdMiddleware",
    "ops.metrics.MetricsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "core.api.http.ApiProtocolMiddleware",
    "core.api.http.ApiHttpCacheMiddleware",
    "core.api.cache.ApiResponseCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.ContentLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.middleware.ReaderRedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

# django-axes counts failed sign-ins (the Wagtail admin's login form among them) and refuses a
# username from an address after AXES_FAILURE_LIMIT failures, even with the right password,
# until AXES_COOLOFF_TIME has passed (or `manage.py axes_reset_username <name>`). It must come
# first: it refuses before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_HOURS", 1)
# Username and address together: a stranger cannot lock a colleague out from elsewhere.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "cms" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite under var/ unless DATABASE_URL names another (PostgreSQL in production).
if not env_str("DATABASE_URL"):
    VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}


def prepared_reads(database: dict) -> dict:
    """PostgreSQL prepares the reads every reader's request runs (core/snapshots/statements.py;
    Django's own queries are bound on the client and never prepared). DATABASE_PREPARED_READS=off
    turns it off, for a pooler that cannot keep prepared statements (PgBouncer before 1.21 in
    transaction mode).

    They are planned once, for any values (`plan_cache_mode`): left to choose, PostgreSQL kept
    planning them per request, which cost more than running them. It changes nothing else, as
    nothing else is prepared."""
    if database["ENGINE"].endswith("postgresql") and env_bool("DATABASE_PREPARED_READS", True):
        options = database.setdefault("OPTIONS", {})
        options["prepare_threshold"] = 1
        startup = [options.get("options", ""), "-c plan_cache_mode=force_generic_plan"]
        options["options"] = " ".join(filter(None, startup))
    return database


prepared_reads(DATABASES["default"])
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set, otherwise per-process local memory.
REDIS_URL = env_str("REDIS_URL")
# Seconds to connect to and to hear from Redis; a Redis on the same network answers in about 1 ms.
_redis_timeout = env_int("REDIS_TIMEOUT_MS", 50) / 1000
if REDIS_URL:
    CACHES = {
        "default": {
            # A Redis outage degrades to uncached answers instead of errors, and costs a read at
            # most one socket timeout: after a failure the breaker skips Redis for
            # REDIS_BREAKER_SECONDS and logs one warning (core/cache_breaker.py).
            "BACKEND": "core.cache_breaker.BreakerRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "healthcms"),
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": False,  # the breaker catches them
                "SOCKET_CONNECT_TIMEOUT": _redis_timeout,
                "SOCKET_TIMEOUT": _redis_timeout,
                "BREAKER_SECONDS": env_int("REDIS_BREAKER_SECONDS", 30),
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            # Room for a site's worth of API responses (Django's default keeps 300).
            "OPTIONS": {"MAX_ENTRIES": env_int("LOCAL_CACHE_MAX_ENTRIES", 5000)},
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: English is the source language; Spanish and Arabic (right-to-left)
# are translated with wagtail-localize.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("es", "Español"),
    ("ar", "العربية"),
]
# An edit made after an approval sends the article back through every workflow step, so
# readers never get words a medical reviewer has not seen (editorial/publishing.py).
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
# The workflow's last approval publishes a reviewed article, checking its rules first.
WAGTAIL_FINISH_WORKFLOW_ACTION = "editorial.workflow_finish.publish_approved_workflow_state"

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Where readers go when a page is not translated into their language; every chain ends with
# LANGUAGE_CODE. Regional variants fall back to their base language (es-mx -> es) on their own.
CONTENT_LOCALE_FALLBACKS: dict[str, list[str]] = {"ar": ["en"], "es": ["en"]}
TIME_ZONE = "UTC"
USE_I18N = True
# The project's own catalogs: reader-facing labels in every content language (docs/translation.md).
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_TZ = True

# Static files are served by whitenoise; media lives under var/media unless configured.
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
MEDIA_URL = env_str("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploaded images and documents: local files under MEDIA_ROOT, served at /media/ by the app
# (one server), or an S3-compatible bucket (several servers; django-storages), whose files are
# fetched from AWS_S3_CUSTOM_DOMAIN (a CDN or the bucket's public domain) when it is set.
MEDIA_STORAGE = (env_str("MEDIA_STORAGE", "local") or "local").lower()
if MEDIA_STORAGE == "s3":
    from .env import env_required

    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_required("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL"),
            "region_name": env_str("AWS_S3_REGION_NAME"),
            # Unset, boto3 finds credentials itself (an instance role, ~/.aws).
            "access_key": env_str("AWS_ACCESS_KEY_ID"),
            "secret_key": env_str("AWS_SECRET_ACCESS_KEY"),
            "custom_domain": env_str("AWS_S3_CUSTOM_DOMAIN"),
            "location": env_str("AWS_S3_LOCATION", ""),
            # Images are public: plain URLs that a CDN can cache, not expiring signed ones.
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
            "file_overwrite": False,
        },
    }
elif MEDIA_STORAGE != "local":
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(f"MEDIA_STORAGE must be local or s3, not {MEDIA_STORAGE!r}.")
#: The app serves MEDIA_ROOT at MEDIA_URL itself (ops/media.py) when files are local.
SERVE_MEDIA = MEDIA_STORAGE == "local" and MEDIA_URL.startswith("/")

# Complex page models exceed Django's default form field limit in Wagtail's editor.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = env_str("WAGTAIL_SITE_NAME", "Health CMS")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Avatars are Wagtail's own default image or one the user uploads, served by us: Gravatar's
# pictures did not load on closed networks (a broken image in every header and listing) and
# would tell Gravatar who uses the admin.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]

SECURE_CONTENT_TYPE_NOSNIFF = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # One line per background task is noise; failures still log at WARNING and above.
        "django_tasks": {"level": "WARNING"},
    },
}

# Development prints emails; production sends them by SMTP (cms/settings/production.py).
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

# Delivery API (/api/v1/)
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
API_CACHE_MAX_AGE = env_int("API_CACHE_MAX_AGE", 60)
API_CACHE_S_MAXAGE = env_int("API_CACHE_S_MAXAGE", 300)
API_CACHE_STALE_WHILE_REVALIDATE = env_int("API_CACHE_STALE_WHILE_REVALIDATE", 600)
API_IMAGE_WIDTHS = [int(width) for width in env_list("API_IMAGE_WIDTHS", ["480", "960", "1440"])]
API_IMAGE_DEFAULT_WIDTH = env_int("API_IMAGE_DEFAULT_WIDTH", 960)
API_IMAGE_EXPOSE_ORIGINAL = env_bool("API_IMAGE_EXPOSE_ORIGINAL", False)
# Previews of drafts open in the front end of the page's locale (PREVIEW_CLIENT_URL is the
# default; PREVIEW_CLIENT_URL_ES and _AR override it). Without one, Wagtail's HTML preview shows.
PREVIEW_CLIENT_URLS = {
    key: url
    for key, url in {
        "default": env_str("PREVIEW_CLIENT_URL"),
        **{code: env_str(f"PREVIEW_CLIENT_URL_{code.upper()}") for code, _ in LANGUAGES},
    }.items()
    if url
}
WAGTAIL_HEADLESS_PREVIEW = {"CLIENT_URLS": {}, "ENFORCE_TRAILING_SLASH": True}
API_PREVIEW_TOKEN_MINUTES = env_int("API_PREVIEW_TOKEN_MINUTES", 30)
# The CDN in front of the API is purged on publish (wagtail.contrib.frontend_cache), when
# FRONTEND_CACHE_BACKEND names one: cloudflare, cloudfront or http (Varnish-style PURGE).
API_PUBLIC_URL = env_str("API_PUBLIC_URL", WAGTAILADMIN_BASE_URL)
# Where readers load images and media files from (a CDN), joined to storage's relative URLs;
# by default the origin serving the API. Absolute URLs from storage (S3, a CDN) are kept.
MEDIA_PUBLIC_URL = env_url("MEDIA_PUBLIC_URL", API_PUBLIC_URL)
FRONTEND_CACHE_BACKENDS = {
    "cloudflare": lambda: {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env_str("CLOUDFLARE_BEARER_TOKEN"),
        "ZONEID": env_str("CLOUDFLARE_ZONE_ID"),
    },
    "cloudfront": lambda: {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env_str("CLOUDFRONT_DISTRIBUTION_ID"),
    },
    "http": lambda: {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env_str("FRONTEND_CACHE_PURGE_URL"),
    },
}
_frontend_cache = env_str("FRONTEND_CACHE_BACKEND")
if _frontend_cache:
    if _frontend_cache not in FRONTEND_CACHE_BACKENDS:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(
            f"FRONTEND_CACHE_BACKEND must be one of {', '.join(FRONTEND_CACHE_BACKENDS)}."
        )
    WAGTAILFRONTENDCACHE = {"default": FRONTEND_CACHE_BACKENDS[_frontend_cache]()}
# Seconds an API response stays in Django's cache; publishing invalidates it at once. 0 disables.
API_RESPONSE_CACHE_SECONDS = env_int("API_RESPONSE_CACHE_SECONDS", 300)

# ---------------------------------------------------------------------------------------------
# Translation (wagtail-localize): English source; Spanish and Arabic translations.
# ---------------------------------------------------------------------------------------------

# "Translate this page" creates drafts even when the source is live: readers keep getting the
# fallback language until a translator's work is reviewed and published.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False


def machine_translator_config(backend: str | None) -> dict | None:
    """wagtail-localize's machine translator for MACHINE_TRANSLATOR.

    deepl (needs DEEPL_API_KEY), libretranslate (needs LIBRETRANSLATE_URL; LIBRETRANSLATE_API_KEY
    when the server asks for one), dummy (reverses the words: offline, for development and
    tests) or none.
    """
    from django.core.exceptions import ImproperlyConfigured

    from .env import env_required

    backend = (backend or "none").lower()
    timeout = env_int("MACHINE_TRANSLATOR_TIMEOUT", 30)
    if backend == "none":
        return None
    if backend == "dummy":
        return {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}
    if backend == "deepl":
        return {
            "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
            "OPTIONS": {"AUTH_KEY": env_required("DEEPL_API_KEY"), "TIMEOUT": timeout},
        }
    if backend == "libretranslate":
        return {
            "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
            "OPTIONS": {
                "LIBRETRANSLATE_URL": env_required("LIBRETRANSLATE_URL").rstrip("/"),
                "API_KEY": env_str("LIBRETRANSLATE_API_KEY", ""),
                "TIMEOUT": timeout,
            },
        }
    raise ImproperlyConfigured(
        f"MACHINE_TRANSLATOR must be deepl, libretranslate, dummy or none, not {backend!r}."
    )


# Production offers no machine translation unless MACHINE_TRANSLATOR chooses a service;
# development and tests use the dummy translator (cms/settings/dev.py and test.py).
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_config(env_str("MACHINE_TRANSLATOR"))


# ---------------------------------------------------------------------------------------------
# Background tasks and publish webhooks (webhooks app, docs/webhooks.md)
# ---------------------------------------------------------------------------------------------

# django-tasks runs Wagtail's background work (reference index updates, image focal points,
# CDN purges) and webhook deliveries. Production stores tasks in the database and runs
# `manage.py db_worker`; development and tests run them at once, in the request (dev.py, test.py).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# Signed webhooks announce every published change to these URLs (e.g. a front end's
# revalidation route). WEBHOOK_SECRET signs them; production refuses to start without it.
WEBHOOK_ENDPOINTS = env_list("WEBHOOK_ENDPOINTS")
WEBHOOK_SECRET = env_str("WEBHOOK_SECRET", "")
# During a switch of secrets, webhooks are also signed with these (the previous ones), so that
# receivers that still know only an old secret keep verifying (docs/webhooks.md).
WEBHOOK_SECRET_FALLBACKS = env_list("WEBHOOK_SECRET_FALLBACKS")
WEBHOOK_TIMEOUT_SECONDS = env_int("WEBHOOK_TIMEOUT_SECONDS", 5)
WEBHOOK_MAX_ATTEMPTS = env_int("WEBHOOK_MAX_ATTEMPTS", 6)


# ---------------------------------------------------------------------------------------------
# Operations (ops app, docs/deployment.md)
# ---------------------------------------------------------------------------------------------

# /healthz shows its details (which check failed, the queue's age) only to requests that send
# this in X-Healthz-Token; everyone else gets the status alone.
HEALTHZ_TOKEN = env_str("HEALTHZ_TOKEN", "")
# /healthz says "degraded" when a task has waited longer than this for the worker.
HEALTHZ_MAX_TASK_AGE_SECONDS = env_int("HEALTHZ_MAX_TASK_AGE_SECONDS", 300)
# /metrics answers scrapes that send `Authorization: Bearer <METRICS_TOKEN>`; unset, none.
METRICS_TOKEN = env_str("METRICS_TOKEN", "")
