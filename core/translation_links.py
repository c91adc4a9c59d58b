"""Translators' link overrides (wagtail-localize) follow the same rule as editors' links.

wagtail-localize saves an override as it is typed and applies it when the translation is
published, without the checks an admin form runs: a rich-text href or a crisis line's URL in an
inline child is never validated there. An unsafe override is kept, so the translator sees it,
but marked with wagtail-localize's own error flag: the editor shows the message beside the
field, and publishing uses the source's link instead (overrides with errors are never applied).
"""

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models.signals import post_save
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail_localize.models import OverridableSegment, SegmentOverride

from core.links_safety import UNSAFE_LINK_MESSAGE, is_safe_href, link_scheme

_MESSAGE_START = UNSAFE_LINK_MESSAGE.split("“", 1)[0]


def _block_is_link(block: blocks.Block, names: list[str]) -> bool:
    for name in names:
        if isinstance(block, blocks.ListBlock):
            block = block.child_block
        elif isinstance(block, blocks.StructBlock | blocks.StreamBlock):
            block = block.child_blocks.get(name)
        if block is None:
            return False
    # An overridable segment inside rich text is always one of its hrefs.
    return isinstance(block, blocks.URLBlock | blocks.RichTextBlock)


def _is_link(model: type[models.Model], field_path: list[str]) -> bool:
    """Whether a wagtail-localize field path (e.g. `crisis_lines.url`) names a link."""
    try:
        field = model._meta.get_field(field_path[0])
    except FieldDoesNotExist:
        return True  # a path that names no field: safer to treat it as a link
    if isinstance(field, RichTextField | models.URLField):
        return True
    if isinstance(field, StreamField):
        return _block_is_link(field.stream_block, field_path[1:])
    if field.one_to_many and field.related_model is not None and len(field_path) > 1:
        return _is_link(field.related_model, field_path[1:])  # an inline child, e.g. a crisis line
    return False


def overrides_a_link(override: SegmentOverride) -> bool:
    context = override.context
    if context is None:
        return False
    # The translatable object names the base model (Page); its source names the specific one.
    segment = OverridableSegment.objects.filter(context=context).select_related("source").first()
    model = segment.source.specific_content_type.model_class() if segment else None
    if model is None:
        return False
    return not context.field_path or _is_link(model, context.field_path.split("."))


def unsafe_override_message(override: SegmentOverride) -> str | None:
    """The message for the translator when `override` sets a link readers must not follow."""
    try:
        value = override.data
    except ValueError:
        return None
    if not isinstance(value, str) or is_safe_href(value) or not overrides_a_link(override):
        return None
    return UNSAFE_LINK_MESSAGE % {"scheme": link_scheme(value)}


def _flagged_by_us(override: SegmentOverride) -> bool:
    return override.has_error and override.field_error.startswith(_MESSAGE_START)


def flag_unsafe_link_override(sender, instance: SegmentOverride, update_fields=None, **kwargs):
    # After saving: wagtail-localize's editor saves a changed override with update_fields
    # naming only its value, so the error flag is written here, and set on the instance its
    # response is built from.
    if update_fields is not None and "data_json" not in update_fields:
        return  # wagtail-localize recording a publishing error, not a new value
    message = unsafe_override_message(instance)
    if message:
        flag = {"has_error": True, "field_error": message}
    elif _flagged_by_us(instance):
        flag = {"has_error": False, "field_error": ""}  # the translator corrected the link
    else:
        return
    SegmentOverride.objects.filter(pk=instance.pk).update(**flag)
    for name, value in flag.items():
        setattr(instance, name, value)


def connect() -> None:
    post_save.connect(
        flag_unsafe_link_override,
        sender=SegmentOverride,
        dispatch_uid="core.translation_links.unsafe_override",
    )
