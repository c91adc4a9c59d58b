from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.hero import HeroImageMixin
from core.preview import FrontEndPreviewMixin
from core.visibility import visible


class HomePage(HeroImageMixin, FrontEndPreviewMixin, Page):
    """The root of each locale's site: what readers land on first."""

    # The hero sets the mood beside the heading; it may carry no information of its own.
    hero_image_may_be_decorative = True

    hero_heading = models.CharField(
        max_length=120,
        blank=True,
        help_text="The line readers see first, e.g. 'Clear, reviewed guidance on depression care'.",
    )
    hero_text = models.TextField(
        max_length=400,
        blank=True,
        help_text="One or two sentences under the heading: who the site is for and what it offers.",
    )
    articles_page = models.ForeignKey(
        "articles.ArticleIndexPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The article listing that the 'All articles' link opens.",
    )
    providers_page = models.ForeignKey(
        "providers.ProviderIndexPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The provider directory that the 'Find a provider' link opens.",
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_text"),
                FieldPanel(
                    "hero_image",
                    help_text="A calm, wide image (at least 1440 pixels wide) behind or beside "
                    "the heading.",
                ),
                FieldPanel(
                    "hero_image_alt",
                    help_text="Describe the image for screen-reader users; leave empty if it is "
                    "decorative.",
                ),
            ],
            heading="Hero",
        ),
        InlinePanel(
            "featured_articles",
            label="Featured article",
            heading="Featured articles",
            max_num=6,
            help_text="Up to six articles, in the order readers should see them.",
        ),
        MultiFieldPanel(
            [PageChooserPanel("articles_page"), PageChooserPanel("providers_page")],
            heading="Links",
        ),
    ]

    max_count_per_parent = 1
    subpage_types = ["articles.ArticleIndexPage", "providers.ProviderIndexPage"]

    # Links to pages keep pointing at the source pages; readers get the page in their own
    # language when it is resolved (wagtail-localize maps only snippets, not pages).
    override_translatable_fields = [
        TranslatableField("hero_heading"),
        TranslatableField("hero_text"),
        SynchronizedField("hero_image"),
        TranslatableField("hero_image_alt"),
        TranslatableField("featured_articles"),
        SynchronizedField("articles_page"),
        SynchronizedField("providers_page"),
    ]

    class Meta:
        verbose_name = "home page"

    def visible_featured_articles(self) -> list[Page]:
        """Featured articles that readers can open, in the editors' order."""
        chosen = [featured.article_id for featured in self.featured_articles.all()]
        pages = visible(Page.objects.filter(pk__in=chosen)).specific().in_bulk()
        return [pages[pk] for pk in chosen if pk in pages]


class HomePageFeaturedArticle(TranslatableMixin, Orderable):
    """An article shown on the home page, in the order editors choose."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_articles")
    article = models.ForeignKey(
        "articles.ArticlePage",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="A published article to feature.",
    )

    panels = [PageChooserPanel("article")]

    # The same article in every language unless a translator picks another one.
    translatable_fields = [SynchronizedField("article")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = "featured article"
