from .pages import (
    DEFAULT_DISCLAIMER,
    ProviderIndexPage,
    ProviderPage,
    ProviderPageQuerySet,
    ProviderService,
)
from .snippets import Service

__all__ = [
    "DEFAULT_DISCLAIMER",
    "ProviderIndexPage",
    "ProviderPage",
    "ProviderPageQuerySet",
    "ProviderService",
    "Service",
]
