"""A draft that was never published and never reviewed is being written, not overdue.

Its first medical review is part of its way to readers (the workflow), so the review reports and
the Articles listing call it "Not reviewed yet" rather than counting it as overdue. An article
that readers got without a review date (an import) is still overdue.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

AWAITING_FIRST_REVIEW = Q(next_review_due__isnull=True, first_published_at__isnull=True)
NOT_REVIEWED_YET = _("Not reviewed yet")


def awaits_first_review(page) -> bool:
    return page.next_review_due is None and page.first_published_at is None
