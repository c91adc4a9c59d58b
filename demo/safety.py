"""Demo safety information: the medical disclaimer and crisis lines, chosen in the site settings."""

from wagtail.models import Locale, Site

from core.models import CrisisLine, SafetyInformation, SafetySettings

DISCLAIMER = (
    "<p>This article informs; it does not replace advice from a clinician who knows you. "
    "Talk to a qualified professional before you start, stop or change any treatment.</p>"
)

CRISIS_LINES = [
    {
        "country": "US",
        "name": "988 Suicide & Crisis Lifeline",
        "phone": "988",
        "text_option": "Text 988",
        "hours": "24 hours, every day",
        "url": "https://988lifeline.org/",
    },
    {
        "country": "ES",
        "name": "Línea 024 de atención a la conducta suicida",
        "phone": "024",
        "text_option": "",
        "hours": "24 hours, every day",
        "url": "https://www.sanidad.gob.es/linea024/",
    },
]


def load() -> list[str]:
    english = Locale.objects.get(language_code="en")
    information = SafetyInformation.objects.filter(locale=english, name="Default").first()
    if information is None:
        information = SafetyInformation(
            locale=english,
            name="Default",
            disclaimer=DISCLAIMER,
            crisis_heading="If you are in crisis, you can get help now",
        )
        information.crisis_lines = [CrisisLine(locale=english, **line) for line in CRISIS_LINES]
        information.save()

    settings = SafetySettings.for_site(Site.objects.get(is_default_site=True))
    if settings.safety_information_id != information.pk:
        settings.safety_information = information
        settings.save()
    return [f"Safety information: {information.crisis_lines.count()} crisis lines"]
