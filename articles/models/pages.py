"""Article pages and the index that lists them."""

from functools import cached_property

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.paginator import Paginator
from django.db import models
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Site
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from articles.blocks import (
    GuidanceStreamBlock,
    ScienceStreamBlock,
    StatisticBlock,
    StoryStreamBlock,
)
from articles.choosers import AuthorChooserWidget, MedicalReviewerChooserWidget
from articles.forms import ArticlePageForm
from articles.panels import ReferenceKeysPanel
from articles.reading import count_words, reading_time_minutes
from core.blocks.text import INLINE_FEATURES
from core.dates import one_year_after
from core.hero import HeroImageMixin
from core.links_safety import unsafe_child_links, validate_rich_text_links
from core.models import SafetyInformation, SafetySettings
from core.panels import ContentChecksPanel, TranslationStatusPanel
from core.preview import FrontEndPreviewMixin
from core.rules import RuledPageMixin
from core.visibility import visible

# The three sections of every article, in reading order.
SECTION_FIELDS = ("story", "science", "guidance")


class ArticleIndexPage(FrontEndPreviewMixin, Page):
    """The list of articles in one language, newest first."""

    intro = RichTextField(
        features=INLINE_FEATURES,
        blank=True,
        validators=[validate_rich_text_links],
        help_text="One or two sentences above the list that tell readers what they will find.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    override_translatable_fields = [TranslatableField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["articles.ArticlePage"]

    articles_per_page = 12

    class Meta:
        verbose_name = "article index"

    def get_articles(self) -> models.QuerySet:
        """What readers may see (live, public, within publication dates), newest first."""
        return (
            visible(ArticlePage.objects.child_of(self))
            .select_related("author", "hero_image")
            .order_by("-first_published_at", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.get_articles(), self.articles_per_page)
        context["articles"] = paginator.get_page(request.GET.get("page"))
        return context


class ArticlePage(HeroImageMixin, RuledPageMixin, FrontEndPreviewMixin, Page):
    """A long-form article about a treatment: a story, the science and guidance, with sources."""

    standfirst = models.CharField(
        max_length=255,
        help_text="One sentence under the title that tells readers what they will learn.",
    )
    summary = models.TextField(
        max_length=300,
        help_text="Two plain sentences for article cards and search results. No links.",
    )
    story = StreamField(
        StoryStreamBlock(),
        blank=True,
        help_text="The human experience: a personal story, quotes shared with consent, reflection.",
    )
    science = StreamField(
        ScienceStreamBlock(),
        blank=True,
        help_text="How the treatment works and what the evidence says. Every statistic cites a "
        "reference.",
    )
    guidance = StreamField(
        GuidanceStreamBlock(),
        blank=True,
        help_text="Practical guidance: choosing a provider, a care plan, barriers and "
        "misconceptions, where to go next.",
    )

    # Required on publishing; drafts may leave them empty (Wagtail defers nullable fields).
    author = models.ForeignKey(
        "articles.Person",
        null=True,
        on_delete=models.PROTECT,
        related_name="authored_articles",
        limit_choices_to={"is_author": True},
        help_text="Who wrote the article. Only people with the author role are offered.",
    )
    # Set by a medical reviewer's approval in the workflow (editorial/review_stamp.py), never
    # typed; an article without them cannot be published (editorial/publishing.py).
    medical_reviewer = models.ForeignKey(
        "articles.Person",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reviewed_articles",
        limit_choices_to={"is_medical_reviewer": True},
        help_text="The clinician who checked the article for medical accuracy.",
    )
    last_reviewed = models.DateField(
        null=True,
        blank=True,
        help_text="When the medical reviewer last checked the whole article.",
    )
    next_review_due = models.DateField(
        null=True,
        blank=True,
        help_text="When the article must be checked again. Leave empty for one year after the "
        "last review.",
    )

    word_count = models.PositiveIntegerField(
        default=0,
        editable=False,
        help_text="Words in the three sections; counted on every save.",
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("standfirst", boost=1.5),
        index.SearchField("summary"),
        index.SearchField("story"),
        index.SearchField("science"),
        index.SearchField("guidance"),
        index.FilterField("last_reviewed"),
        index.FilterField("next_review_due"),
    ]

    # What a writer fills in first, and publishing requires: title, standfirst, author, summary.
    content_panels = [
        *Page.content_panels,
        FieldPanel("standfirst"),
        FieldPanel("author", widget=AuthorChooserWidget),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading="Hero image"
        ),
        FieldPanel("story"),
    ]
    science_panels = [ReferenceKeysPanel(), FieldPanel("science")]
    guidance_panels = [FieldPanel("guidance")]
    reference_panels = [
        HelpPanel(
            content=(
                "<p>List every source the article relies on. Each reference has a short key, "
                "e.g. <code>nimh-trd</code>; statistics cite a source by its key. Readers see "
                "the references numbered in this order.</p>"
            )
        ),
        InlinePanel("references", heading="References", label="Reference"),
    ]
    review_panels = [
        HelpPanel(
            content=(
                "<p>The medical reviewer and the review date are set when a medical reviewer "
                "approves the article in the workflow's medical review, so nobody types them. "
                "The next review keeps the article's review interval (a year by default); you "
                "may choose another date.</p>"
            )
        ),
        FieldPanel("medical_reviewer", widget=MedicalReviewerChooserWidget, read_only=True),
        FieldRowPanel([FieldPanel("last_reviewed", read_only=True), FieldPanel("next_review_due")]),
    ]
    promote_panels = [
        *Page.promote_panels,
        InlinePanel("topic_links", heading="Topics", label="Topic"),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList([ContentChecksPanel(), *content_panels], heading="Story"),
            ObjectList(science_panels, heading="Science"),
            ObjectList(guidance_panels, heading="Guidance"),
            ObjectList(reference_panels, heading="References"),
            ObjectList(review_panels, heading="Review"),
            ObjectList(promote_panels, heading="Promote"),
            ObjectList([TranslationStatusPanel()], heading="Translations"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )
    base_form_class = ArticlePageForm

    # Words are translated; facts a reader relies on (review dates) are the source's in every
    # language. People and topics map to their own translations; the hero image stays the same
    # unless a translator overrides it (e.g. for an image with words in it). Figures, reference
    # keys, codes and page links inside the sections are kept by their block types.
    override_translatable_fields = [
        TranslatableField("standfirst"),
        TranslatableField("summary"),
        SynchronizedField("hero_image"),
        TranslatableField("hero_image_alt"),
        TranslatableField("story"),
        TranslatableField("science"),
        TranslatableField("guidance"),
        TranslatableField("author"),
        TranslatableField("medical_reviewer"),
        SynchronizedField("last_reviewed", overridable=False),
        SynchronizedField("next_review_due", overridable=False),
        TranslatableField("references"),
        TranslatableField("topic_links"),
    ]

    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "article"

    # Derived values

    @property
    def reading_time_minutes(self) -> int:
        return reading_time_minutes(self.word_count)

    @property
    def topics(self) -> list:
        """The article's topics, main topic first."""
        return [link.topic for link in self.topic_links.all()]

    @cached_property
    def reference_numbers(self) -> dict[str, int]:
        """Each reference's key and its number in the reference list (for citations)."""
        return {reference.key: number for number, reference in enumerate(self.references.all(), 1)}

    def update_word_count(self) -> None:
        self.word_count = count_words(getattr(self, name) for name in SECTION_FIELDS)

    def set_review_defaults(self) -> None:
        if self.last_reviewed and not self.next_review_due:
            self.next_review_due = one_year_after(self.last_reviewed)

    # Validation

    def clean(self):
        # The hero image's alt text is checked by HeroImageMixin; its error is shown with ours.
        found: dict[str, list[ValidationError]] = {}
        try:
            super().clean()
        except ValidationError as invalid:
            found = invalid.update_error_dict(found)
        self.set_review_defaults()
        self.update_word_count()

        errors: dict[str, ValidationError] = {}
        if (
            self.last_reviewed
            and self.next_review_due
            and self.next_review_due < self.last_reviewed
        ):
            errors["next_review_due"] = ValidationError(
                "The next review cannot be due before the last review. Choose a later date, or "
                "leave it empty for one year after the last review."
            )
        errors.update(self._citation_errors())
        if duplicates := self._duplicate_reference_keys():
            errors[NON_FIELD_ERRORS] = ValidationError(
                "Each reference needs its own key, but these keys are used more than once: "
                f"{', '.join(duplicates)}. Change one of each pair under References."
            )
        # Inline references are not reached by full_clean (the admin form checks them, imports
        # and scripts do not).
        if unsafe := unsafe_child_links(self.references.all(), "url"):
            errors.setdefault(NON_FIELD_ERRORS, ValidationError(unsafe))
        if errors:
            found = ValidationError(errors).update_error_dict(found)
        if found:
            raise ValidationError(found)

    def _duplicate_reference_keys(self) -> list[str]:
        keys = [reference.key for reference in self.references.all()]
        return sorted({key for key in keys if keys.count(key) > 1})

    def _citation_errors(self) -> dict[str, ValidationError]:
        """Errors for statistics whose reference is missing or names no reference (a key typed
        before the chooser, or a reference since deleted); each error lists the keys to choose."""
        keys = [reference.key for reference in self.references.all()]
        listed = ", ".join(keys)
        errors = {}
        for field_name in SECTION_FIELDS:
            block_errors = {}
            for position, child in enumerate(getattr(self, field_name)):
                if not isinstance(child.block, StatisticBlock):
                    continue
                key = child.value.get("reference")
                figure = child.value.get("figure")
                if key and key in keys:
                    continue
                if not key and keys:
                    message = (
                        f"The statistic “{figure}” has no source. Choose one of this article's "
                        f"references: {listed}."
                    )
                elif not key:
                    message = (
                        f"The statistic “{figure}” has no source, and the article has no "
                        "references yet. Add its source under References, then choose it here."
                    )
                elif keys:
                    message = (
                        f"No reference has the key “{key}”. Choose one of this article's "
                        f"references ({listed}), or add that source under References."
                    )
                else:
                    message = (
                        f"No reference has the key “{key}”: the article has no references yet. "
                        "Add that source under References."
                    )
                block_errors[position] = StructBlockValidationError(
                    block_errors={"reference": ValidationError(message)}
                )
            if block_errors:
                errors[field_name] = StreamBlockValidationError(block_errors=block_errors)
        return errors

    def order_references(self) -> None:
        """Give references added in code (without a sort order) the order they were listed in."""
        references = list(self.references.all())
        if any(reference.sort_order is None for reference in references):
            for position, reference in enumerate(references):
                reference.sort_order = position

    def save(self, *args, **kwargs):
        # Also here, not only in clean(): drafts and scripts save without full validation.
        self.set_review_defaults()
        self.update_word_count()
        self.order_references()
        return super().save(*args, **kwargs)

    # Rendering

    def get_safety_information(self, request) -> SafetyInformation | None:
        """The site's disclaimer and crisis lines, in this article's language when translated."""
        if Site.find_for_request(request) is None:
            return None
        return SafetySettings.for_request(request).for_locale(self.locale)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["safety_information"] = self.get_safety_information(request)
        return context
