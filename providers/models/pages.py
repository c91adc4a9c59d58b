"""Pages of the provider directory: the directory itself and one page per clinic."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
    TitleFieldPanel,
)
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager, TranslatableMixin
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks.text import INLINE_FEATURES, PARAGRAPH_FEATURES
from core.links_safety import validate_rich_text_links, validate_safe_link
from core.locales import first_in_chain
from core.panels import ContentChecksPanel
from core.preview import FrontEndPreviewMixin
from core.rules import RuledPageMixin
from core.visibility import visible
from providers.validators import (
    validate_country_code,
    validate_not_in_future,
    validate_region_code,
)
from providers.vetting import VettingAnswer, VettingCriterion, evidence_field_name

from .snippets import Service

DEFAULT_DISCLAIMER = (
    "<p><b>A listing is not an endorsement.</b> We record what each clinic showed us against "
    "four criteria and when we last checked. Confirm the details with the clinic, and talk to "
    "your own clinician before you choose a provider.</p>"
)

EVIDENCE_HELP_TEXT = (
    "What the clinic showed you, or where it publishes this, and when you checked, e.g. "
    "'Staff list with licence numbers on its website, checked 2 March'. Required when ticked."
)


class ProviderIndexPage(FrontEndPreviewMixin, Page):
    """The provider directory: lists the clinics below it, with the directory's disclaimer."""

    intro = RichTextField(
        features=PARAGRAPH_FEATURES,
        blank=True,
        validators=[validate_rich_text_links],
        help_text="A short introduction: who the directory is for and how to use it.",
    )
    disclaimer = RichTextField(
        features=INLINE_FEATURES,
        validators=[validate_rich_text_links],
        default=DEFAULT_DISCLAIMER,
        help_text=(
            "Shown prominently on the directory and on every clinic's page. It must tell "
            "readers that a listing is not an endorsement; you may reword it."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("disclaimer"),
    ]

    override_translatable_fields = [TranslatableField("intro"), TranslatableField("disclaimer")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["providers.ProviderPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "provider directory"
        verbose_name_plural = "provider directories"

    @classmethod
    def nearest(
        cls, chain: list[str], restricted: list[str] | None = None
    ) -> "ProviderIndexPage | None":
        """The directory readers of the first locale of `chain` see (one query)."""
        directories = visible(
            cls.objects.filter(locale__language_code__in=chain), restricted
        ).select_related("locale")
        return first_in_chain(directories, chain)

    def providers(self) -> "ProviderPageQuerySet":
        """The clinics that readers can see here: live, public, in alphabetical order."""
        return ProviderPage.objects.child_of(self).live().public().order_by("title")

    def get_context(self, request, *args, **kwargs):
        # These filters serve editors' previews; front ends filter through the API.
        context = super().get_context(request, *args, **kwargs)
        listed = self.providers()
        region = request.GET.get("region", "").strip().upper()
        service = request.GET.get("service", "").strip().lower()
        matching = listed
        if region:
            matching = matching.in_region(region)
        if service:
            matching = matching.offering(service)
        context.update(
            providers=matching.prefetch_related("services__service"),
            regions=listed.order_by("region").values_list("region", flat=True).distinct(),
            services=Service.objects.filter(locale=self.locale),
            selected_region=region,
            selected_service=service,
        )
        return context


class ProviderPageQuerySet(PageQuerySet):
    def in_region(self, region: str) -> "ProviderPageQuerySet":
        """Clinics in the state or region with this code, e.g. 'PA'."""
        return self.filter(region=region.upper())

    def offering(self, service_slug: str) -> "ProviderPageQuerySet":
        """Clinics that offer the service with this slug, e.g. 'iv-ketamine'."""
        offers = ProviderService.objects.filter(page=OuterRef("pk"), service__slug=service_slug)
        return self.filter(Exists(offers))


ProviderPageManager = PageManager.from_queryset(ProviderPageQuerySet)


class ProviderPage(RuledPageMixin, FrontEndPreviewMixin, Page):
    """One clinic: where it is, what it offers, and how it meets the vetting criteria."""

    description = RichTextField(
        features=PARAGRAPH_FEATURES,
        validators=[validate_rich_text_links],
        help_text=(
            "Two or three short paragraphs in your own words: who the clinic serves and how a "
            "course of treatment there usually runs. Not the clinic's marketing copy."
        ),
    )
    phone = models.CharField(
        max_length=40,
        blank=True,
        help_text="The number patients call, as they would dial it, e.g. (215) 555-0142.",
    )
    website = models.URLField(
        blank=True,
        validators=[validate_safe_link],
        help_text="The clinic's own website, starting with https://.",
    )
    licences_and_accreditation = models.TextField(
        blank=True,
        help_text=(
            "Licences and accreditations you have checked, with who issued them, e.g. "
            "'Licensed by the Pennsylvania Department of Health'."
        ),
    )

    street = models.CharField(
        max_length=255,
        help_text="Street address, with suite or floor, e.g. '1200 Market Street, Suite 4'.",
    )
    city = models.CharField(max_length=100, help_text="The town or city, e.g. 'Philadelphia'.")
    region = models.CharField(
        max_length=3,
        validators=[validate_region_code],
        help_text=(
            "The state or region code in capitals, e.g. PA for Pennsylvania. Readers filter "
            "the directory by it."
        ),
    )
    postal_code = models.CharField(
        max_length=12, blank=True, help_text="The ZIP or postal code, e.g. 19107."
    )
    country = models.CharField(
        max_length=2,
        default="US",
        validators=[validate_country_code],
        help_text="The two-letter country code (ISO 3166), e.g. US.",
    )
    latitude = models.DecimalField(
        max_digits=8,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[
            MinValueValidator(-90, "Latitude must be between -90 and 90."),
            MaxValueValidator(90, "Latitude must be between -90 and 90."),
        ],
        help_text=(
            "Optional, for maps: degrees north (negative for south), e.g. 39.952583. "
            "Fill in both latitude and longitude, or neither."
        ),
    )
    longitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[
            MinValueValidator(-180, "Longitude must be between -180 and 180."),
            MaxValueValidator(180, "Longitude must be between -180 and 180."),
        ],
        help_text=(
            "Optional, for maps: degrees east (negative for west), e.g. -75.165222. "
            "Fill in both latitude and longitude, or neither."
        ),
    )

    # One yes/no field and one evidence field per VettingCriterion, named after its value.
    # Everything else (panels, validation, templates, API) iterates over `vetting`.
    qualified_medical_staff = models.BooleanField(
        default=False,
        help_text=(
            "Tick if a licensed physician or nurse practitioner assesses every patient and "
            "medically trained staff monitor every session."
        ),
    )
    qualified_medical_staff_evidence = models.TextField(blank=True, help_text=EVIDENCE_HELP_TEXT)
    thorough_screening = models.BooleanField(
        default=False,
        help_text=(
            "Tick if the clinic reviews medical and psychiatric history, current medicines "
            "and risks before the first treatment."
        ),
    )
    thorough_screening_evidence = models.TextField(blank=True, help_text=EVIDENCE_HELP_TEXT)
    integration_support = models.BooleanField(
        default=False,
        help_text=(
            "Tick if the clinic offers, or refers patients to, therapy that helps them make "
            "sense of and build on each treatment."
        ),
    )
    integration_support_evidence = models.TextField(blank=True, help_text=EVIDENCE_HELP_TEXT)
    transparent_pricing = models.BooleanField(
        default=False,
        help_text=(
            "Tick if the clinic gives the full cost and a written treatment plan before the "
            "first session."
        ),
    )
    transparent_pricing_evidence = models.TextField(blank=True, help_text=EVIDENCE_HELP_TEXT)
    last_verified = models.DateField(
        validators=[validate_not_in_future],
        help_text=(
            "The day someone on the team last checked these details with the clinic. "
            "Readers see it; it cannot be in the future."
        ),
    )

    accepting_new_patients = models.BooleanField(
        default=True,
        help_text="Untick when the clinic says it is not taking new patients at present.",
    )
    pricing_notes = models.TextField(
        blank=True,
        help_text=(
            "What a course of treatment costs and what the price includes, as the clinic "
            "states it, e.g. 'About $450 per infusion; consultation $200'."
        ),
    )
    insurance_accepted = models.TextField(
        blank=True,
        help_text=(
            "Which insurers or programmes the clinic accepts for which services, or "
            "'Self-pay only'."
        ),
    )

    objects = ProviderPageManager()

    parent_page_types = ["providers.ProviderIndexPage"]
    subpage_types = []

    search_fields = [
        *Page.search_fields,
        index.SearchField("description"),
        index.SearchField("city"),
        index.SearchField("region"),
        index.AutocompleteField("city"),
        index.FilterField("region"),
        index.FilterField("accepting_new_patients"),
    ]

    # Addresses, codes, coordinates, dates and the vetting answers are facts, not prose:
    # translations copy them from the source, so a reader in any language sees the same
    # verified clinic. A translator may still transliterate the street and city, or link to the
    # clinic's site in the reader's language. The descriptions and the evidence are translated;
    # services map to their own translations.
    override_translatable_fields = [
        TranslatableField("description"),
        SynchronizedField("phone", overridable=False),
        SynchronizedField("website"),
        TranslatableField("licences_and_accreditation"),
        SynchronizedField("street"),
        SynchronizedField("city"),
        SynchronizedField("region", overridable=False),
        SynchronizedField("postal_code", overridable=False),
        SynchronizedField("country", overridable=False),
        SynchronizedField("latitude", overridable=False),
        SynchronizedField("longitude", overridable=False),
        *(SynchronizedField(criterion.value, overridable=False) for criterion in VettingCriterion),
        *(TranslatableField(evidence_field_name(criterion)) for criterion in VettingCriterion),
        SynchronizedField("last_verified", overridable=False),
        SynchronizedField("accepting_new_patients", overridable=False),
        TranslatableField("pricing_notes"),
        TranslatableField("insurance_accepted"),
        TranslatableField("services"),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    ContentChecksPanel(),
                    TitleFieldPanel(
                        "title",
                        heading="Clinic name",
                        help_text="The clinic's name as it appears on its sign and website.",
                    ),
                    FieldPanel("description"),
                    FieldRowPanel([FieldPanel("phone"), FieldPanel("website")]),
                    FieldPanel("licences_and_accreditation"),
                ],
                heading="Clinic",
            ),
            ObjectList(
                [
                    FieldPanel("street"),
                    FieldRowPanel(
                        [FieldPanel("city"), FieldPanel("region"), FieldPanel("postal_code")]
                    ),
                    FieldPanel("country"),
                    FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                ],
                heading="Location",
            ),
            ObjectList(
                [InlinePanel("services", label="Services offered", heading="Services offered")],
                heading="Services",
            ),
            ObjectList(
                [
                    HelpPanel(
                        content=(
                            "<p>Tick a criterion only when the clinic showed you evidence, "
                            "and say what it was. Leave it unticked when you could not "
                            "confirm it: readers see 'not confirmed', not 'no'.</p>"
                        )
                    ),
                    *(
                        MultiFieldPanel(
                            [
                                FieldPanel(criterion.value),
                                FieldPanel(evidence_field_name(criterion)),
                            ],
                            heading=criterion.label,
                        )
                        for criterion in VettingCriterion
                    ),
                    FieldPanel("last_verified"),
                ],
                heading="Vetting",
            ),
            ObjectList(
                [
                    FieldPanel("accepting_new_patients"),
                    FieldPanel("pricing_notes"),
                    FieldPanel("insurance_accepted"),
                ],
                heading="Practicalities",
            ),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )

    class Meta:
        verbose_name = "provider"
        indexes = [
            # The API filters the directory by region, often with "accepting new patients".
            models.Index(fields=["region", "accepting_new_patients"], name="provider_region_idx"),
        ]

    @property
    def vetting(self) -> list[VettingAnswer]:
        """The four vetting criteria in their canonical order, each with its answer."""
        return [
            VettingAnswer(
                criterion=criterion,
                met=getattr(self, criterion.value),
                evidence=getattr(self, evidence_field_name(criterion)),
            )
            for criterion in VettingCriterion
        ]

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def phone_link(self) -> str:
        """The phone number as a tel: link target, or '' without a number."""
        dialable = re.sub(r"[^\d+]", "", self.phone)
        return f"tel:{dialable}" if dialable else ""

    @property
    def offered_services(self) -> list[Service]:
        return [offering.service for offering in self.services.all()]

    @cached_property
    def directory(self) -> ProviderIndexPage | None:
        """The directory this clinic is listed in (None for a page not yet in the tree)."""
        if not self.path:
            return None
        return ProviderIndexPage.objects.ancestor_of(self).first()

    @property
    def directory_disclaimer(self) -> str:
        """The directory's not-an-endorsement disclaimer, as rich text."""
        return self.directory.disclaimer if self.directory else DEFAULT_DISCLAIMER

    def clean(self):
        super().clean()
        errors: dict[str, str] = {}
        if self.latitude is None and self.longitude is not None:
            errors["latitude"] = "Enter the latitude as well as the longitude, or clear both."
        if self.longitude is None and self.latitude is not None:
            errors["longitude"] = "Enter the longitude as well as the latitude, or clear both."
        for answer in self.vetting:
            if answer.met and not answer.evidence.strip():
                errors[evidence_field_name(answer.criterion)] = (
                    f"You ticked '{answer.label}'. Say what the clinic showed you or where it "
                    "publishes this, or untick it."
                )
        if errors:
            raise ValidationError(errors)


class ProviderService(TranslatableMixin, Orderable):
    """A service that one clinic offers, in the order the clinic's page lists them."""

    page = ParentalKey(ProviderPage, on_delete=models.CASCADE, related_name="services")
    service = models.ForeignKey(
        Service,
        # A service in use cannot be deleted: front ends filter by its slug.
        on_delete=models.PROTECT,
        related_name="offered_by",
        help_text="Choose the service. If it is missing, add it under Snippets (Services) first.",
    )

    panels = [FieldPanel("service")]

    # The offering points at the service's translation in the clinic page's language.
    translatable_fields = [TranslatableField("service")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = "service offered"
        verbose_name_plural = "services offered"

    def __str__(self):
        return str(self.service)
