"""Navigation in /site: every section in every locale, untranslated ones flagged, one order."""

import pytest
from wagtail.models import Page

LOCALES = ["en", "es", "ar"]

pytestmark = pytest.mark.django_db


def sections(api, locale):
    navigation = api("/site", locale=locale).json()["navigation"]
    keys = dict(
        Page.objects.filter(pk__in=[link["id"] for link in navigation]).values_list(
            "pk", "translation_key"
        )
    )
    return [(keys[link["id"]], link) for link in navigation]


def test_the_navigation_reaches_every_section_in_the_same_order_in_every_locale(api, demo_content):
    orders = {locale: [key for key, _ in sections(api, locale)] for locale in LOCALES}

    assert len(orders["en"]) >= 3  # the home page and at least articles and providers
    assert orders["es"] == orders["en"]
    assert orders["ar"] == orders["en"]


def test_an_untranslated_section_links_to_the_source_page_flagged_as_a_fallback(api, demo_content):
    arabic = [link for _, link in sections(api, "ar")]

    fallbacks = [link for link in arabic if link["fallback"]]
    assert fallbacks, "the demo leaves at least one section untranslated in Arabic"
    assert all(
        link["locale"]["code"] == "en" and link["path"].startswith("/en/") for link in fallbacks
    )
    assert all(link["locale"]["code"] == "ar" for link in arabic if not link["fallback"])
    assert not any(link["fallback"] for _, link in sections(api, "en"))
