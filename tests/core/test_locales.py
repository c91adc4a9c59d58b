import pytest

from core.locales import UnknownLocale, fallback_chain, locale_info


@pytest.mark.parametrize(
    ("requested", "chain"),
    [
        ("en", ["en"]),
        ("es", ["es", "en"]),
        ("ar", ["ar", "en"]),
        ("es-MX", ["es", "en"]),
        ("ES_mx", ["es", "en"]),
        ("ar-EG", ["ar", "en"]),
    ],
)
def test_fallback_chain_ends_with_the_default_language(requested, chain):
    assert fallback_chain(requested) == chain


def test_configured_fallbacks_are_followed(settings):
    settings.CONTENT_LOCALE_FALLBACKS = {"ar": ["es"]}
    assert fallback_chain("ar") == ["ar", "es", "en"]


@pytest.mark.parametrize("requested", ["fr", "zz-top", "../etc", "", "e"])
def test_unknown_or_malformed_locales_are_rejected(requested):
    with pytest.raises(UnknownLocale):
        fallback_chain(requested)


def test_arabic_is_right_to_left_and_named_in_arabic():
    assert locale_info("ar").direction == "rtl"
    assert locale_info("ar").name == "العربية"
    assert locale_info("es").direction == "ltr"
