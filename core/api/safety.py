"""The medical disclaimer and crisis lines that accompany articles and the site, per locale."""

from django.db.models import Subquery
from ninja import Schema

from core.api.blocks import ContentSerializer
from core.api.links import LocaleSchema
from core.events import SAFETY_TAG
from core.links_safety import safe_href
from core.locales import first_in_chain
from core.models import SafetyInformation, SafetySettings


class CrisisLineSchema(Schema):
    country: str
    name: str
    phone: str
    text_option: str
    hours: str
    url: str | None


class SafetySchema(Schema):
    locale: LocaleSchema
    disclaimer: str
    crisis_heading: str
    crisis_lines: list[CrisisLineSchema]


def find_safety_information(chain: list[str]) -> SafetyInformation | None:
    """The default site's safety information in the first locale of `chain` it exists in.

    Two queries: the information with its translations, then their crisis lines.
    """
    chosen_key = SafetySettings.objects.filter(site__is_default_site=True).values(
        "safety_information__translation_key"
    )
    translations = (
        SafetyInformation.objects.filter(
            translation_key__in=Subquery(chosen_key), locale__language_code__in=chain
        )
        .select_related("locale")
        .prefetch_related("crisis_lines")
    )
    return first_in_chain(translations, chain)


def safety_for(serializer: ContentSerializer) -> SafetySchema | None:
    """The safety information readers of the serializer's locale see beside the content."""
    serializer.tag(SAFETY_TAG)
    information = find_safety_information(serializer.locale_chain)
    if information is None:
        return None
    return SafetySchema(
        locale=LocaleSchema.of(information.locale.language_code),
        disclaimer=serializer.html(information.disclaimer),
        crisis_heading=information.crisis_heading,
        crisis_lines=[
            CrisisLineSchema(
                country=line.country,
                name=line.name,
                phone=line.phone,
                text_option=line.text_option,
                hours=line.hours,
                url=safe_href(line.url) or None,
            )
            for line in information.crisis_lines.all()
        ],
    )
