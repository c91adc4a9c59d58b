"""Blocks for the guidance section: how to choose a provider and what good care looks like."""

from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from wagtail import blocks
from wagtail.models import Locale, Page

from core.blocks.streams import BaseStreamBlock
from core.blocks.text import INLINE_FEATURES
from core.links_safety import validate_rich_text_links
from core.visibility import visible
from providers.models import ProviderIndexPage
from providers.vetting import VettingCriterion

from .fields import CountryCodeBlock, KeyBlock, RegionCodeBlock


class ChecklistItemValue(blocks.StructValue):
    """A checklist item with the label of the vetting criterion it points to."""

    @property
    def criterion_label(self) -> str:
        criterion = self.get("criterion")
        return str(VettingCriterion(criterion).label) if criterion else ""


class ChecklistItemBlock(blocks.StructBlock):
    """One thing to check in a provider, optionally tied to a directory vetting criterion."""

    text = blocks.CharBlock(
        max_length=250,
        help_text="A question or check a reader can act on, e.g. 'Is a physician on site "
        "during every session?'",
    )
    criterion = blocks.ChoiceBlock(
        choices=VettingCriterion.choices,
        required=False,
        help_text="The provider-directory criterion this item checks, so readers can filter "
        "clinics by it. Leave empty when none fits.",
    )

    class Meta:
        icon = "check"
        template = "articles/blocks/checklist_item_block.html"
        label = "Checklist item"
        value_class = ChecklistItemValue
        description = "One check a reader can make, linked to a vetting criterion."
        preview_value = {
            "text": "Is a physician responsible for your care at every session?",
            "criterion": VettingCriterion.QUALIFIED_MEDICAL_STAFF.value,
        }


class ProviderChecklistValue(blocks.StructValue):
    """A provider checklist with the vetting criteria its items point to."""

    @property
    def criteria(self) -> list[str]:
        """The distinct criteria the items point to, in the order they first appear."""
        criteria = [item.get("criterion") for item in self.get("items", [])]
        return list(dict.fromkeys(criterion for criterion in criteria if criterion))


class ProviderChecklistBlock(blocks.StructBlock):
    """What to look for when choosing a provider, as a checklist."""

    intro = blocks.TextBlock(
        max_length=400,
        required=False,
        default="",
        help_text="Optional sentence before the list, e.g. why these checks matter.",
    )
    items = blocks.ListBlock(
        ChecklistItemBlock(),
        min_num=1,
        help_text="The checks, most important first.",
    )

    class Meta:
        icon = "tasks"
        template = "articles/blocks/provider_checklist_block.html"
        label = "Provider checklist"
        value_class = ProviderChecklistValue
        description = (
            "A checklist for choosing a provider, tied to the directory's vetting criteria."
        )
        preview_value = {
            "intro": "Not every clinic follows best practice. Before you book, ask:",
            "items": [
                {
                    "text": "Who is medically responsible for my care?",
                    "criterion": VettingCriterion.QUALIFIED_MEDICAL_STAFF.value,
                },
                {
                    "text": "What will the whole course cost, in writing?",
                    "criterion": VettingCriterion.TRANSPARENT_PRICING.value,
                },
            ],
        }


class CarePlanComponentBlock(blocks.StructBlock):
    """One part of a care plan and why it matters."""

    name = blocks.CharBlock(
        max_length=80,
        help_text="The component's name, e.g. 'Integration therapy' or 'Ongoing care'.",
    )
    explanation = blocks.TextBlock(
        max_length=400,
        help_text="One or two sentences on what it involves and why it helps.",
    )

    class Meta:
        icon = "pick"
        template = "articles/blocks/care_plan_component_block.html"
        label = "Care plan component"
        description = "One part of a care plan with a short explanation."
        preview_value = {
            "name": "Integration therapy",
            "explanation": "Sessions with a therapist to make sense of what treatment brings up.",
        }


class CarePlanBlock(blocks.StructBlock):
    """The parts of care that should surround a treatment."""

    intro = blocks.TextBlock(
        max_length=400,
        required=False,
        default="",
        help_text="Optional sentence before the list, e.g. 'Treatment works best as part of a "
        "wider plan:'.",
    )
    components = blocks.ListBlock(
        CarePlanComponentBlock(),
        min_num=1,
        help_text="The parts of the plan, in the order a reader meets them.",
    )

    class Meta:
        icon = "clipboard-list"
        template = "articles/blocks/care_plan_block.html"
        label = "Care plan"
        description = "The components of care that should surround a treatment."
        preview_value = {
            "intro": "Treatment tends to work best as part of a wider plan:",
            "components": [
                {
                    "name": "Integration therapy",
                    "explanation": "Time with a therapist to turn insights into change.",
                },
                {
                    "name": "Ongoing care",
                    "explanation": "Regular check-ins so that progress is noticed and kept.",
                },
            ],
        }


class QuestionAnswerBlock(blocks.StructBlock):
    """A question readers ask, or a misconception they hold, with a clear answer."""

    question = blocks.CharBlock(
        max_length=200,
        help_text="The question or belief in the reader's words, e.g. 'Isn't ketamine a party "
        "drug?'",
    )
    answer = blocks.RichTextBlock(
        features=INLINE_FEATURES,
        validators=[validate_rich_text_links],
        help_text="A calm, factual answer in a few sentences. Point to the evidence, not hype.",
    )

    class Meta:
        icon = "help"
        template = "articles/blocks/question_answer_block.html"
        label = "Question and answer"
        description = "A question or misconception with a clear, factual answer."
        preview_value = {
            "question": "Will my insurance pay for it?",
            "answer": "<p>Coverage varies by plan and by form of treatment. Ask for costs in "
            "writing.</p>",
        }


class BarriersBlock(blocks.StructBlock):
    """The practical barriers and common misconceptions readers meet, answered."""

    intro = blocks.TextBlock(
        max_length=400,
        required=False,
        default="",
        help_text="Optional sentence before the questions.",
    )
    items = blocks.ListBlock(
        QuestionAnswerBlock(),
        min_num=1,
        help_text="One question or misconception per item.",
    )

    class Meta:
        icon = "warning"
        template = "articles/blocks/barriers_block.html"
        label = "Barriers and misconceptions"
        description = "Questions and misconceptions that hold readers back, with answers."
        preview_value = {
            "items": [
                {
                    "question": "Is it safe?",
                    "answer": "<p>In a supervised clinical setting, with screening, risks are "
                    "monitored closely.</p>",
                }
            ]
        }


class ProviderDirectoryValue(blocks.StructValue):
    """A call to action with the directory filters it applies."""

    @property
    def filters(self) -> dict[str, str]:
        """The filters the editor set, named as the directory's query parameters."""
        names = ("country", "region", "service", "criterion")
        return {name: self.get(name) for name in names if self.get(name)}

    @property
    def query_string(self) -> str:
        return urlencode(self.filters)

    @cached_property
    def url(self) -> str:
        """The directory in the reader's language with the filters applied, or "" if none.

        Front ends build their own link from `filters`; this one serves the HTML preview.
        """
        directory = (
            visible(ProviderIndexPage.objects.filter(locale=Locale.get_active())).first()
            or visible(ProviderIndexPage.objects.all()).first()
        )
        if directory is None:
            return ""
        query = self.query_string
        return f"{directory.url}?{query}" if query else directory.url


class ProviderDirectoryBlock(blocks.StructBlock):
    """A call to action that opens the provider directory, optionally filtered."""

    label = blocks.CharBlock(
        max_length=100,
        help_text="The link text, e.g. 'Find a vetted clinic in Pennsylvania'.",
    )
    text = blocks.TextBlock(
        max_length=300,
        required=False,
        default="",
        help_text="Optional sentence before the link, e.g. who the listed clinics are for.",
    )
    country = CountryCodeBlock(
        required=False,
        help_text="Only show clinics in this country: its two-letter code, e.g. US.",
    )
    region = RegionCodeBlock(
        required=False,
        help_text="Only show clinics in this state or region, e.g. PA. Needs a country.",
    )
    service = KeyBlock(
        required=False,
        help_text="Only show clinics offering this service: its slug in the directory, e.g. "
        "iv-ketamine.",
    )
    criterion = blocks.ChoiceBlock(
        choices=VettingCriterion.choices,
        required=False,
        help_text="Only show clinics that meet this vetting criterion.",
    )

    def clean(self, value):
        value = super().clean(value)
        if value.get("region") and not value.get("country"):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "country": ValidationError(
                        "A region code only makes sense with its country: add the country's "
                        "code, e.g. US for PA."
                    )
                }
            )
        return value

    class Meta:
        icon = "site"
        template = "articles/blocks/provider_directory_block.html"
        label = "Provider directory link"
        value_class = ProviderDirectoryValue
        description = "A call to action that opens the provider directory with filters."
        preview_value = {
            "label": "Find a vetted clinic in Pennsylvania",
            "text": "Every clinic in the directory is checked against our four criteria.",
            "country": "US",
            "region": "PA",
        }


class RelatedReadingValue(blocks.StructValue):
    """Related reading, limited to the articles a reader can open."""

    @cached_property
    def visible_articles(self) -> list:
        """The chosen articles that are live, public and in their publication window, in order."""
        chosen = [page for page in self.get("articles", []) if page is not None]
        visible_ids = set(
            visible(Page.objects.filter(pk__in=[page.pk for page in chosen])).values_list(
                "pk", flat=True
            )
        )
        return [page for page in chosen if page.pk in visible_ids]


class RelatedReadingBlock(blocks.StructBlock):
    """Links to other articles that take the reader further."""

    heading = blocks.CharBlock(
        max_length=80,
        required=False,
        default="",
        help_text="Optional heading, e.g. 'Read next'. Leave empty for 'Related reading'.",
    )
    articles = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="articles.ArticlePage"),
        min_num=1,
        help_text="Articles that answer the next question a reader is likely to have.",
    )

    class Meta:
        icon = "doc-full"
        template = "articles/blocks/related_reading_block.html"
        label = "Related reading"
        value_class = RelatedReadingValue
        description = "Links to other articles on this site."
        preview_value = {"heading": "Read next", "articles": []}


class GuidanceStreamBlock(BaseStreamBlock):
    """The guidance section: choosing a provider, planning care and clearing up doubts."""

    provider_checklist = ProviderChecklistBlock()
    care_plan = CarePlanBlock()
    barriers = BarriersBlock()
    provider_directory = ProviderDirectoryBlock()
    related_reading = RelatedReadingBlock()
