"""Content changes keep snapshots current: the changed pages at once, the pages showing them in
the background."""

from django.dispatch import receiver
from wagtail.models import Page

from core.events import ContentChange, content_rendering
from core.snapshots.pipeline import dependent_page_ids, render_page, withdraw
from core.snapshots.tasks import render_later


@receiver(content_rendering, dispatch_uid="core.snapshots.render")
def render_on_change(sender, change: ContentChange, **kwargs) -> None:
    # Before the editor's request returns: the page itself, published or withdrawn. Wagtail
    # also announces an unpublish just before it deletes a page, still live: withdraw it.
    now = list(change.subjects)
    if change.event == "page.unpublished":
        withdraw(change.subjects)
        # A translation reaches readers only while its original does: withdrawing the
        # original withdraws them too, at once, not when the worker comes to it.
        now = translations_of(change.subjects)
    for page_id in now:
        render_page(page_id)
    # Then, by the worker: pages that link to it, list it as a translation, show it in their
    # breadcrumbs, or show a changed snippet or setting.
    others = {page.id for page in change.pages} | set(dependent_page_ids(change.tags))
    render_later(sorted(others - set(change.subjects) - set(now)))


def translations_of(page_ids) -> list[int]:
    """The other locales' pages of the given pages' families."""
    keys = Page.objects.filter(pk__in=page_ids).values("translation_key")
    return list(
        Page.objects.filter(translation_key__in=keys)
        .exclude(pk__in=page_ids)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
