"""Snippets of the provider directory: the services a clinic can offer."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class Service(TranslatableMixin, index.Indexed, models.Model):
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

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("slug"),
        index.FilterField("name"),
        index.FilterField("slug"),
        index.FilterField("locale"),
    ]

    # The slug is a key, not prose: every translation keeps the source's slug so that one
    # filter value finds the service in every locale.
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug", overridable=False),
        TranslatableField("short_description"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = "service"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_service_slug_locale"),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        # The form does not include the locale, so Django skips the database constraint's
        # check; without this, a duplicate slug would fail on save with a server error.
        locale_id = self.locale_id or self.get_default_locale().pk
        duplicate = Service.objects.filter(slug=self.slug, locale_id=locale_id).exclude(pk=self.pk)
        if self.slug and duplicate.exists():
            raise ValidationError(
                {"slug": "Another service already uses this key. Choose a different one."}
            )
