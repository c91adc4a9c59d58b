"""Notices on cited papers reach readers: the articles citing a paper render again when its
retraction or correction is marked, changed or resolved."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page

from articles.models import CitationNotice
from core.events import announce, pages_change


def doi_tag(doi: str) -> str:
    """Snapshots that cite this DOI (core.snapshots dependencies)."""
    return f"citation:doi:{doi.lower()}"


def pmid_tag(pmid: str) -> str:
    return f"citation:pmid:{pmid}"


def reference_tags(references) -> list[str]:
    """The tags of the papers `references` cite, for the snapshot that shows them."""
    tags = [doi_tag(reference.doi) for reference in references if reference.doi]
    return tags + [pmid_tag(reference.pmid) for reference in references if reference.pmid]


def notice_tags(notice: CitationNotice) -> list[str]:
    return [
        tag
        for tag in (notice.doi and doi_tag(notice.doi), notice.pmid and pmid_tag(notice.pmid))
        if tag
    ]


def citing_pages(references) -> list[Page]:
    page_ids = references.values_list("page_id", flat=True)
    return list(Page.objects.filter(pk__in=page_ids).select_related("locale").order_by("pk"))


def notice_changed(sender, instance: CitationNotice, **kwargs) -> None:
    """Every article (in every language) that cites the paper renders again: its readers see
    the notice, or stop seeing it once resolved."""
    pages = citing_pages(instance.citing_references())
    if pages:
        announce(pages_change("snippet.changed", pages, notice_tags(instance)))


def watch_notices() -> None:
    for signal in (post_save, post_delete):
        signal.connect(
            notice_changed,
            sender=CitationNotice,
            dispatch_uid=f"articles.citations.{signal is post_save}",
        )
