"""Safety information shown beside every article: crisis lines and the medical disclaimer."""

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks.text import INLINE_FEATURES
from core.links_safety import (
    unsafe_child_links,
    validate_rich_text_links,
    validate_safe_link,
)
from core.snapshots.models import (  # noqa: F401  (core's models)
    PageSnapshot,
    SiteSnapshot,
    SnapshotDependency,
)
from core.translation_records import (  # noqa: F401  (core's models)
    PartialTranslationDecision,
    TranslationReview,
)


class SafetyInformation(TranslatableMixin, ClusterableModel):
    """The medical disclaimer and crisis lines for readers of one locale."""

    name = models.CharField(
        max_length=100,
        help_text="For editors only, e.g. 'Default safety information'.",
    )
    disclaimer = RichTextField(
        features=INLINE_FEATURES,
        validators=[validate_rich_text_links],
        help_text=(
            "Shown with every article: that the content informs but does not replace a "
            "clinician's advice."
        ),
    )
    crisis_heading = models.CharField(
        max_length=120,
        default="If you are in crisis",
        help_text="The heading above the crisis lines.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("disclaimer"),
        FieldPanel("crisis_heading"),
        InlinePanel("crisis_lines", label="Crisis lines", min_num=1),
    ]

    # The name only helps editors find it; readers see the disclaimer and the crisis lines.
    translatable_fields = [
        SynchronizedField("name", overridable=False),
        TranslatableField("disclaimer"),
        TranslatableField("crisis_heading"),
        TranslatableField("crisis_lines"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = "safety information"
        verbose_name_plural = "safety information"

    def __str__(self):
        return self.name

    def clean(self):
        # full_clean does not reach a cluster's children, and wagtail-localize saves translated
        # safety information with full_clean alone: check the crisis lines' links here.
        super().clean()
        if errors := unsafe_child_links(self.crisis_lines.all(), "url"):
            raise ValidationError(errors)


class CrisisLine(TranslatableMixin, Orderable):
    """A crisis line readers can call or text, in one country."""

    safety_information = ParentalKey(
        SafetyInformation, on_delete=models.CASCADE, related_name="crisis_lines"
    )
    country = models.CharField(
        max_length=2, help_text="Two-letter country code (ISO 3166), e.g. US, ES, EG."
    )
    name = models.CharField(max_length=120, help_text="The service's name as readers know it.")
    phone = models.CharField(
        max_length=40, blank=True, help_text="The number to call, as readers dial it."
    )
    text_option = models.CharField(
        max_length=120,
        blank=True,
        help_text="How to reach the service by text message, e.g. 'Text 988'.",
    )
    hours = models.CharField(
        max_length=120, default="24 hours, every day", help_text="When the line answers."
    )
    url = models.URLField(
        blank=True,
        validators=[validate_safe_link],
        help_text="The service's website (optional).",
    )

    panels = [
        FieldPanel("country"),
        FieldPanel("name"),
        FieldPanel("phone"),
        FieldPanel("text_option"),
        FieldPanel("hours"),
        FieldPanel("url"),
    ]

    # A reader in crisis must get the number exactly as the source gives it; the words around
    # it are translated, and the website may point to a page in the reader's language.
    translatable_fields = [
        SynchronizedField("country", overridable=False),
        TranslatableField("name"),
        SynchronizedField("phone", overridable=False),
        TranslatableField("text_option"),
        TranslatableField("hours"),
        SynchronizedField("url"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = "crisis line"

    def __str__(self):
        return f"{self.name} ({self.country})"


@register_setting(icon="warning")
class SafetySettings(BaseSiteSetting):
    """Which safety information this site shows; each locale reads its own translation."""

    safety_information = models.ForeignKey(
        SafetyInformation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=(
            "The disclaimer and crisis lines shown with every article. Translate the chosen "
            "safety information to show it in Spanish and Arabic."
        ),
    )

    panels = [FieldPanel("safety_information")]

    class Meta:
        verbose_name = "safety settings"

    def for_locale(self, locale) -> SafetyInformation | None:
        """The chosen safety information in `locale`, or the source when it is not translated."""
        if self.safety_information is None:
            return None
        return self.safety_information.get_translation_or_none(locale) or self.safety_information
