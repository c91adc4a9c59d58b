"""What publishing costs: the editor's publish request for one article, and one worker
re-rendering the articles that show a changed snippet. Measured in-process, after the servers
have stopped, against the benchmark's database."""

import time
from dataclasses import dataclass
from statistics import median

PUBLISHES = 5
RERENDERED = 1000


@dataclass(frozen=True)
class PublishingFigures:
    #: The median of PUBLISHES publishes of one English article (its own snapshots rendered
    #: before the request returns; the rest is enqueued).
    publish_ms: float
    #: How many pages one worker re-rendered, and how long it took.
    rerendered_pages: int
    rerender_s: float

    @property
    def rerender_per_1000_s(self) -> float:
        return self.rerender_s * 1000 / self.rerendered_pages if self.rerendered_pages else 0.0


def measure_publishing(log) -> PublishingFigures:
    from django.db import transaction
    from django.test import override_settings

    from articles.models import ArticlePage
    from core.snapshots.tasks import render_pages
    from demo.review import record_medical_approval

    article = ArticlePage.objects.filter(locale__language_code="en", live=True).first()
    timings = []
    # The editor's request: a new revision approved by the review, then published. The worker
    # is not run here (a dummy task backend keeps what the publish enqueues).
    dummy = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with override_settings(TASKS=dummy):
        for _ in range(PUBLISHES):
            revision = article.save_revision()
            record_medical_approval(article, revision)
            started = time.perf_counter()
            with transaction.atomic():
                revision.publish()
            timings.append((time.perf_counter() - started) * 1000)
    log(f"Published one article {PUBLISHES} times: median {median(timings):.0f} ms.")

    # Everything an author credited on every article would make the worker re-render.
    page_ids = list(
        ArticlePage.objects.filter(live=True).order_by("pk").values_list("pk", flat=True)
    )[:RERENDERED]
    started = time.perf_counter()
    render_pages.call(page_ids)
    elapsed = time.perf_counter() - started
    log(f"Re-rendered {len(page_ids)} article pages in one worker in {elapsed:.1f} s.")
    return PublishingFigures(round(median(timings), 1), len(page_ids), round(elapsed, 1))
