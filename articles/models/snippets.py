"""People who write and review articles, and the topics articles are filed under."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, TitleFieldPanel
from wagtail.images import get_image_model_string
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.links_safety import validate_safe_link
from core.taxonomy import TaxonomyTerm


class Person(TranslatableMixin, index.Indexed, models.Model):
    """Someone credited on articles: as author, as medical reviewer, or both."""

    name = models.CharField(
        max_length=120,
        help_text="The name as readers see it, with a title if they use one, e.g. 'Dr. Sam Lee'.",
    )
    credentials = models.CharField(
        max_length=160,
        blank=True,
        help_text="Qualifications shown after the name, e.g. 'MD, board-certified psychiatrist'.",
    )
    bio = models.TextField(
        max_length=600,
        blank=True,
        help_text="Two or three sentences on their background and why readers can trust them.",
    )
    photo = models.ForeignKey(
        get_image_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A head-and-shoulders portrait, used with their permission.",
    )
    profile_url = models.URLField(
        blank=True,
        validators=[validate_safe_link],
        help_text="Optional page about them elsewhere, e.g. a professional profile.",
    )
    is_author = models.BooleanField(
        "author",
        default=False,
        help_text="Tick if this person writes articles.",
    )
    is_medical_reviewer = models.BooleanField(
        "medical reviewer",
        default=False,
        help_text="Tick if this person is a clinician who checks articles for medical accuracy.",
    )
    # A medical reviewer's approval in the review workflow credits this person on the article.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
        verbose_name="admin account",
        help_text="The reviewer's own admin account. When they approve an article in the "
        "medical review, the article is credited to this person with the day's date.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("credentials"),
        FieldPanel("bio"),
        FieldPanel("photo"),
        FieldPanel("profile_url"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("is_author"), FieldPanel("is_medical_reviewer")])],
            heading="Roles",
        ),
        # Who gets credited for an approval is an account matter, so administrators link it.
        FieldPanel("user", permission="auth.change_user"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("credentials"),
        index.FilterField("is_author"),
        index.FilterField("is_medical_reviewer"),
        index.FilterField("locale"),
    ]

    # Names may be transliterated (e.g. into Arabic script); the rest of the profile is translated
    # except the photo, link and roles, which are the same person in every language.
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("credentials"),
        TranslatableField("bio"),
        SynchronizedField("photo"),
        SynchronizedField("profile_url"),
        SynchronizedField("is_author", overridable=False),
        SynchronizedField("is_medical_reviewer", overridable=False),
        SynchronizedField("user", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = "person"
        verbose_name_plural = "people"
        ordering = ["name"]

    def __str__(self):
        return f"{self.name}, {self.credentials}" if self.credentials else self.name

    def clean(self):
        super().clean()
        if not (self.is_author or self.is_medical_reviewer):
            raise ValidationError(
                "Tick at least one role, author or medical reviewer, so that this person can be "
                "credited on articles."
            )
        if self.user_id and not self.is_medical_reviewer:
            raise ValidationError(
                {
                    "user": "Only medical reviewers approve articles in the review workflow. Tick "
                    "“medical reviewer”, or leave the admin account empty."
                }
            )
        if self.user_id:
            # An approval credits exactly one person; translations share the account.
            other = (
                Person.objects.filter(user_id=self.user_id, locale_id=self.locale_id)
                .exclude(pk=self.pk)
                .first()
            )
            if other is not None:
                raise ValidationError(
                    {"user": f"This admin account already belongs to {other.name}."}
                )

    @property
    def roles(self) -> list[str]:
        roles = []
        if self.is_author:
            roles.append("author")
        if self.is_medical_reviewer:
            roles.append("medical reviewer")
        return roles


class TopicKind(models.TextChoices):
    CONDITION = "condition", "Condition"
    TREATMENT = "treatment", "Treatment"


DUPLICATE_TOPIC_SLUG = "Another topic in this language already uses this slug."


class Topic(TaxonomyTerm):
    """A condition or treatment that articles are filed under."""

    name = models.CharField(
        max_length=80,
        help_text="The topic as readers know it, e.g. 'Treatment-resistant depression'.",
    )
    slug = models.SlugField(
        max_length=80,
        help_text="Used in web addresses and filters; the same in every language, e.g. "
        "'treatment-resistant-depression'.",
    )
    kind = models.CharField(
        max_length=20,
        choices=TopicKind.choices,
        help_text="Whether this topic is a condition people live with or a treatment for one.",
    )
    description = models.TextField(
        max_length=300,
        blank=True,
        help_text="One or two sentences shown on topic listings.",
    )

    panels = [
        TitleFieldPanel("name", placeholder=False, targets=["slug"]),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("description"),
    ]

    duplicate_slug_message = DUPLICATE_TOPIC_SLUG

    search_fields = [*TaxonomyTerm.search_fields, index.FilterField("kind")]

    # The slug and kind identify the topic in every language; only the words are translated.
    translatable_fields = [
        *TaxonomyTerm.translatable_fields,
        SynchronizedField("kind", overridable=False),
        TranslatableField("description"),
    ]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = "topic"
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"],
                name="articles_topic_unique_slug_per_locale",
                violation_error_message=DUPLICATE_TOPIC_SLUG,
            )
        ]
