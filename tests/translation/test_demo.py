"""The demo shows every translation status, made through wagtail-localize."""

import pytest
from wagtail.models import Locale, Page
from wagtail_localize.models import String

from articles.models import ArticlePage
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


def test_the_translated_flagship_articles_are_live(demo, client):
    flagship = ArticlePage.objects.filter(
        translation_key=ArticlePage.objects.get(
            slug=translations.FLAGSHIP_SLUG, locale__language_code="en"
        ).translation_key
    )
    spanish = flagship.get(locale__language_code="es")
    arabic = flagship.get(locale__language_code="ar")

    assert spanish.live and spanish.slug == "terapia-ketamina-depresion-resistente"
    assert spanish.title == "Terapia con ketamina para la depresión resistente al tratamiento"
    response = client.get(arabic.url)
    assert arabic.live and response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in response.content.decode()
    # Untranslated segments fall back to the English text until a translator gets to them.
    assert "Choosing a provider" in response.content.decode()


def test_every_catalogue_entry_matches_demo_text(demo):
    """A stale entry (English demo text edited, catalogue not) would silently go unused."""
    english_strings = set(
        String.objects.filter(locale__language_code="en").values_list("data", flat=True)
    )
    for language_code in ("es", "ar"):
        unused = set(translations.load_catalogue(language_code)) - english_strings
        assert not unused, f"{language_code} catalogue entries match no demo text: {unused}"
