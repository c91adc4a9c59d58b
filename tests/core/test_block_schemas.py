import pytest
from pydantic import TypeAdapter, ValidationError
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from core.api.blocks import BlockSchemas
from core.blocks.streams import BaseStreamBlock


class EveryFieldBlock(blocks.StructBlock):
    """A block with one child of each kind the schema builder maps."""

    label = blocks.CharBlock()
    body = blocks.RichTextBlock()
    tone = blocks.ChoiceBlock(choices=[("calm", "Calm"), ("urgent", "Urgent")], required=False)
    count = blocks.IntegerBlock(required=False)
    flag = blocks.BooleanBlock(required=False)
    when = blocks.DateBlock()
    picture = ImageChooserBlock(required=False)
    items = blocks.ListBlock(blocks.CharBlock())


class ExampleStream(BaseStreamBlock):
    every = EveryFieldBlock()


@pytest.fixture
def schema():
    return TypeAdapter(BlockSchemas().value_schema(ExampleStream(), "Example"))


def test_each_block_type_is_a_member_of_a_discriminated_union(schema):
    json_schema = schema.json_schema()
    mapping = json_schema["items"]["discriminator"]["mapping"]
    assert set(mapping) == {"heading", "paragraph", "callout", "image", "every"}
    assert json_schema["items"]["discriminator"]["propertyName"] == "type"


def test_leaf_blocks_map_to_precise_json_types(schema):
    every = schema.json_schema()["$defs"]["EveryFieldBlockValue"]["properties"]
    assert every["label"]["type"] == "string"
    assert {"enum": ["calm", "urgent"], "type": "string"} in every["tone"]["anyOf"]
    assert every["count"]["anyOf"] == [{"type": "integer"}, {"type": "null"}]
    assert every["flag"]["type"] == "boolean"
    assert every["when"]["format"] == "date"
    assert every["items"] == {"items": {"type": "string"}, "title": "Items", "type": "array"}
    assert {"$ref": "#/$defs/ImageSchema"} in every["picture"]["anyOf"]


def test_no_block_value_is_left_untyped(schema):
    text = str(schema.json_schema())
    assert "'type': 'object'" in text
    assert "additionalProperties': True" not in text


def test_values_are_validated_against_their_block_type(schema):
    heading = {"type": "heading", "id": "a", "value": {"text": "Hi", "level": "h2", "anchor": "hi"}}
    schema.validate_python([heading])
    with pytest.raises(ValidationError):
        schema.validate_python([{**heading, "value": {"text": "Hi", "level": "h9"}}])
    with pytest.raises(ValidationError):
        schema.validate_python([{"type": "unknown", "id": "b", "value": {}}])


def test_an_unmapped_block_type_fails_loudly():
    class Mystery(blocks.Block):
        pass

    with pytest.raises(TypeError, match="register a BlockAdapter"):
        BlockSchemas().value_schema(Mystery(), "Mystery")


def test_an_optional_choice_left_empty_is_null_and_valid(db):
    from core.api.blocks import ContentSerializer

    block = EveryFieldBlock()
    value = block.to_python(
        {"label": "x", "body": "<p>y</p>", "tone": "", "when": "2026-01-01", "items": []}
    )
    serialized = ContentSerializer(None, ["en"]).value(block, value)
    assert serialized["tone"] is None
    schema = TypeAdapter(BlockSchemas().value_schema(EveryFieldBlock(required=False), "E"))
    schema.validate_python(serialized)
