"""The demo shows every translation status, made through wagtail-localize."""

import pytest
from wagtail.models import Locale, Page
from wagtail_localize.models import String

from articles.models import ArticlePage
from core.translation_provenance import provenance
from core.translation_status import TranslationStatus, translation_states
from demo import translations
from demo.loader import load_demo_content

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(module_db):
    """The whole demo, loaded once for this module."""
    return load_demo_content()


def states_by_slug(locale_code: str) -> dict[str, TranslationStatus]:
    english = Locale.objects.get(language_code="en")
    pages = list(Page.objects.filter(locale=english, depth__gt=1))
    target = Locale.objects.get(language_code=locale_code)
    states = translation_states(pages, [target])
    return {page.slug: states[page.translation_key][0].status for page in pages}


def test_every_status_appears_in_the_demo(demo):
    spanish, arabic = states_by_slug("es"), states_by_slug("ar")

    assert set(spanish.values()) | set(arabic.values()) == set(TranslationStatus)
    assert spanish[translations.FLAGSHIP_SLUG] == TranslationStatus.COMPLETE
    assert spanish[translations.OUTDATED_SLUG] == TranslationStatus.OUTDATED
    assert spanish["integration-therapy"] == TranslationStatus.MISSING
    assert arabic[translations.FLAGSHIP_SLUG] == TranslationStatus.IN_PROGRESS
    assert {spanish[slug] for slug in ("home", "articles", "providers")} == {
        TranslationStatus.COMPLETE
    }
    assert any(line.startswith("Page translation statuses: ") for line in demo)


def test_the_spanish_flagship_is_live_and_the_unfinished_arabic_one_is_not(demo, client):
    flagship = ArticlePage.objects.filter(
        translation_key=ArticlePage.objects.get(
            slug=translations.FLAGSHIP_SLUG, locale__language_code="en"
        ).translation_key
    )
    spanish = flagship.get(locale__language_code="es")
    arabic = flagship.get(locale__language_code="ar")

    assert spanish.live and spanish.slug == "terapia-ketamina-depresion-resistente"
    assert spanish.title == "Terapia con ketamina para la depresión resistente al tratamiento"
    assert client.get(spanish.url).status_code == 200
    # Half translated: a draft in translation, never English text marked as Arabic for readers.
    assert not arabic.live
    served = client.get(f"/api/v1/pages/{arabic.pk}", {"locale": "ar"}).json()
    assert (
        served["meta"]["served_locale"]["code"] == "en"
    )  # Arabic readers get the English original
    made = provenance(arabic)
    assert 0 < made.translated_segments < made.total_segments


def test_a_spanish_article_demonstrates_a_reviewed_machine_translation(demo, client):
    english = ArticlePage.objects.get(slug=translations.OUTDATED_SLUG, locale__language_code="en")
    spanish = english.get_translation(Locale.objects.get(language_code="es"))

    body = client.get(f"/api/v1/pages/{spanish.pk}", {"locale": "es"}).json()

    made = body["translation"]
    assert made["machine_segments"] == made["reviewed_machine_segments"] > 0
    assert made["reviewed_by"] == "Edie Editor"
    assert {"@type": "SoftwareApplication", "name": "Demo machine translator"} in body["seo"][
        "json_ld"
    ]["translator"]


def test_every_catalogue_entry_matches_demo_text(demo):
    """A stale entry (English demo text edited, catalogue not) would silently go unused."""
    english_strings = set(
        String.objects.filter(locale__language_code="en").values_list("data", flat=True)
    )
    for language_code in ("es", "ar"):
        unused = set(translations.load_catalogue(language_code)) - english_strings
        assert not unused, f"{language_code} catalogue entries match no demo text: {unused}"
