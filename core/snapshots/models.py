"""The stored renderings readers are served."""

import json

from django.db import models
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page, Revision


def as_json_text(value: dict) -> str:
    """A body or card as it is stored and served (UTF-8 as is: Arabic stays readable and short)."""
    return json.dumps(value, ensure_ascii=False)


class SnapshotQuerySet(models.QuerySet):
    def servable(self, now=None) -> "SnapshotQuerySet":
        """Snapshots readers may get now: passed the gate, and their page's publication window
        is open (read from the page, so a page expires on time without the scheduler)."""
        now = now or timezone.now()
        return self.filter(
            Q(withheld="")
            & (Q(page__go_live_at__isnull=True) | Q(page__go_live_at__lte=now))
            & (Q(page__expire_at__isnull=True) | Q(page__expire_at__gt=now))
        )


class PageSnapshot(models.Model):
    """One live page as the readers of one locale get it (its own, or one falling back to it)."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="snapshots")
    #: The readers' locale (the head of their fallback chain), e.g. "es" for es and es-MX.
    reader_locale = models.CharField(max_length=35)
    #: The position of the page's own locale in the readers' chain: 0 is their language.
    fallback_rank = models.PositiveSmallIntegerField(default=0)
    revision = models.ForeignKey(Revision, null=True, on_delete=models.SET_NULL, related_name="+")
    translation_key = models.UUIDField()
    locale = models.CharField(max_length=35)
    page_type = models.CharField(max_length=100)
    path = models.CharField(max_length=1024)
    #: Why readers do not get this page (the gate's refusal), or "" when they do.
    withheld = models.TextField(blank=True, default="")
    #: What readers get, as the JSON text it is served as (None when withheld). Stored as text,
    #: not as jsonb: a read sends it as it is, and converting jsonb to text cost PostgreSQL more
    #: than the rest of the read.
    body = models.TextField(null=True, blank=True)  # noqa: DJ001 (None: withheld, not "")
    #: What listings show of the page, as JSON text (None when its page type is not listed), and
    #: the columns they order and filter by; the facets (SnapshotFacet) hold the rest.
    card = models.TextField(null=True, blank=True)  # noqa: DJ001 (None: not listed)
    title = models.CharField(max_length=255, blank=True, default="")
    #: What search results say of the page (its SEO description).
    description = models.TextField(blank=True, default="")
    first_published_at = models.DateTimeField(null=True, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    last_modified = models.DateTimeField(null=True, blank=True)
    #: From this day the body's date-dependent fields (an article's review status) are refreshed
    #: before it is served; None: the body is served as stored.
    stale_from = models.DateField(null=True, blank=True)
    #: Blocks were left in the source language by an editor's decision (`meta.partly_translated`).
    partly_translated = models.BooleanField(default=False)
    #: Listings never show this card to its readers: a snapshot of the same family ranks better in
    #: their chain and is always served (passed the gate, no go-live or expiry date). Kept by
    #: `core.snapshots.pipeline.relist` so that a listing's window is an index scan that stops at
    #: its last card instead of reading every family's every locale; listings still compare the
    #: rest at read time (a better card whose window may close), so a stale False only costs
    #: time, never shows a family twice.
    outranked = models.BooleanField(default=False)
    rendered_at = models.DateTimeField(default=timezone.now)

    objects = SnapshotQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["page", "reader_locale"], name="unique_snapshot_per_page_and_readers"
            )
        ]
        indexes = [
            models.Index(fields=["reader_locale", "path"], name="snapshot_route"),
            models.Index(fields=["translation_key", "reader_locale"], name="snapshot_family"),
            models.Index(fields=["reader_locale", "page_type"], name="snapshot_listing"),
            # A listing's window, newest or oldest first (an index scans both ways).
            models.Index(
                fields=["reader_locale", "page_type", "first_published_at", "page"],
                condition=Q(withheld="", card__isnull=False, outranked=False),
                name="snapshot_listing_order",
            ),
            # By title (the provider directory).
            models.Index(
                fields=["reader_locale", "page_type", "title", "page"],
                condition=Q(withheld="", card__isnull=False, outranked=False),
                name="snapshot_listing_title",
            ),
            # The read-time comparison with the family's other listed cards.
            models.Index(
                fields=["translation_key", "reader_locale", "fallback_rank"],
                condition=Q(withheld="", card__isnull=False, outranked=False),
                name="snapshot_listing_family",
            ),
        ]

    def __str__(self):
        return f"{self.path} for {self.reader_locale} readers"

    @property
    def content(self) -> dict | None:
        """The body, decoded."""
        return None if self.body is None else json.loads(self.body)


class SnapshotDependency(models.Model):
    """Something a snapshot shows besides its page (a core.events tag): when it changes, the
    snapshot is rendered again."""

    snapshot = models.ForeignKey(PageSnapshot, on_delete=models.CASCADE, related_name="depends_on")
    tag = models.CharField(max_length=200, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["snapshot", "tag"], name="unique_snapshot_dependency")
        ]

    def __str__(self):
        return self.tag


class SnapshotFacet(models.Model):
    """A value listings filter a snapshot by, e.g. "topic:esketamine" or "region:PA"."""

    snapshot = models.ForeignKey(PageSnapshot, on_delete=models.CASCADE, related_name="facets")
    value = models.CharField(max_length=200)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["snapshot", "value"], name="unique_snapshot_facet")
        ]
        indexes = [models.Index(fields=["value", "snapshot"], name="snapshot_facet_value")]

    def __str__(self):
        return self.value


class ListingCount(models.Model):
    """How many cards a listing (readers' locale, page types, facets) has, counted when first
    asked for and deleted whenever a snapshot changes (`core.snapshots.pipeline.relist`), so
    that paging through a listing does not count it again on every request. A go-live or expiry
    date passing changes no snapshot: `valid_until` bounds how long a count may miss it."""

    #: A digest of what the listing shows (`core.api.listings.listing_key`).
    key = models.CharField(max_length=64, unique=True)
    count = models.PositiveIntegerField()
    valid_until = models.DateTimeField()

    def __str__(self):
        return f"{self.count} cards until {self.valid_until:%H:%M:%S}"


class SiteSnapshot(models.Model):
    """The site endpoint's answer (locales, navigation, safety information) for the readers of
    one fallback chain, stored when first read and deleted whenever what it shows changes."""

    #: The readers' fallback chain, e.g. "es-mx,es,en".
    chain = models.CharField(max_length=255, unique=True)
    #: The response body less `requested_locale`, as JSON text.
    body = models.TextField()
    rendered_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"site for {self.chain} readers"
