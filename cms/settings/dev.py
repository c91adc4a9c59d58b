"""Local development: DEBUG on, an insecure key, every host on this machine allowed."""

from .base import *  # noqa: F403
from .env import env_list, env_str

DEBUG = True
SECRET_KEY = env_str("SECRET_KEY", "django-insecure-dev-only-key-never-use-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405

# Offline machine translation unless MACHINE_TRANSLATOR chooses a real service.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_config(  # noqa: F405
    env_str("MACHINE_TRANSLATOR", "dummy")
)

# Background tasks (Wagtail's and webhook deliveries) run at once, in the request, so that no
# worker is needed. Webhook retries wait for `manage.py deliver_due_webhooks`.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
