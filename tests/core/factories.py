"""Safety information (disclaimer and crisis lines) for tests."""

from wagtail.models import Locale, Site

from core.models import CrisisLine, SafetyInformation, SafetySettings


def safety_information(
    locale: Locale, *, translation_of: SafetyInformation | None = None, lines: int = 1
) -> SafetyInformation:
    """Safety information in `locale` (a translation of `translation_of` when given)."""
    information = SafetyInformation(
        locale=locale,
        name="Default",
        disclaimer=f"<p>General information ({locale.language_code}); not medical advice.</p>",
    )
    if translation_of is not None:
        information.translation_key = translation_of.translation_key
    information.crisis_lines = [
        CrisisLine(locale=locale, country="US", name=f"988 Lifeline ({locale.language_code})")
        for _ in range(lines)
    ]
    information.save()
    return information


def crisis_lines_in(*language_codes: str) -> SafetyInformation:
    """The site's safety information, with crisis lines in English and in each language given."""
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    english = safety_information(locales["en"])
    for code in language_codes:
        safety_information(locales[code], translation_of=english)
    settings = SafetySettings.for_site(Site.objects.get(is_default_site=True))
    settings.safety_information = english
    settings.save()
    return english
