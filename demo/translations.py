"""Demo translations, made through wagtail-localize exactly as a translator's PO upload would be.

Spanish: the home page, both indexes, every provider, the services, people, topics, the safety
information, the flagship article and the esketamine article. Arabic: the people, topics and
safety information, the home page and article index (so the Arabic route exists) and part of the
flagship article.

For each object the loader takes a TranslationSource from the English original, starts a
Translation into the target locale, fills the PO file that wagtail-localize exports for it from
the catalogues in demo/translations/<language>/*.po, imports it and publishes the result. The
catalogues are matched by English text, never by segment ids, because block ids change every
time the demo is loaded into a new database.

Afterwards every translation status appears in the demo:

- complete: the Spanish home page, indexes, providers and flagship article;
- in progress: the Arabic flagship article (its science and guidance await a translator): a
  draft, not live, since readers get only complete translations;
- outdated: the Spanish esketamine article, machine-translated and approved by a translation
  reviewer, whose English original is edited after translation and republished without
  syncing;
- missing: the integration-therapy article in Spanish, and most pages in Arabic.

Running this again changes nothing: existing translations are left as they are.
"""

from collections import Counter
from pathlib import Path

import polib
from django.contrib.auth import get_user_model
from wagtail.models import DraftStateMixin, Locale, Page, TranslatableMixin
from wagtail_localize.models import Translation, TranslationSource

from articles.models import ArticleIndexPage, ArticlePage, Person, Topic
from core.models import SafetyInformation
from core.translation_records import TranslationReview
from core.translation_status import TranslationStatus, translation_states
from demo.review import publish_through_review
from home.models import HomePage
from providers.models import ProviderIndexPage, ProviderPage, Service

User = get_user_model()
CATALOGUE_DIR = Path(__file__).parent / "translations"
TOOL_NAME = "Demo catalogue"
MACHINE_TOOL_NAME = "Demo machine translator"
#: The demo account that reviews the machine-translated Spanish article.
TRANSLATION_REVIEWER = "editor"

FLAGSHIP_SLUG = "ketamine-therapy-treatment-resistant-depression"
OUTDATED_SLUG = "esketamine-nasal-spray"
# Added to the English esketamine article after its Spanish translation, without syncing.
ESKETAMINE_UPDATE = (
    "<p>In 2025 the FDA also approved esketamine on its own, without an oral antidepressant "
    "alongside it. Ask your prescriber which approach suits you.</p>"
)


def load_catalogue(language_code: str) -> dict[str, str]:
    """English text to translation, from every PO file of one language."""
    catalogue: dict[str, str] = {}
    for path in sorted((CATALOGUE_DIR / language_code).glob("*.po")):
        for entry in polib.pofile(str(path)):
            if entry.msgstr and not entry.obsolete and "fuzzy" not in entry.flags:
                catalogue.setdefault(entry.msgid, entry.msgstr)
    return catalogue


def translate(
    instance: TranslatableMixin,
    locale: Locale,
    catalogue: dict[str, str],
    *,
    machine: bool = False,
) -> bool:
    """Translate `instance` into `locale` from `catalogue`; False if a translation exists.

    Segments missing from the catalogue keep the source's text; such a page is saved as a draft,
    as the gate would withhold it (an unfinished translation is not published). With `machine`,
    the segments are recorded as a machine translator's, and a translation reviewer for the
    language approves them before the page is published.
    """
    source, _ = TranslationSource.get_or_create_from_instance(instance)
    translation, created = Translation.objects.get_or_create(source=source, target_locale=locale)
    if not created:
        return False

    po = translation.export_po()
    for entry in po:
        entry.msgstr = catalogue.get(entry.msgid, "")
    translation.import_po(
        po,
        translation_type="machine" if machine else "manual",
        tool_name=MACHINE_TOOL_NAME if machine else TOOL_NAME,
    )
    complete = all(entry.msgstr for entry in po)

    if isinstance(instance, DraftStateMixin):
        # save_target(publish=True) would publish when the transaction commits; publish the
        # saved revision now instead, so that the rest of the load sees the page live.
        translation.save_target(publish=False)
        target = translation.get_target_instance()
        if machine:
            TranslationReview.objects.create(
                page=target,
                revision=target.get_latest_revision(),
                reviewer=User.objects.filter(username=TRANSLATION_REVIEWER).first(),
                comment="Checked against the English original.",
            )
        if complete or not isinstance(target, Page):
            target.get_latest_revision().publish()
    else:
        translation.save_target(publish=True)
    return True


def edit_after_translation(article: ArticlePage) -> bool:
    """Add a paragraph to the English article and take it through the review again, leaving its
    translations unsynced."""
    science = list(article.science.raw_data)
    if any(block["value"] == ESKETAMINE_UPDATE for block in science):
        return False
    after_first_paragraph = next(
        position for position, block in enumerate(science, 1) if block["type"] == "paragraph"
    )
    science.insert(after_first_paragraph, {"type": "paragraph", "value": ESKETAMINE_UPDATE})
    article.science = science
    publish_through_review(article)
    return True


def load() -> list[str]:
    english = Locale.objects.get(language_code="en")
    spanish = Locale.objects.get(language_code="es")
    arabic = Locale.objects.get(language_code="ar")

    home = HomePage.objects.get(locale=english)
    article_index = ArticleIndexPage.objects.child_of(home).get(slug="articles")
    directory = ProviderIndexPage.objects.child_of(home).get(slug="providers")
    articles = {article.slug: article for article in ArticlePage.objects.child_of(article_index)}
    people = list(Person.objects.filter(locale=english))
    topics = list(Topic.objects.filter(locale=english))
    safety = list(SafetyInformation.objects.filter(locale=english))

    # Snippets before the pages that point to them, parents before children.
    plan = {
        spanish: [
            *Service.objects.filter(locale=english),
            *people,
            *topics,
            *safety,
            home,
            article_index,
            directory,
            *ProviderPage.objects.child_of(directory).order_by("path"),
            articles[FLAGSHIP_SLUG],
            articles[OUTDATED_SLUG],
        ],
        arabic: [*people, *topics, *safety, home, article_index, articles[FLAGSHIP_SLUG]],
    }
    created: Counter[str] = Counter()
    for locale, objects in plan.items():
        catalogue = load_catalogue(locale.language_code)
        for instance in objects:
            machine = locale == spanish and getattr(instance, "slug", "") == OUTDATED_SLUG
            created[locale.language_code] += translate(instance, locale, catalogue, machine=machine)

    edit_after_translation(ArticlePage.objects.get(pk=articles[OUTDATED_SLUG].pk))

    pages = Page.objects.filter(locale=english, depth__gt=1)
    statuses = Counter(
        state.status
        for states in translation_states(pages, [spanish, arabic]).values()
        for state in states
    )
    totals = {
        locale.language_code: Translation.objects.filter(target_locale=locale).count()
        for locale in (spanish, arabic)
    }
    return [
        f"Translations: {totals['es']} into Spanish, {totals['ar']} into Arabic "
        f"({created['es'] + created['ar']} new)",
        "Page translation statuses: "
        + ", ".join(f"{status.label.lower()} {statuses[status]}" for status in TranslationStatus),
    ]
