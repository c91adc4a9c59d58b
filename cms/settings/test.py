"""Settings for pytest: fast hashing, no manifest for static files, isolated media."""

import tempfile

from .base import *  # noqa: F403

SECRET_KEY = "django-insecure-test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = tempfile.mkdtemp(prefix="healthcms-test-media-")
STATIC_ROOT = tempfile.mkdtemp(prefix="healthcms-test-static-")
WAGTAILADMIN_BASE_URL = "http://testserver"
