"""Content locales: their text direction and the fallback chain readers get when a page is not
translated into their language."""

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TypeVar

from django.conf import settings
from django.utils.translation import get_language_info

T = TypeVar("T")

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


def locale_code_of(item) -> str:
    """The language code of a translatable object (a page, a snippet)."""
    return item.locale.language_code


def first_in_chain(
    items: Iterable[T], chain: Sequence[str], code_of: Callable[[T], str] = locale_code_of
) -> T | None:
    """The item in the earliest locale of `chain`, or None when none is in the chain."""
    rank = {code: index for index, code in enumerate(chain)}
    ranked = [(rank[code_of(item)], item) for item in items if code_of(item) in rank]
    return min(ranked, key=lambda pair: pair[0])[1] if ranked else None


def best_per_key(
    items: Iterable[T],
    chain: Sequence[str],
    key: Callable[[T], object],
    code_of: Callable[[T], str] = locale_code_of,
) -> dict[object, T]:
    """For each key (e.g. a translation key), the item in the earliest locale of `chain`, in the
    order the keys first appear."""
    groups: dict[object, list[T]] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    best = {group: first_in_chain(members, chain, code_of) for group, members in groups.items()}
    return {group: item for group, item in best.items() if item is not None}
