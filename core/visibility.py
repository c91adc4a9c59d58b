"""What readers may see: live, public pages whose publication window is open.

Every reader-facing query (API routes, listings, alternates, links, breadcrumbs, search) starts
here, so that a draft, an expired page or a page behind a view restriction never leaks.
"""

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from wagtail.models import PageViewRestriction
from wagtail.query import PageQuerySet

from core.snapshots.models import PageSnapshot


def publication_window_q() -> Q:
    now = timezone.now()
    return (Q(go_live_at__isnull=True) | Q(go_live_at__lte=now)) & (
        Q(expire_at__isnull=True) | Q(expire_at__gt=now)
    )


def restricted_paths() -> list[str]:
    """Tree paths of pages with a view restriction (one query)."""
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def public_q(paths: list[str]) -> Q:
    """Excludes every page at or below a restricted path, like PageQuerySet.public()."""
    q = Q()
    for path in paths:
        q &= ~Q(path__startswith=path)
    return q


def visible(queryset: PageQuerySet, restricted: list[str] | None = None) -> PageQuerySet:
    """Narrow a page queryset to what readers may see: live, public, within its publication
    window, and not withheld by the publication gate (core.snapshots).

    Pass `restricted` (from `restricted_paths()`) to reuse one lookup of view restrictions
    across the queries of a request.
    """
    if restricted is None:
        restricted = restricted_paths()
    withheld = PageSnapshot.objects.filter(page=OuterRef("pk")).exclude(withheld="")
    return queryset.live().filter(publication_window_q(), public_q(restricted), ~Exists(withheld))
