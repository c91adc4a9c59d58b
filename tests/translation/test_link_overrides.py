"""Translators' link overrides in wagtail-localize's editor follow the editors' link rule."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse
from wagtail.models import Site
from wagtail_localize.models import OverridableSegment

from core.models import CrisisLine, SafetyInformation, SafetySettings
from providers.models import ProviderPage
from tests.core.factories import safety_information
from tests.providers.factories import ProviderIndexPageFactory, ProviderPageFactory
from tests.translation.factories import fill, start_translation

pytestmark = pytest.mark.django_db

BOOKING = "https://clinic.example.org/book"
ATTACK = "JaVaScRiPt:alert(document.domain)"
REFUSAL = "This link can't be used: “javascript:” links can run code in readers' browsers."


@pytest.fixture
def api_get(client):
    return lambda endpoint, **params: client.get(f"/api/v1{endpoint}", params)


def override(client, translation, segment, value: str):
    url = reverse("wagtail_localize:edit_override", args=[translation.pk, segment.pk])
    return client.put(url, urlencode({"value": value}), "application/x-www-form-urlencoded")


@pytest.fixture
def clinic(home_page):
    directory = ProviderIndexPageFactory(parent=home_page)
    page = ProviderPageFactory(
        parent=directory, description=f'<p>Book <a href="{BOOKING}">online</a>.</p>'
    )
    return ProviderPage.objects.get(pk=page.pk)


@pytest.fixture
def clinic_translation(clinic, spanish):
    translation = start_translation(clinic, spanish)
    fill(translation)
    return translation


def description_link(translation) -> OverridableSegment:
    return translation.source.overridablesegment_set.get(context__path__startswith="description.")


def test_a_translator_cannot_override_a_clinic_link_with_javascript(
    clinic, clinic_translation, spanish, translator, client, publishing, api_get
):
    client.force_login(translator)

    response = override(client, clinic_translation, description_link(clinic_translation), ATTACK)

    # wagtail-localize's editor shows `error` beside the link, with a warning sign.
    assert response.status_code in (200, 201)
    assert response.json()["error"].startswith(REFUSAL)
    publishing(clinic_translation.save_target)
    spanish_clinic = ProviderPage.objects.get(
        translation_key=clinic.translation_key, locale=spanish
    )
    description = api_get(f"/pages/{spanish_clinic.pk}").json()["content"]["description"]
    assert f'<a href="{BOOKING}">' in description
    assert "javascript" not in description.lower()
    assert "javascript" not in client.get(spanish_clinic.url).content.decode().lower()


@pytest.mark.parametrize(
    "attack", ["  javascript:alert(1)", "java\tscript:alert(1)", "data:text/html,x", "vbscript:x"]
)
def test_disguised_schemes_are_refused_as_overrides_too(
    clinic_translation, translator, client, attack
):
    client.force_login(translator)

    response = override(client, clinic_translation, description_link(clinic_translation), attack)

    assert "This link can't be used" in response.json()["error"]


def test_a_corrected_override_is_accepted_and_published(
    clinic, clinic_translation, spanish, translator, client, publishing
):
    client.force_login(translator)
    segment = description_link(clinic_translation)
    override(client, clinic_translation, segment, ATTACK)

    response = override(client, clinic_translation, segment, "https://clinic.example.org/es/")

    assert response.json()["error"] is None
    publishing(clinic_translation.save_target)
    spanish_clinic = ProviderPage.objects.get(
        translation_key=clinic.translation_key, locale=spanish
    )
    assert 'href="https://clinic.example.org/es/"' in spanish_clinic.description


def test_an_editor_cannot_override_a_spanish_crisis_line_url_with_javascript(
    locales, spanish, superuser, client, publishing, api_get
):
    english = safety_information(locales["en"])
    CrisisLine.objects.filter(safety_information=english).update(url="https://988lifeline.org/")
    settings = SafetySettings.for_site(Site.objects.get(is_default_site=True))
    settings.safety_information = english
    settings.save()
    translation = start_translation(SafetyInformation.objects.get(pk=english.pk), spanish)
    url_segment = translation.source.overridablesegment_set.get(
        context__path__startswith="crisis_lines.", context__path__endswith=".url"
    )
    client.force_login(superuser)

    response = override(client, translation, url_segment, f"\t{ATTACK}")

    assert response.json()["error"].startswith(REFUSAL)
    publishing(translation.save_target)
    lines = api_get("/site", locale="es").json()["safety"]["crisis_lines"]
    assert [line["url"] for line in lines] == ["https://988lifeline.org/"]


def test_a_translator_cannot_override_a_clinic_website_with_javascript(
    clinic_translation, translator, client
):
    client.force_login(translator)
    website = clinic_translation.source.overridablesegment_set.get(context__path="website")

    response = override(client, clinic_translation, website, ATTACK)

    assert response.json()["error"].startswith(REFUSAL)


def test_a_plain_text_override_with_a_colon_is_not_mistaken_for_a_link(
    clinic_translation, translator, client
):
    client.force_login(translator)
    street = clinic_translation.source.overridablesegment_set.get(context__path="street")

    response = override(client, clinic_translation, street, "Planta 2: Calle Mayor 1")

    assert response.json()["error"] is None
