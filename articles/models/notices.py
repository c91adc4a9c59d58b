"""Retractions and corrections of cited papers, keyed by DOI or PubMed ID."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Lower
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel

from articles.models.inlines import DOI_PREFIX, ArticleReference
from core.links_safety import validate_safe_link


class NoticeKind(models.TextChoices):
    RETRACTION = "retraction", "Retracted"
    CORRECTION = "correction", "Corrected"


class CitationNoticeQuerySet(models.QuerySet):
    def open(self) -> "CitationNoticeQuerySet":
        return self.filter(resolved=False)

    def for_references(self, references) -> "CitationNoticeQuerySet":
        """The notices on any of `references` (ArticleReference rows), by DOI or PubMed ID."""
        dois = {reference.doi.lower() for reference in references if reference.doi}
        pmids = {reference.pmid for reference in references if reference.pmid}
        if not (dois or pmids):
            return self.none()
        return self.filter(Q(doi__in=dois) | Q(pmid__in=pmids))


class CitationNotice(models.Model):
    """A cited paper was retracted or corrected: every article citing it needs a medical
    re-review, and its readers see a notice until an editor resolves it."""

    doi = models.CharField(
        "DOI",
        max_length=200,
        blank=True,
        help_text="The paper's DOI, e.g. 10.1176/ajp.2006.163.11.1905 (a doi.org link is "
        "shortened for you).",
    )
    pmid = models.CharField(
        "PubMed ID",
        max_length=12,
        blank=True,
        help_text="The paper's PMID, e.g. 17074942.",
    )
    kind = models.CharField(
        max_length=20,
        choices=NoticeKind.choices,
        default=NoticeKind.RETRACTION,
        help_text="Retracted: the journal withdrew the paper. Corrected: it published a "
        "correction (erratum).",
    )
    notice_url = models.URLField(
        "notice URL",
        max_length=500,
        blank=True,
        validators=[validate_safe_link],
        help_text="The journal's retraction or correction notice, shown to readers.",
    )
    details = models.TextField(
        blank=True,
        help_text="For medical reviewers: what was retracted or corrected, and why.",
    )
    marked_at = models.DateTimeField(default=timezone.now, editable=False)
    resolved = models.BooleanField(
        default=False,
        help_text="Tick once every citing article has been re-reviewed: readers stop seeing "
        "the notice.",
    )
    resolved_at = models.DateTimeField(null=True, blank=True, editable=False)
    resolution = models.TextField(
        blank=True,
        help_text="How the citing articles were changed after their medical re-review.",
    )

    objects = CitationNoticeQuerySet.as_manager()

    panels = [
        HelpPanel(
            content="<p>Every article that cites this DOI or PubMed ID, in every language, is "
            "flagged for a medical re-review, and its readers see a notice. When the articles "
            "have been re-reviewed (and corrected or republished), tick <em>Resolved</em>: the "
            "notice disappears.</p>"
        ),
        FieldRowPanel([FieldPanel("doi"), FieldPanel("pmid")]),
        FieldPanel("kind"),
        FieldPanel("notice_url"),
        FieldPanel("details"),
        FieldPanel("resolved"),
        FieldPanel("resolution"),
    ]

    class Meta:
        verbose_name = "citation notice"
        ordering = ["-marked_at"]

    def __str__(self):
        identifier = f"DOI {self.doi}" if self.doi else f"PMID {self.pmid}"
        return f"{self.get_kind_display()}: {identifier}"

    def save(self, *args, **kwargs):
        # DOIs are case-insensitive; stored in lower case so that matching is a plain lookup.
        self.doi = self.doi.strip().lower()
        if self.resolved and self.resolved_at is None:
            self.resolved_at = timezone.now()
        elif not self.resolved:
            self.resolved_at = None
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        self.doi = re.sub(rf"^{DOI_PREFIX}", "", self.doi.strip(), flags=re.IGNORECASE).lower()
        self.pmid = self.pmid.strip()
        errors = {}
        if self.doi and not re.fullmatch(r"10\.\d{4,9}/\S+", self.doi):
            errors["doi"] = (
                "A DOI starts with 10. and contains a slash, e.g. 10.1001/archpsyc.63.8.856."
            )
        if self.pmid and not self.pmid.isdigit():
            errors["pmid"] = "A PubMed ID is digits only, e.g. 17074942."
        if not (self.doi or self.pmid):
            errors["doi"] = "Enter the DOI or the PubMed ID of the retracted or corrected paper."
        if errors:
            raise ValidationError(errors)

    def concerns(self, reference: ArticleReference) -> bool:
        """Whether `reference` cites the paper this notice is about."""
        return bool(
            (self.doi and self.doi == reference.doi.lower())
            or (self.pmid and self.pmid == reference.pmid)
        )

    def citing_references(self) -> QuerySet:
        """The references, in every article and language, that cite this paper."""
        match = Q()
        if self.doi:
            match |= Q(doi_lower=self.doi)
        if self.pmid:
            match |= Q(pmid=self.pmid)
        if not match:
            return ArticleReference.objects.none()
        return ArticleReference.objects.annotate(doi_lower=Lower("doi")).filter(match)


def cites_open_notice(page_field: str = "pk") -> Exists:
    """Whether the article (OuterRef `page_field`) cites a paper under an open notice: an SQL
    expression, for reports that list articles needing a medical re-review."""
    notices = CitationNotice.objects.open()
    return Exists(
        ArticleReference.objects.filter(page_id=OuterRef(page_field))
        .annotate(doi_lower=Lower("doi"))
        .filter(
            Q(doi_lower__in=notices.exclude(doi="").values("doi"))
            | Q(pmid__in=notices.exclude(pmid="").values("pmid"))
        )
    )
