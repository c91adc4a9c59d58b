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
    tone = blocks.ChoiceBlock(choices=[("calm", "Calm"), ("urgent", "Urgent")])
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
    assert every["tone"]["enum"] == ["calm", "urgent"]
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
    heading = {"type": "heading", "id": "a", "value": {"text": "Hi", "level": "h2"}}
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
