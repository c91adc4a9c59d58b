"""The WEBHOOK_* settings (cms/settings/base.py), read when used so that tests can change them."""

from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class WebhookSettings:
    endpoints: tuple[str, ...]
    secret: str
    # Previous secrets, still signed with while receivers switch (docs/webhooks.md).
    secret_fallbacks: tuple[str, ...]
    timeout_seconds: int
    max_attempts: int

    @property
    def enabled(self) -> bool:
        return bool(self.endpoints)


def webhook_settings() -> WebhookSettings:
    return WebhookSettings(
        endpoints=tuple(getattr(settings, "WEBHOOK_ENDPOINTS", ())),
        secret=getattr(settings, "WEBHOOK_SECRET", "") or "",
        secret_fallbacks=tuple(getattr(settings, "WEBHOOK_SECRET_FALLBACKS", ())),
        timeout_seconds=getattr(settings, "WEBHOOK_TIMEOUT_SECONDS", 5),
        max_attempts=getattr(settings, "WEBHOOK_MAX_ATTEMPTS", 6),
    )
