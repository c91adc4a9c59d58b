"""Publishing in tests as the medical review would have.

Readers get an English article only when a medical reviewer approved its live revision
(`editorial.publishing.article_gate`). Tests about other things publish through
`publish_reviewed`, which records that approval the way the workflow's medical-review step
does; tests/editorial/test_workflow.py takes articles through the real workflow.
"""

from wagtail.models import Page, Revision

from demo.review import record_medical_approval
from editorial.publishing import published_by_workflow_only


def publish_reviewed(page: Page, revision: Revision | None = None, **publish_kwargs):
    """Save (unless given) and publish a revision of `page`, approved by the medical review when
    the page is an English article under it."""
    revision = revision or page.save_revision()
    if published_by_workflow_only(page):
        record_medical_approval(page, revision)
    revision.publish(**publish_kwargs)
    return revision


def published(page: Page) -> Page:
    """`page` published as an editor would (factories only set `live`, which readers'
    snapshots never see), fresh from the database."""
    publish_reviewed(page)
    return type(page).objects.get(pk=page.pk)
