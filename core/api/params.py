"""Query parameters shared by the API's routes."""

import inspect
import re
from functools import wraps

from django.conf import settings
from ninja import Schema
from ninja.errors import HttpError
from pydantic import Field

from core.locales import UnknownLocale, fallback_chain


def locale_chain_or_400(requested: str | None) -> list[str]:
    """The fallback chain for a requested locale; a 400 problem for an unknown one."""
    try:
        return fallback_chain(requested or settings.LANGUAGE_CODE)
    except UnknownLocale as error:
        raise HttpError(400, str(error)) from error


CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")

#: Campaign and click identifiers that links and front ends pass through: they name nothing the
#: API reads, so every endpoint ignores them (and the response cache leaves them out of its key).
TRACKING_PARAMETERS = frozenset(
    {
        "gclid",
        "gbraid",
        "wbraid",
        "dclid",
        "fbclid",
        "msclkid",
        "twclid",
        "ttclid",
        "li_fat_id",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "igshid",
        "yclid",
    }
)


def is_tracking_parameter(name: str) -> bool:
    return name.lower().startswith("utm_") or name.lower() in TRACKING_PARAMETERS


def reject_unknown_params(view):
    """Answer 400 when the query string names a parameter the view does not take, names one
    twice, or carries control characters.

    Tracking parameters (`is_tracking_parameter`) are ignored. Ninja ignores unknown names, so
    a misspelt filter would silently return everything; it
    keeps the last of repeated names, so `?locale=es&locale=ar` would answer in Arabic under a
    cache key of its own; and a NUL reaches PostgreSQL as an error (a 500).
    """
    allowed: set[str] = set()
    for parameter in inspect.signature(view).parameters.values():
        fields = getattr(parameter.annotation, "model_fields", None)
        if fields is None:
            # Query[Schema] is Annotated[Schema, ...]; plain scalars are named by the parameter.
            origin = getattr(parameter.annotation, "__origin__", None)
            fields = getattr(origin, "model_fields", None)
        if fields is not None:
            allowed.update(field.alias or name for name, field in fields.items())
        else:
            allowed.add(parameter.name)

    @wraps(view)
    def checked(request, *args, **kwargs):
        given = {
            name: values for name, values in request.GET.lists() if not is_tracking_parameter(name)
        }
        repeated = sorted(name for name, values in given.items() if len(values) > 1)
        if repeated:
            raise HttpError(400, f"Give each query parameter once: {', '.join(repeated)}.")
        controlled = sorted(
            name
            for name, values in given.items()
            if any(CONTROL_CHARACTERS.search(value) for value in values)
        )
        if controlled:
            raise HttpError(
                400,
                f"Query parameters may not contain control characters: {', '.join(controlled)}.",
            )
        unknown = sorted(set(given) - allowed)
        if unknown:
            raise HttpError(
                400,
                f"Unknown query parameter(s): {', '.join(unknown)}. "
                f"This endpoint accepts: {', '.join(sorted(allowed - {'request', 'response'}))}.",
            )
        return view(request, *args, **kwargs)

    return checked


class LocaleParams(Schema):
    locale: str = Field(
        default_factory=lambda: settings.LANGUAGE_CODE,
        max_length=35,
        description="The reader's locale, e.g. es or es-MX; falls back along the chain.",
    )
