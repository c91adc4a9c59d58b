"""Production: every secret comes from the environment, and a missing one stops start-up."""

import dj_database_url

from ops.logs import json_logging

from .base import *  # noqa: F403
from .env import env_bool, env_int, env_list, env_required, env_str

DEBUG = False
SECRET_KEY = env_required("SECRET_KEY")
# During a switch, sessions, password-reset links and preview tokens signed with a previous key
# stay valid: put the old key here, the new one in SECRET_KEY, and drop the old one later.
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS") or [env_required("ALLOWED_HOSTS")]
DATABASES = {
    "default": dj_database_url.parse(
        env_required("DATABASE_URL"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
prepared_reads(DATABASES["default"])  # noqa: F405

# TLS terminates at the load balancer, which sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Load balancers and Prometheus ask the instance itself, over the private network, in HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^metrics$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# Email (password resets, workflow notifications) goes out by SMTP. The console backend would
# print password-reset links into the server log; core.checks refuses it here.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
# Settings that must hold in production, checked at start-up (core/checks.py).
PRODUCTION_CHECKS = True

# Webhooks are signed, so endpoints without a secret stop start-up (see docs/webhooks.md).
if WEBHOOK_ENDPOINTS:  # noqa: F405
    WEBHOOK_SECRET = env_required("WEBHOOK_SECRET")

if not REDIS_URL:  # noqa: F405
    # A per-process cache cannot be invalidated on every server when an editor publishes, so
    # API responses are cached only in a shared Redis unless this is set explicitly.
    API_RESPONSE_CACHE_SECONDS = env_int("API_RESPONSE_CACHE_SECONDS", 0)

# One JSON object a line on standard error, with a timestamp and the request's id (journald
# keeps it); LOG_FORMAT=text for the plain lines of development.
if (env_str("LOG_FORMAT", "json") or "json").lower() == "json":
    LOGGING = json_logging(env_str("LOG_LEVEL", "INFO"))

# Error reports go to Sentry (or a compatible service) when its DSN is set, and nowhere else.
if SENTRY_DSN := env_str("SENTRY_DSN"):
    import sentry_sdk

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=env_str("SENTRY_ENVIRONMENT", "production"),
        release=env_str("SENTRY_RELEASE"),
        traces_sample_rate=float(env_str("SENTRY_TRACES_SAMPLE_RATE", "0") or 0),
        # Readers' and editors' addresses and cookies stay out of the reports.
        send_default_pii=False,
    )
