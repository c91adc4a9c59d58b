"""Snippets of the provider directory: the services a clinic can offer."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from core.taxonomy import TaxonomyTerm


class Service(TaxonomyTerm):
    """A treatment or kind of support that clinics offer, e.g. IV ketamine infusions."""

    name = models.CharField(
        max_length=120,
        help_text="The service as readers know it, e.g. 'IV ketamine infusions'.",
    )
    slug = models.SlugField(
        max_length=60,
        allow_unicode=False,
        help_text=(
            "A short, stable key in lower case with hyphens, e.g. 'iv-ketamine'. Front ends "
            "filter the directory by it, so do not change it once the service is in use. "
            "Translations keep the same key."
        ),
    )
    short_description = models.TextField(
        max_length=300,
        blank=True,
        help_text="One or two plain sentences that explain the service to a reader.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("short_description"),
    ]

    duplicate_slug_message = "Another service already uses this key. Choose a different one."

    search_fields = [
        *TaxonomyTerm.search_fields,
        index.SearchField("slug"),
        index.FilterField("name"),
        index.FilterField("slug"),
    ]
    translatable_fields = [
        *TaxonomyTerm.translatable_fields,
        TranslatableField("short_description"),
    ]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = "service"
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_service_slug_locale"),
        ]
