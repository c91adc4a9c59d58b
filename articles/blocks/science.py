"""Blocks for the science section: how a treatment works and what the evidence says."""

from django.utils.text import slugify
from wagtail import blocks

from core.blocks.streams import BaseStreamBlock
from core.blocks.text import INLINE_FEATURES
from core.links_safety import validate_rich_text_links

from .fields import FigureBlock, ReferenceKeyBlock


class MechanismBlock(blocks.StructBlock):
    """One way a treatment acts on the body, with a plain-language explanation."""

    mechanism = blocks.CharBlock(
        max_length=160,
        help_text="The mechanism in precise terms, e.g. 'Blocks NMDA receptors'.",
    )
    explanation = blocks.TextBlock(
        max_length=600,
        help_text="What that means for a reader without a science background, in one or two "
        "sentences.",
    )

    class Meta:
        icon = "cogs"
        template = "articles/blocks/mechanism_block.html"
        label = "Mechanism"
        description = "One mechanism of action and what it means in everyday words."
        preview_value = {
            "mechanism": "Blocks NMDA receptors",
            "explanation": "It quiets one kind of signal, which sets off changes elsewhere.",
        }


class MechanismListBlock(blocks.StructBlock):
    """The ways a treatment is thought to work, as a list readers can scan."""

    intro = blocks.CharBlock(
        max_length=200,
        required=False,
        default="",
        help_text="Optional lead-in, e.g. 'At low, supervised doses, ketamine appears to:'.",
    )
    mechanisms = blocks.ListBlock(
        MechanismBlock(),
        min_num=1,
        help_text="One item per mechanism, most established first.",
    )

    class Meta:
        icon = "list-ul"
        template = "articles/blocks/mechanism_list_block.html"
        label = "Mechanism list"
        description = "A list of mechanisms of action, each with a plain-language explanation."
        preview_value = {
            "intro": "At low, supervised doses, the medicine appears to:",
            "mechanisms": [
                {
                    "mechanism": "Block NMDA receptors",
                    "explanation": "It quiets one kind of signal, which sets off other changes.",
                },
                {
                    "mechanism": "Encourage new synapses",
                    "explanation": "Nerve cells grow new points of contact with each other.",
                },
            ],
        }


class StatisticValue(blocks.StructValue):
    """A statistic with the anchor of the reference it cites."""

    @property
    def reference_anchor(self) -> str:
        return f"ref-{self.get('reference')}"


class StatisticBlock(blocks.StructBlock):
    """A figure from the evidence: what it measures, in whom, and the source that reports it."""

    figure = FigureBlock()
    measure = blocks.CharBlock(
        max_length=250,
        help_text="What the figure measures, as a phrase that follows it, e.g. 'of adults "
        "reached remission within four treatment steps'.",
    )
    population = blocks.CharBlock(
        max_length=200,
        help_text="Who was studied, when and where, e.g. 'US adults with major depression, 2021'.",
    )
    reference = ReferenceKeyBlock(
        help_text="The reference that reports this figure, chosen from this article's "
        "references (add it under References first).",
        error_messages={
            "required": "Every statistic needs a source: choose one of this article's references.",
            "invalid": "Choose one of this article's references from the list.",
        },
    )

    class Meta:
        icon = "decimal"
        template = "articles/blocks/statistic_block.html"
        label = "Statistic"
        value_class = StatisticValue
        description = "A figure from the evidence, tied to one of the article's references."
        preview_value = {
            "figure": "8.3%",
            "measure": "of adults had at least one major depressive episode in a year",
            "population": "US adults, 2021",
            "reference": "nimh-major-depression",
        }


class SimplerTermsBlock(blocks.StructBlock):
    """A plain-language restatement of the science just above it."""

    heading = blocks.CharBlock(
        max_length=80,
        default="In simpler terms",
        help_text="The lead-in readers see, usually 'In simpler terms'.",
    )
    body = blocks.RichTextBlock(
        features=INLINE_FEATURES,
        validators=[validate_rich_text_links],
        help_text="Two or three short sentences without jargon. Avoid promises of a cure.",
    )

    class Meta:
        icon = "help"
        template = "articles/blocks/simpler_terms_block.html"
        label = "In simpler terms"
        description = "A plain-language explainer of the science just above it."
        preview_value = {
            "heading": "In simpler terms",
            "body": "<p>The medicine may help the brain rebuild connections that stress wore "
            "down.</p>",
        }


class GlossaryTermValue(blocks.StructValue):
    """A glossary term with the anchor that links to its definition."""

    @property
    def anchor(self) -> str:
        return f"term-{slugify(self.get('term', ''), allow_unicode=True)}"


class GlossaryTermBlock(blocks.StructBlock):
    """A technical term and its definition, for readers meeting it for the first time."""

    term = blocks.CharBlock(max_length=80, help_text="The term as it appears in the text.")
    definition = blocks.TextBlock(
        max_length=400,
        help_text="A one- or two-sentence definition in everyday words.",
    )

    class Meta:
        icon = "tag"
        template = "articles/blocks/glossary_term_block.html"
        label = "Glossary term"
        value_class = GlossaryTermValue
        description = "A technical term with a short, plain definition."
        preview_value = {
            "term": "Glutamate",
            "definition": "The brain's most common chemical messenger for switching cells on.",
        }


class ScienceStreamBlock(BaseStreamBlock):
    """The science section: mechanisms, evidence with sources, and plain-language explainers."""

    mechanism_list = MechanismListBlock()
    statistic = StatisticBlock()
    simpler_terms = SimplerTermsBlock()
    glossary_term = GlossaryTermBlock()
