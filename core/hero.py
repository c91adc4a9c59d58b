"""The image at the top of a page, and the words that describe it to readers who cannot see it."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.images import get_image_model_string


class HeroImageMixin(models.Model):
    """A page's hero image and its alt text, for page models (put it before `Page`).

    By default an image needs alt text: `clean()` asks for it, and `hero_alt` falls back to the
    image's own alt text (its description or title) for pages saved without validation. A page
    type whose hero may be decorative sets `hero_image_may_be_decorative`: empty alt text then
    means decorative, and readers get an empty alt.
    """

    hero_image_may_be_decorative = False

    hero_image = models.ForeignKey(
        get_image_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A calm, respectful image shown at the top. Avoid images of distress.",
    )
    hero_image_alt = models.CharField(
        max_length=250,
        blank=True,
        help_text="Describe the hero image for readers who cannot see it.",
    )

    class Meta:
        abstract = True

    @property
    def hero_alt(self) -> str:
        """The hero image's alt text as readers get it."""
        if self.hero_image_alt or self.hero_image_may_be_decorative or not self.hero_image:
            return self.hero_image_alt
        return self.hero_image.default_alt_text

    def clean(self):
        # Reported together with the errors of the classes after this one, not instead of them.
        errors: dict[str, list[ValidationError]] = {}
        try:
            super().clean()
        except ValidationError as invalid:
            errors = invalid.update_error_dict(errors)
        if self.hero_image and not self.hero_image_alt and not self.hero_image_may_be_decorative:
            errors.setdefault("hero_image_alt", []).append(
                ValidationError("Describe the hero image for readers who use screen readers.")
            )
        if errors:
            raise ValidationError(errors)
