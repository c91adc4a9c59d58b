from wagtail import blocks

from core.links_safety import validate_rich_text_links

# Rich-text features that editors may use in body copy. Headings are blocks of their own,
# so that the outline stays consistent and front ends can build a table of contents.
PARAGRAPH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "superscript"]
INLINE_FEATURES = ["bold", "italic", "link"]


class HeadingBlock(blocks.StructBlock):
    """A section heading at level 2, 3 or 4 (the page title is the only level 1)."""

    text = blocks.CharBlock(max_length=120, help_text="A short heading that names the section.")
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section (H2)"), ("h3", "Subsection (H3)"), ("h4", "Minor (H4)")],
        default="h2",
        help_text="H2 for main sections; H3 and H4 only inside an H2 section.",
    )

    class Meta:
        icon = "title"
        template = "core/blocks/heading_block.html"
        label = "Heading"
        description = (
            "A heading that starts a section; front ends use it for the table of contents."
        )
        preview_value = {"text": "What the evidence says", "level": "h2"}
        form_classname = "struct-block heading-block"


class ParagraphBlock(blocks.RichTextBlock):
    """Body copy: paragraphs with emphasis, lists and links."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("features", PARAGRAPH_FEATURES)
        kwargs.setdefault("validators", [validate_rich_text_links])
        super().__init__(*args, **kwargs)

    class Meta:
        icon = "pilcrow"
        template = "core/blocks/paragraph_block.html"
        label = "Paragraph"
        description = "One or more paragraphs of text, with links, lists and emphasis."
        preview_value = (
            "<p>Recovery rarely follows a straight line. Small, steady changes often matter "
            "more than any single breakthrough.</p>"
        )


class CalloutBlock(blocks.StructBlock):
    """A boxed note that stands apart from the text: a tip, a caution or a safety message."""

    tone = blocks.ChoiceBlock(
        choices=[
            ("info", "Information"),
            ("tip", "Tip"),
            ("caution", "Caution"),
            ("safety", "Safety (crisis support)"),
        ],
        default="info",
        help_text="How prominent the box is. Use Safety only for crisis and emergency guidance.",
    )
    title = blocks.CharBlock(
        max_length=120, required=False, default="", help_text="Optional short title."
    )
    body = blocks.RichTextBlock(
        features=[*INLINE_FEATURES, "ul"],
        validators=[validate_rich_text_links],
        help_text="One or two sentences; keep it short.",
    )

    class Meta:
        icon = "info-circle"
        template = "core/blocks/callout_block.html"
        label = "Callout"
        description = "A boxed note that stands apart from the text."
        preview_value = {
            "tone": "tip",
            "title": "Before your first appointment",
            "body": "<p>Write down the medicines you take and any questions you have.</p>",
        }
