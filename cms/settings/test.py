"""Settings for pytest: fast hashing, no manifest for static files, isolated media."""

import os
import tempfile

from .base import *  # noqa: F403

SECRET_KEY = "django-insecure-test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# django-axes stays on (tests/accounts check the lockout); Client.login() has no request for it.
AUTHENTICATION_BACKENDS = [
    "tests.auth.AxesBackendAllowingClientLogin",
    "django.contrib.auth.backends.ModelBackend",
]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = tempfile.mkdtemp(prefix="healthcms-test-media-")
STATIC_ROOT = tempfile.mkdtemp(prefix="healthcms-test-static-")
WAGTAILADMIN_BASE_URL = "http://testserver"

# Tests never call a translation service.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_config("dummy")  # noqa: F405

# Background tasks run at once, in the test: the reference index is current when a test asserts,
# and webhook deliveries happen inline (their retries wait for `deliver_due_webhooks`).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WEBHOOK_ENDPOINTS: list[str] = []
WEBHOOK_SECRET = ""

# Parallel test processes (pytest-xdist) share one Redis: each keeps to its own key prefix, and
# tests empty only their own keys.
if REDIS_URL:  # noqa: F405
    _worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    CACHES["default"]["KEY_PREFIX"] = f"healthcms-test-{_worker}"  # noqa: F405
