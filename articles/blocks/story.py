"""Blocks for the story section: a person's experience, told with their consent."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from wagtail import blocks

from core.blocks.streams import BaseStreamBlock
from core.blocks.text import INLINE_FEATURES
from core.links_safety import validate_rich_text_links


class TestimonialValue(blocks.StructValue):
    """A testimonial with the privacy note readers see under the attribution."""

    @property
    def privacy_note(self) -> str:
        name_changed, consent_given = self.get("name_changed"), self.get("consent_given")
        if name_changed and consent_given:
            return gettext("Shared with permission; the name has been changed.")
        if name_changed:
            return gettext("The name has been changed to protect their privacy.")
        if consent_given:
            return gettext("Shared with permission.")
        return ""


class TestimonialBlock(blocks.StructBlock):
    """A pull quote from a patient or relative, with how their privacy was respected."""

    quote = blocks.TextBlock(
        max_length=600,
        help_text="The person's words, as they said or approved them. No quotation marks.",
    )
    attribution = blocks.CharBlock(
        max_length=120,
        help_text="Who said it, as readers should see it, e.g. 'Maya, 38, a teacher'.",
    )
    name_changed = blocks.BooleanBlock(
        required=False,
        help_text="Tick when the name in the attribution is not the person's real name.",
    )
    consent_given = blocks.BooleanBlock(
        required=False,
        help_text="Tick when the person agreed, in writing, to have their words published.",
    )

    def clean(self, value):
        value = super().clean(value)
        if not (value.get("name_changed") or value.get("consent_given")):
            raise blocks.StructBlockValidationError(
                non_block_errors=[
                    ValidationError(
                        "Say how this person's privacy is respected: tick 'name changed', "
                        "'consent given', or both."
                    )
                ]
            )
        return value

    class Meta:
        icon = "openquote"
        template = "articles/blocks/testimonial_block.html"
        label = "Testimonial"
        value_class = TestimonialValue
        description = "A pull quote from someone with lived experience, shared with consent."
        preview_value = {
            "quote": "For the first time in years, the fog lifted long enough to make plans.",
            "attribution": "Maya, 38",
            "name_changed": True,
            "consent_given": True,
        }


class ReflectionBlock(blocks.StructBlock):
    """A short first-person reflection set apart from the narrative."""

    title = blocks.CharBlock(
        max_length=120,
        required=False,
        default="",
        help_text="Optional, e.g. 'Looking back'.",
    )
    body = blocks.RichTextBlock(
        features=INLINE_FEATURES,
        validators=[validate_rich_text_links],
        help_text="A few sentences in the writer's own voice. Keep it honest, not promotional.",
    )

    class Meta:
        icon = "comment"
        template = "articles/blocks/reflection_block.html"
        label = "Reflection"
        description = "A personal reflection that stands apart from the story."
        preview_value = {
            "title": "Looking back",
            "body": "<p>Progress came in small pieces, and each one counted.</p>",
        }


class StoryStreamBlock(BaseStreamBlock):
    """The story section: the human experience behind the treatment."""

    testimonial = TestimonialBlock()
    reflection = ReflectionBlock()
