"""Objects edited inline on an article: its topics and its references."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.links_safety import validate_safe_link

# Editors often paste a DOI as a link; the prefix is accepted and removed on save.
DOI_PREFIX = r"(?:https?://(?:dx\.)?doi\.org/|doi:\s*)"


class ArticlePageTopic(TranslatableMixin, Orderable):
    """Files an article under a topic; the first topic is the article's main one."""

    page = ParentalKey("articles.ArticlePage", on_delete=models.CASCADE, related_name="topic_links")
    topic = models.ForeignKey(
        "articles.Topic",
        on_delete=models.CASCADE,
        related_name="article_links",
        help_text="A condition or treatment this article is about.",
    )

    panels = [FieldPanel("topic")]

    # The link points at the topic's translation in the article's language.
    translatable_fields = [TranslatableField("topic")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = "topic"

    def __str__(self):
        return str(self.topic)


class ArticleReference(TranslatableMixin, Orderable):
    """A source the article cites; statistics point to it by its key."""

    page = ParentalKey("articles.ArticlePage", on_delete=models.CASCADE, related_name="references")
    key = models.SlugField(
        max_length=60,
        help_text="A short name for this source, unique within the article, e.g. 'nimh-trd'. "
        "Statistics cite the source by this key.",
    )
    title = models.CharField(
        max_length=400,
        help_text="The title of the paper, report or web page, as published.",
    )
    authors = models.CharField(
        max_length=400,
        blank=True,
        help_text="e.g. 'Rush AJ, Trivedi MH, Wisniewski SR, et al.' Leave empty when an "
        "organisation is the author.",
    )
    publisher = models.CharField(
        max_length=200,
        blank=True,
        help_text="The journal, or the organisation that published it, e.g. 'American Journal "
        "of Psychiatry' or 'National Institute of Mental Health'.",
    )
    year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1800), MaxValueValidator(2200)],
        help_text="The year of publication.",
    )
    url = models.URLField(
        "URL",
        max_length=500,
        blank=True,
        validators=[validate_safe_link],
        help_text="Where readers can find the source online.",
    )
    doi = models.CharField(
        "DOI",
        max_length=200,
        blank=True,
        validators=[
            RegexValidator(
                rf"^{DOI_PREFIX}?10\.\d{{4,9}}/\S+$",
                "A DOI starts with 10. and contains a slash, e.g. 10.1001/archpsyc.63.8.856.",
                flags=re.IGNORECASE,
            )
        ],
        help_text="Digital Object Identifier, e.g. 10.1176/ajp.2006.163.11.1905 (a pasted "
        "https://doi.org/ link is shortened for you).",
    )
    pmid = models.CharField(
        "PubMed ID",
        max_length=12,
        blank=True,
        validators=[RegexValidator(r"^\d{1,10}$", "A PubMed ID is digits only, e.g. 17074942.")],
        help_text="The PMID, for papers indexed in PubMed, e.g. 17074942.",
    )
    accessed = models.DateField(
        "date accessed",
        null=True,
        blank=True,
        help_text="When you last checked the source online; needed for web pages that change.",
    )

    panels = [
        FieldRowPanel([FieldPanel("key"), FieldPanel("year")]),
        FieldPanel("title"),
        FieldPanel("authors"),
        FieldPanel("publisher"),
        FieldPanel("url"),
        FieldRowPanel([FieldPanel("doi"), FieldPanel("pmid"), FieldPanel("accessed")]),
    ]

    # A citation reproduces the source as published, so translations keep it as it is.
    translatable_fields = [
        SynchronizedField(name, overridable=False)
        for name in (
            "key",
            "title",
            "authors",
            "publisher",
            "year",
            "url",
            "doi",
            "pmid",
            "accessed",
        )
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = "reference"

    def __str__(self):
        return f"[{self.key}] {self.title}"

    def clean(self):
        super().clean()
        self.strip_doi_prefix()
        if not (self.url or self.doi or self.pmid):
            raise ValidationError(
                {"url": "Give readers a way to find this source: a URL, a DOI or a PubMed ID."}
            )

    def save(self, *args, **kwargs):
        self.strip_doi_prefix()
        super().save(*args, **kwargs)

    def strip_doi_prefix(self) -> None:
        """Store the bare DOI (10.xxxx/...) even when a doi.org link was pasted."""
        self.doi = re.sub(rf"^{DOI_PREFIX}", "", self.doi.strip(), flags=re.IGNORECASE)

    @property
    def number(self) -> int:
        """The 1-based position in the article's reference list, which follows the sort order."""
        for number, reference in enumerate(self.page.references.all(), start=1):
            if reference is self or (self.pk is not None and reference.pk == self.pk):
                return number
        raise LookupError(f"Reference {self.key!r} is not in its article's reference list.")

    @property
    def creator(self) -> str:
        """Who the citation names first: the authors, or the publishing organisation."""
        return self.authors or self.publisher

    @property
    def container(self) -> str:
        """Where the work appeared (journal or publisher), when not already named as creator."""
        return self.publisher if self.authors else ""

    @property
    def doi_url(self) -> str:
        return f"https://doi.org/{self.doi}" if self.doi else ""

    @property
    def pubmed_url(self) -> str:
        return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/" if self.pmid else ""
