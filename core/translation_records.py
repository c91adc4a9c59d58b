"""What people decided about a translation before readers got it: its review, and an editor's
choice to publish it with some blocks still in the source language."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from wagtail.models import Page, Revision


class TranslationReview(models.Model):
    """A reviewer of the translation's language approved one revision of a translated page.

    Machine-translated segments last changed before `reviewed_at` count as reviewed by a person.
    """

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="translation_reviews")
    revision = models.ForeignKey(Revision, null=True, on_delete=models.SET_NULL, related_name="+")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(default=timezone.now)
    comment = models.TextField(blank=True, default="")

    class Meta:
        ordering = ["-reviewed_at", "-pk"]
        get_latest_by = "reviewed_at"

    def __str__(self):
        return f"Review of {self.page_id} by {self.reviewer_id} at {self.reviewed_at:%Y-%m-%d}"


class PartialTranslationDecision(models.Model):
    """An editor published this revision of a translation with the named blocks (or fields)
    left in the source language; readers get them marked with the source's language."""

    revision = models.OneToOneField(
        Revision, on_delete=models.CASCADE, related_name="partial_translation_decision"
    )
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    #: Stream block ids, or field names (e.g. "summary"), left untranslated.
    untranslated = models.JSONField(default=list)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{len(self.untranslated)} untranslated in revision {self.revision_id}"
