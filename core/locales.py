"""Content locales: their text direction and the fallback chain readers get when a page is not
translated into their language."""

import re
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.utils.translation import get_language_info

LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})?$")


class UnknownLocale(ValueError):
    """A requested locale that is neither a content language nor a variant of one."""


@dataclass(frozen=True)
class LocaleInfo:
    code: str
    name: str
    direction: str  # "ltr" or "rtl"


def content_language_codes() -> list[str]:
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


@cache
def locale_info(code: str) -> LocaleInfo:
    """The native name and text direction of a content language."""
    names = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
    try:
        info = get_language_info(code)
    except KeyError:
        info = get_language_info(code.split("-")[0])
    return LocaleInfo(
        code=code,
        name=names.get(code) or info["name_local"],
        direction="rtl" if info["bidi"] else "ltr",
    )


def text_direction(code: str) -> str:
    return locale_info(code).direction


def fallback_chain(requested: str) -> list[str]:
    """The content languages to try, in order, for a requested locale.

    `es-MX` tries `es-mx` (if it is a content language), then the configured fallbacks
    (CONTENT_LOCALE_FALLBACKS), then its base language `es`, and always ends with the default
    language. Raises UnknownLocale when none of the chain is a content language.
    """
    code = requested.strip().lower().replace("_", "-")
    if not LANGUAGE_TAG.match(code):
        raise UnknownLocale(f"'{requested}' is not a language tag such as 'es' or 'es-MX'.")
    available = content_language_codes()
    configured = getattr(settings, "CONTENT_LOCALE_FALLBACKS", {})
    candidates = [code, *configured.get(code, []), code.split("-")[0]]
    chain = [c for c in dict.fromkeys(candidates) if c in available]
    if not chain:
        raise UnknownLocale(
            f"'{requested}' is not a content language; choose one of {', '.join(available)}."
        )
    chain.extend(c for c in configured.get(chain[0], []) if c in available and c not in chain)
    if settings.LANGUAGE_CODE not in chain:
        chain.append(settings.LANGUAGE_CODE)
    return chain
