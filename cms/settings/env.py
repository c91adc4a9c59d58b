"""Typed readers for environment variables, so that settings modules stay declarative."""

import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured


def env_str(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name, "").strip()
    return value or default


def env_required(name: str) -> str:
    """Return a variable that production cannot run without, or fail at start-up."""
    value = env_str(name)
    if value is None:
        raise ImproperlyConfigured(f"The environment variable {name} is required in production.")
    return value


def env_bool(name: str, default: bool = False) -> bool:
    value = env_str(name)
    if value is None:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_int(name: str, default: int) -> int:
    value = env_str(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from error


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    """A comma-separated list; empty items are dropped."""
    value = env_str(name)
    if value is None:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


def env_url(name: str, default: str | None = None) -> str | None:
    """An absolute http(s) URL without a trailing slash, e.g. a CDN's origin."""
    value = env_str(name)
    if value is None:
        return default
    parts = urlsplit(value)
    if parts.scheme not in {"http", "https"} or not parts.netloc or parts.query or parts.fragment:
        raise ImproperlyConfigured(
            f"{name} must be an absolute http(s) URL such as https://cdn.example.org, "
            f"not {value!r}."
        )
    return value.rstrip("/")
