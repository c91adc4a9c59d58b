"""Terms that content is filed or filtered under, e.g. an article's topics, a clinic's services."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class TaxonomyTerm(TranslatableMixin, index.Indexed, models.Model):
    """A name in each language and a slug that is the same in every language, unique per locale.

    Subclasses declare `name` and `slug` (their lengths and help texts differ), a unique
    constraint on slug and locale, and `duplicate_slug_message`.
    """

    duplicate_slug_message = "Another term in this language already uses this slug."

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]

    # The slug is a key, not prose: every translation keeps the source's slug so that one
    # filter value finds the term in every locale.
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        # The form does not include the locale, so Django skips the database constraint's
        # check; without this, a duplicate slug would fail on save with a server error.
        locale_id = self.locale_id or self.get_default_locale().pk
        duplicates = type(self).objects.filter(slug=self.slug, locale_id=locale_id)
        if self.slug and duplicates.exclude(pk=self.pk).exists():
            raise ValidationError({"slug": self.duplicate_slug_message})
