"""An English article that uses every block type, and helpers to translate through
wagtail-localize as the admin does ("Translate this page", the editor, "Publish")."""

import datetime

import polib
from wagtail.models import Collection, Page
from wagtail_factories import ImageFactory
from wagtail_localize.models import StringTranslation, Translation
from wagtail_localize.operations import translate_object

from articles.models import ArticlePage, ArticlePageTopic
from providers.vetting import VettingCriterion
from tests.approvals import publish_reviewed
from tests.articles.factories import ArticlePageFactory, TopicFactory, reference

REVIEWED = datetime.date(2026, 3, 1)
ACCESSED = datetime.date(2026, 2, 14)


def image(title: str = "A calm illustration"):
    return ImageFactory(title=title, collection=Collection.get_first_root_node())


def rich_article(
    parent: Page, *, slug: str = "ketamine-therapy", title: str = "Ketamine therapy", **fields
) -> ArticlePage:
    """A published English article with every custom block, two references and two topics.

    Returned fresh from the database, as editors' pages always are, so that its stream data is
    in the stored (normalised) form.
    """
    picture = image()
    related = fields.pop("related", [])
    article = ArticlePageFactory(
        parent=parent,
        slug=slug,
        title=title,
        standfirst="What ketamine does and how to choose a clinic.",
        summary="Ketamine can ease depression quickly for some people.",
        hero_image=picture,
        hero_image_alt="Three white circles on blue",
        last_reviewed=REVIEWED,
        references=[
            reference(
                "star-d",
                title="Outcomes in depressed outpatients",
                authors="Rush AJ, et al.",
                doi="10.1176/ajp.2006.163.11.1905",
                pmid="17074942",
                url="",
            ),
            reference(
                "nimh",
                title="Major Depression",
                publisher="National Institute of Mental Health",
                url="https://www.nimh.nih.gov/health/statistics/major-depression",
                accessed=ACCESSED,
            ),
        ],
        topic_links=[
            ArticlePageTopic(topic=TopicFactory(name="Ketamine therapy")),
            ArticlePageTopic(topic=TopicFactory(name="Depression")),
        ],
        story=[
            {
                "type": "testimonial",
                "value": {
                    "quote": "I felt quiet for the first time in years",
                    "attribution": "Maya, 43",
                    "name_changed": True,
                    "consent_given": True,
                },
            },
            {
                "type": "reflection",
                "value": {"title": "Looking back", "body": "<p>Room to breathe helped.</p>"},
            },
            {
                "type": "image",
                "value": {
                    "image": picture.pk,
                    "alt_text": "A window in morning light",
                    "decorative": False,
                    "caption": "Small routines anchor the day",
                    "credit": "Illustration by the team",
                },
            },
        ],
        science=[
            {"type": "heading", "value": {"text": "How it works", "level": "h2"}},
            {
                "type": "paragraph",
                "value": '<p>It acts on <b>glutamate</b>, see <a href="https://example.org/'
                'glutamate">this explainer</a>.</p>',
            },
            {
                "type": "mechanism_list",
                "value": {
                    "intro": "At low doses it appears to:",
                    "mechanisms": [
                        {
                            "mechanism": "Block NMDA receptors",
                            "explanation": "It quiets one kind of signal",
                        }
                    ],
                },
            },
            {
                "type": "statistic",
                "value": {
                    "figure": "8.3%",
                    "measure": "of adults had a major depressive episode",
                    "population": "US adults in 2021",
                    "reference": "nimh",
                },
            },
            {
                "type": "simpler_terms",
                "value": {"heading": "In simpler terms", "body": "<p>Connections regrow.</p>"},
            },
            {
                "type": "glossary_term",
                "value": {"term": "Glutamate", "definition": "A messenger that excites cells"},
            },
            {
                "type": "callout",
                "value": {
                    "tone": "caution",
                    "title": "Not a cure",
                    "body": "<p>It helps some.</p>",
                },
            },
        ],
        guidance=[
            {
                "type": "provider_checklist",
                "value": {
                    "intro": "Before you start, ask:",
                    "items": [
                        {
                            "text": "Is a physician with me at every session?",
                            "criterion": VettingCriterion.QUALIFIED_MEDICAL_STAFF.value,
                        }
                    ],
                },
            },
            {
                "type": "care_plan",
                "value": {
                    "intro": "A wider plan:",
                    "components": [{"name": "Ongoing care", "explanation": "Regular check-ins"}],
                },
            },
            {
                "type": "barriers",
                "value": {
                    "intro": "",
                    "items": [
                        {"question": "Is it safe?", "answer": "<p>Clinics screen first.</p>"}
                    ],
                },
            },
            {
                "type": "provider_directory",
                "value": {
                    "label": "Find a clinic in Pennsylvania",
                    "text": "Every clinic is vetted",
                    "country": "US",
                    "region": "PA",
                    "service": "iv-ketamine",
                    "criterion": VettingCriterion.TRANSPARENT_PRICING.value,
                },
            },
            *(
                [
                    {
                        "type": "related_reading",
                        "value": {"heading": "Read next", "articles": related},
                    }
                ]
                if related
                else []
            ),
        ],
        **fields,
    )
    publish_reviewed(article)
    return ArticlePage.objects.get(pk=article.pk)


def related_reading(pages: list[int]) -> dict:
    return {"type": "related_reading", "value": {"heading": "Read next", "articles": pages}}


def start_translation(instance, locale, user=None) -> Translation:
    """What "Translate this page" (or "Translate" on a snippet) does."""
    translate_object(instance, [locale], user=user)
    return Translation.objects.get(source__object_id=instance.translation_key, target_locale=locale)


def fill(translation: Translation, translate=lambda text: f"ES {text}", only=None) -> int:
    """Translate the segments (all, or those whose text `only` accepts) by PO upload."""
    po = translation.export_po()
    for entry in po:
        if only is None or only(entry.msgid):
            entry.msgstr = translate(entry.msgid)
    translation.import_po(po)
    return sum(bool(entry.msgstr) for entry in po)


def translated_strings(translation: Translation) -> dict[str, str]:
    return dict(
        StringTranslation.objects.filter(
            context__object_id=translation.source.object_id, locale=translation.target_locale
        ).values_list("translation_of__data", "data")
    )


def po_text(translation: Translation) -> str:
    return str(translation.export_po())


def parse_po(text: str) -> polib.POFile:
    return polib.pofile(text)
