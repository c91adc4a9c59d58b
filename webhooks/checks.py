"""System checks: a misconfigured webhook stops `runserver` and deployments, not a publish."""

from django.core import checks
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from webhooks.conf import webhook_settings


@checks.register("webhooks")
def check_webhook_settings(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    config = webhook_settings()
    errors: list[checks.CheckMessage] = []
    if config.enabled and not config.secret:
        errors.append(
            checks.Error(
                "WEBHOOK_ENDPOINTS is set but WEBHOOK_SECRET is not.",
                hint="Set WEBHOOK_SECRET to a long random string shared with the receivers.",
                id="webhooks.E001",
            )
        )
    validate_url = URLValidator(schemes=["http", "https"])
    for endpoint in config.endpoints:
        try:
            validate_url(endpoint)
        except ValidationError:
            errors.append(
                checks.Error(
                    f"The webhook endpoint {endpoint!r} is not an http(s) URL.",
                    id="webhooks.E002",
                )
            )
    if config.timeout_seconds < 1 or config.max_attempts < 1:
        errors.append(
            checks.Error(
                "WEBHOOK_TIMEOUT_SECONDS and WEBHOOK_MAX_ATTEMPTS must be at least 1.",
                id="webhooks.E003",
            )
        )
    return errors
