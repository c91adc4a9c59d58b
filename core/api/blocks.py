"""StreamField content as typed JSON.

Schemas are derived from the block definitions, so that the OpenAPI document always matches what
editors can build: each StreamBlock becomes a discriminated union of `{type, id, value}` objects,
each StructBlock a model with its children, each leaf block a JSON type. Nothing is typed `Any`;
a block type without a known mapping fails loudly when the schema is built.

Blocks that need more than their stored value (an image's renditions, a statistic's reference
number) get a `BlockAdapter`, registered by the app that owns the block. Blocks themselves never
import the API.

Serialising is two passes over the same values: `ContentSerializer.prepare` collects every image,
page link and rich-text link and resolves them in bulk, then `value` builds the JSON from memory,
so the number of queries does not grow with the number of blocks. `prepare` only saves queries:
whatever it was not given (rich text in a page field, say) is resolved when it is serialised.
"""

import datetime
import re
from collections.abc import Callable
from typing import Annotated, Any, Literal, Union, get_args

from django.http import HttpRequest
from pydantic import BaseModel, Field, create_model
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from core.api.images import ImageResolver, ImageSchema
from core.api.links import PageLinkResolver, PageLinkSchema
from core.api.rich_text import Anchors, RichTextResolver
from core.blocks.media import ImageBlock
from core.blocks.text import HeadingBlock
from core.blocks.walk import walk
from core.locales import text_direction
from core.media import public_document_url
from core.visibility import restricted_paths


class DocumentSchema(BaseModel):
    id: int
    title: str
    url: str


class BlockAdapter:
    """How the API shows one block class; subclass it for blocks whose JSON is not their value."""

    def schema(self, block: blocks.Block, schemas: "BlockSchemas") -> Any:
        raise NotImplementedError

    def value(self, block: blocks.Block, value: Any, serializer: "ContentSerializer") -> Any:
        raise NotImplementedError


_adapters: dict[type[blocks.Block], BlockAdapter] = {}


def register_block_adapter(block_class: type[blocks.Block]) -> Callable:
    """Class decorator: `@register_block_adapter(StatisticBlock) class StatisticAdapter(...)`."""

    def register(adapter_class: type[BlockAdapter]) -> type[BlockAdapter]:
        _adapters[block_class] = adapter_class()
        return adapter_class

    return register


def adapter_for(block: blocks.Block) -> BlockAdapter | None:
    for cls in type(block).__mro__:
        if cls in _adapters:
            return _adapters[cls]
    return None


def _camel(name: str) -> str:
    return "".join(part.capitalize() for part in re.split(r"[_\W]+", name) if part)


def _is_project_block(block: blocks.Block) -> bool:
    return not type(block).__module__.startswith("wagtail.")


def _non_null(schema: Any) -> Any:
    members = [member for member in get_args(schema) if member is not type(None)]
    return members[0] if len(members) == 1 else schema


def _optional(schema: Any, block: blocks.Block) -> Any:
    return schema if getattr(block, "required", True) or schema is str else schema | None


class BlockSchemas:
    """Builds one pydantic model per block type, reused wherever the block appears."""

    def __init__(self):
        self._models: dict[str, type[BaseModel]] = {}
        self._origins: dict[str, object] = {}

    def model(self, name: str, origin: object, /, **fields: Any) -> type[BaseModel]:
        """Create (once) the model `name`; a second block type wanting the name is an error."""
        if name in self._models:
            if self._origins[name] != origin:
                raise ValueError(f"Two block types want the API schema name {name!r}.")
            return self._models[name]
        model = create_model(name, __base__=BaseModel, **fields)
        self._models[name] = model
        self._origins[name] = origin
        return model

    def value_schema(self, block: blocks.Block, name_hint: str) -> Any:
        adapter = adapter_for(block)
        if adapter is not None:
            return adapter.schema(block, self)
        if isinstance(block, blocks.StreamBlock):
            return list[self.stream_union(block, name_hint)]
        if isinstance(block, blocks.ListBlock):
            item = self.value_schema(block.child_block, f"{name_hint}Item")
            if isinstance(block.child_block, blocks.ChooserBlock):
                item = _non_null(item)  # unavailable targets are left out of lists
            return list[item]
        if isinstance(block, blocks.StructBlock):
            return self.struct_schema(block, name_hint)
        if isinstance(block, ImageChooserBlock):
            return ImageSchema | None
        if isinstance(block, blocks.PageChooserBlock):
            return PageLinkSchema | None
        if isinstance(block, DocumentChooserBlock):
            return DocumentSchema | None
        if isinstance(block, blocks.ChoiceBlock):
            values = tuple(str(key) for key, _label in block.field.choices if key != "")
            return _optional(Literal[values], block) if values else str
        if isinstance(block, blocks.BooleanBlock):
            return bool
        if isinstance(block, blocks.IntegerBlock):
            return _optional(int, block)
        if isinstance(block, blocks.FloatBlock | blocks.DecimalBlock):
            return _optional(float, block)
        if isinstance(block, blocks.DateTimeBlock):
            return _optional(datetime.datetime, block)
        if isinstance(block, blocks.DateBlock):
            return _optional(datetime.date, block)
        if isinstance(block, blocks.TimeBlock):
            return _optional(datetime.time, block)
        if isinstance(block, blocks.RichTextBlock | blocks.FieldBlock):
            return str
        raise TypeError(f"No API schema for {type(block).__name__}; register a BlockAdapter.")

    def struct_schema(self, block: blocks.StructBlock, name_hint: str) -> type[BaseModel]:
        name = f"{type(block).__name__ if _is_project_block(block) else name_hint}Value"
        fields = {
            child_name: (self.value_schema(child, f"{name}{_camel(child_name)}"), ...)
            for child_name, child in block.child_blocks.items()
        }
        return self.model(name, type(block) if _is_project_block(block) else name_hint, **fields)

    def stream_union(self, block: blocks.StreamBlock, name_hint: str) -> Any:
        """`{type, id, value}` for each child block, discriminated by `type`."""
        members = []
        for child_name, child in block.child_blocks.items():
            value = self.value_schema(child, _camel(child_name))
            item_name = f"{_camel(child_name)}Block"
            origin = (child_name, repr(value))
            if item_name in self._models and self._origins[item_name] != origin:
                item_name = f"{name_hint}{item_name}"
            members.append(
                self.model(
                    item_name,
                    origin,
                    type=(Literal[child_name], ...),
                    id=(str, ...),
                    lang=(str | None, Field(None, description=BLOCK_LANG)),
                    dir=(Literal["ltr", "rtl"] | None, None),
                    value=(value, ...),
                )
            )
        return Annotated[Union[tuple(members)], Field(discriminator="type")]  # noqa: UP007


BLOCK_LANG = "The block's language: the page's, or the source's for a block published untranslated."

#: The builder that every app's schemas use, so a block shared by two apps has one schema.
block_schemas = BlockSchemas()


def stream_schema(block: blocks.StreamBlock, name: str) -> Any:
    """The typed list for a StreamField: `story: stream_schema(StoryStreamBlock(), "Story")`."""
    return block_schemas.value_schema(block, name)


class ContentSerializer:
    """Turns block values into the JSON their schemas describe, for one request and locale."""

    def __init__(
        self,
        request: HttpRequest | None,
        locale_chain: list[str],
        restricted: list[str] | None = None,
    ):
        self.request = request
        self.locale_chain = locale_chain
        #: Paths under view restrictions, looked up once for all of this response's queries.
        self.restricted = restricted_paths() if restricted is None else restricted
        self.links = PageLinkResolver(locale_chain, request, self.restricted)
        #: Heading anchors of this page: one serializer renders one page, so they are unique.
        self.anchors = Anchors()
        self.rich_text = RichTextResolver(self.links, self.anchors)
        self.images = ImageResolver()
        #: Page-level facts that adapters need, e.g. {"reference_numbers": {"nimh": 1}}.
        self.context: dict[str, Any] = {}
        #: What the serialised content shows beyond its page (core.events tags), so that a
        #: change to any of it renders the content again.
        self.tags: set[str] = set()

    def tag(self, *tags: str) -> None:
        self.tags.update(tags)

    def prepare(self, *streams: tuple[blocks.Block, Any], images=(), page_ids=()) -> None:
        """Collect what the values refer to and resolve it in bulk."""
        for block, value in streams:
            for leaf, leaf_value in walk(block, value):
                if isinstance(leaf, ImageChooserBlock):
                    self.images.collect(leaf_value)
                elif isinstance(leaf, blocks.PageChooserBlock):
                    self.links.collect(leaf_value)
                elif isinstance(leaf, blocks.RichTextBlock):
                    self.rich_text.collect(leaf_value.source)
        for image in images:
            self.images.collect(image)
        for page_id in page_ids:
            self.links.collect(page_id)
        self.links.resolve()
        self.images.prefetch()

    def block_language(self, block_id: str | None) -> dict[str, str | None]:
        """A block's language and direction: the page's, or the source's for a block an editor
        published untranslated (readers' software must not read English as Arabic)."""
        language = self.context.get("language")
        if block_id in self.context.get("untranslated", ()):
            language = self.context.get("source_language", language)
        return {"lang": language, "dir": text_direction(language) if language else None}

    def html(self, source: str) -> str:
        return self.rich_text.render(source)

    def value(self, block: blocks.Block, value: Any) -> Any:
        adapter = adapter_for(block)
        if adapter is not None:
            return adapter.value(block, value, self)
        if isinstance(block, blocks.StreamBlock):
            return [
                {
                    "type": child.block_type,
                    "id": child.id,
                    **self.block_language(child.id),
                    "value": self.value(child.block, child.value),
                }
                for child in value
            ]
        if isinstance(block, blocks.ListBlock):
            items = [self.value(block.child_block, item) for item in value]
            if isinstance(block.child_block, blocks.ChooserBlock):
                items = [item for item in items if item is not None]
            return items
        if isinstance(block, blocks.StructBlock):
            children = block.child_blocks.items()
            return {name: self.value(child, value.get(name)) for name, child in children}
        if value is None:
            return False if isinstance(block, blocks.BooleanBlock) else None
        if isinstance(block, ImageChooserBlock):
            return self.images.serialize(value)
        if isinstance(block, blocks.PageChooserBlock):
            return self.links.link(value.pk)
        if isinstance(block, DocumentChooserBlock):
            return DocumentSchema(id=value.pk, title=value.title, url=public_document_url(value))
        if isinstance(block, blocks.RichTextBlock):
            return self.html(value.source)
        if isinstance(block, blocks.DecimalBlock):
            return float(value)
        if isinstance(block, blocks.ChoiceBlock) and value == "":
            return None  # an optional choice left empty
        return value


@register_block_adapter(ImageBlock)
class ImageBlockAdapter(BlockAdapter):
    """An image block shows its renditions with the resolved alt text, caption and credit."""

    def schema(self, block, schemas):
        return schemas.model(
            "ImageBlockValue",
            ImageBlock,
            image=(ImageSchema | None, ...),
            decorative=(
                bool,
                Field(
                    description="Adds nothing to the text: alt is empty, screen readers skip it."
                ),
            ),
            caption=(str, ...),
            credit=(str, ...),
        )

    def value(self, block, value, serializer):
        return {
            "image": serializer.images.serialize(value.get("image"), alt=value.alt),
            "decorative": bool(value.get("decorative")),
            "caption": value.get("caption") or "",
            "credit": value.get("credit") or "",
        }


@register_block_adapter(HeadingBlock)
class HeadingBlockAdapter(BlockAdapter):
    """A heading carries its anchor (the `id` a front end gives it), for links and the table of
    contents: a slug of its text, unique on the page."""

    def schema(self, block, schemas):
        return schemas.model(
            "HeadingBlockValue",
            HeadingBlock,
            text=(str, ...),
            level=(Literal["h2", "h3", "h4"], ...),
            anchor=(str, Field(description="Unique on the page; stable while the text is.")),
        )

    def value(self, block, value, serializer):
        text = value.get("text") or ""
        level = value.get("level") or "h2"
        anchor = serializer.anchors.claim(text)
        serializer.anchors.headings.append({"anchor": anchor, "text": text, "level": level})
        return {"text": text, "level": level, "anchor": anchor}
