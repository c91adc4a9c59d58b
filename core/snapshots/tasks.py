"""Re-rendering pages in the background (django-tasks): what changed around them, not them."""

import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from core.events import announce_rendered
from core.snapshots.pipeline import render_page

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5


@task()
def render_pages(page_ids: list[int], attempt: int = 1) -> list[int]:
    """Re-render each page; a page that fails keeps its previous snapshots and is retried."""
    failed = []
    for page_id in page_ids:
        try:
            render_page(page_id)
        except Exception:
            logger.exception("Could not render page %s (attempt %s)", page_id, attempt)
            failed.append(page_id)
    announce_rendered(page_id for page_id in page_ids if page_id not in failed)
    if failed and attempt < MAX_ATTEMPTS:
        retry(failed, attempt + 1)
    return failed


def retry(page_ids: list[int], attempt: int) -> None:
    backend = render_pages.get_backend()
    if not backend.supports_defer:
        logger.warning("Pages %s keep their previous snapshots until rebuilt", page_ids)
        return
    delay = timedelta(seconds=30 * 2 ** (attempt - 1))
    render_pages.using(run_after=timezone.now() + delay).enqueue(page_ids, attempt)


def render_later(page_ids: list[int]) -> None:
    """Enqueue a re-render once the change commits; never raises, so an editor's publish never
    fails because of it."""
    if not page_ids:
        return

    def enqueue():
        try:
            render_pages.enqueue(page_ids)
        except Exception:
            logger.exception("Could not enqueue the re-rendering of pages %s", page_ids)

    transaction.on_commit(enqueue)
