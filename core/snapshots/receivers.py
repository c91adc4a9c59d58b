"""Content changes keep snapshots current: the changed pages at once, the pages showing them in
the background."""

from django.dispatch import receiver

from core.events import ContentChange, content_rendering
from core.snapshots.pipeline import dependent_page_ids, render_page, withdraw
from core.snapshots.tasks import render_later


@receiver(content_rendering, dispatch_uid="core.snapshots.render")
def render_on_change(sender, change: ContentChange, **kwargs) -> None:
    # Before the editor's request returns: the page itself, published or withdrawn. Wagtail
    # also announces an unpublish just before it deletes a page, still live: withdraw it.
    for page_id in change.subjects:
        if change.event == "page.unpublished":
            withdraw([page_id])
        else:
            render_page(page_id)
    # Then, by the worker: pages that link to it, list it as a translation, show it in their
    # breadcrumbs, or show a changed snippet or setting.
    others = {page.id for page in change.pages} | set(dependent_page_ids(change.tags))
    render_later(sorted(others - set(change.subjects)))
