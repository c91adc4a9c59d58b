"""What readers may see: live, public pages whose publication window is open.

Every reader-facing query (API routes, listings, alternates, links, breadcrumbs, search) starts
here, so that a draft, an expired page or a page behind a view restriction never leaks.
"""

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page
from wagtail.query import PageQuerySet


def publication_window_q() -> Q:
    now = timezone.now()
    return (Q(go_live_at__isnull=True) | Q(go_live_at__lte=now)) & (
        Q(expire_at__isnull=True) | Q(expire_at__gt=now)
    )


def visible(queryset: PageQuerySet) -> PageQuerySet:
    """Narrow a page queryset to what readers may see."""
    return queryset.live().public().filter(publication_window_q())


def visible_pages() -> PageQuerySet:
    return visible(Page.objects.all())


def is_visible(page: Page) -> bool:
    return visible(Page.objects.filter(pk=page.pk)).exists()
