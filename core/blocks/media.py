from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks import StructValue
from wagtail.images.blocks import ImageChooserBlock


class ImageValue(StructValue):
    """An image with the text that belongs to it; alt text falls back to the image's own."""

    @property
    def alt(self) -> str:
        if self.get("decorative"):
            return ""
        image = self.get("image")
        return self.get("alt_text") or (getattr(image, "default_alt_text", "") or "")


class ImageBlock(blocks.StructBlock):
    """An image with alt text, an optional caption and the credit its licence requires."""

    image = ImageChooserBlock(help_text="A photo or illustration from the image library.")
    alt_text = blocks.CharBlock(
        max_length=250,
        required=False,
        default="",
        help_text=(
            "Describe what the image shows for readers who cannot see it. Leave empty only "
            "when the image is decorative."
        ),
    )
    decorative = blocks.BooleanBlock(
        required=False,
        help_text="Tick when the image adds nothing to the text; screen readers will skip it.",
    )
    caption = blocks.CharBlock(
        max_length=250, required=False, default="", help_text="Shown under the image."
    )
    credit = blocks.CharBlock(
        max_length=120,
        required=False,
        default="",
        help_text="Photographer or source, as the image's licence requires.",
    )

    def clean(self, value):
        value = super().clean(value)
        if not value.get("decorative") and not value.alt:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        "Describe the image for screen-reader users, or mark it as decorative."
                    )
                }
            )
        return value

    class Meta:
        icon = "image"
        template = "core/blocks/image_block.html"
        label = "Image"
        value_class = ImageValue
        description = "An image with alt text, caption and credit."
        preview_value = {
            "alt_text": "A person sitting by a window in morning light",
            "caption": "Small routines can anchor a difficult day.",
            "credit": "Illustration: Health CMS",
        }
