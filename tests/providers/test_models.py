import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail_localize.fields import get_translatable_fields

from providers.models import ProviderPage, Service
from providers.vetting import VettingCriterion, evidence_field_name
from tests.providers.factories import ProviderPageFactory


def errors_of(page) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as raised:
        page.full_clean()
    return raised.value.message_dict


@pytest.fixture
def provider(directory):
    return ProviderPageFactory(
        parent=directory, latitude=Decimal("39.95"), longitude=Decimal("-75.16")
    )


def test_a_valid_provider_passes_validation(provider):
    provider.full_clean()


def test_latitude_without_longitude_is_refused(provider):
    provider.longitude = None
    assert errors_of(provider) == {
        "longitude": ["Enter the longitude as well as the latitude, or clear both."]
    }


def test_longitude_without_latitude_is_refused(provider):
    provider.latitude = None
    assert list(errors_of(provider)) == ["latitude"]


def test_no_coordinates_at_all_is_fine(provider):
    provider.latitude = provider.longitude = None
    provider.full_clean()


@pytest.mark.parametrize(
    ("field", "value"),
    [("latitude", "90.5"), ("latitude", "-91"), ("longitude", "180.1"), ("longitude", "-181")],
)
def test_coordinates_out_of_range_are_refused(provider, field, value):
    setattr(provider, field, Decimal(value))
    assert "must be between" in errors_of(provider)[field][0]


@pytest.mark.parametrize("criterion", list(VettingCriterion))
def test_a_criterion_marked_met_without_evidence_is_refused(provider, criterion):
    setattr(provider, criterion.value, True)
    setattr(provider, evidence_field_name(criterion), "   ")
    errors = errors_of(provider)
    assert list(errors) == [evidence_field_name(criterion)]
    assert f"You ticked '{criterion.label}'" in errors[evidence_field_name(criterion)][0]


def test_a_criterion_met_with_evidence_or_not_met_without_evidence_is_fine(provider):
    provider.thorough_screening = True
    provider.thorough_screening_evidence = "Showed us its intake questionnaire."
    provider.transparent_pricing = False
    provider.transparent_pricing_evidence = ""
    provider.full_clean()


def test_last_verified_cannot_be_in_the_future(provider):
    provider.last_verified = timezone.localdate() + datetime.timedelta(days=1)
    assert errors_of(provider) == {
        "last_verified": [
            "This date is in the future. Enter the day the details were last checked."
        ]
    }


def test_last_verified_today_is_fine(provider):
    provider.last_verified = timezone.localdate()
    provider.full_clean()


@pytest.mark.parametrize(("field", "value"), [("region", "pa"), ("country", "USA")])
def test_codes_must_be_capitalised_codes(provider, field, value):
    setattr(provider, field, value)
    assert field in errors_of(provider)


@pytest.mark.parametrize("criterion", list(VettingCriterion))
def test_every_vetting_criterion_has_a_yes_no_field_and_an_evidence_field(criterion):
    assert isinstance(ProviderPage._meta.get_field(criterion.value), models.BooleanField)
    evidence = ProviderPage._meta.get_field(evidence_field_name(criterion))
    assert isinstance(evidence, models.TextField)


def test_vetting_lists_each_criterion_in_order_with_its_answer(provider):
    provider.integration_support = True
    provider.integration_support_evidence = "Therapist on site."

    answers = provider.vetting

    assert [answer.criterion for answer in answers] == list(VettingCriterion)
    integration = answers[2]
    assert (integration.label, integration.met, integration.evidence) == (
        "Therapeutic integration support",
        True,
        "Therapist on site.",
    )
    assert not any(answer.met for answer in answers if answer is not integration)


def test_phone_link_keeps_only_what_a_phone_dials(provider):
    provider.phone = "+1 (215) 555-0142"
    assert provider.phone_link == "tel:+12155550142"
    provider.phone = ""
    assert provider.phone_link == ""


def test_services_are_offered_in_the_editors_order(directory, iv_ketamine, integration_therapy):
    page = ProviderPageFactory(parent=directory, services=[integration_therapy, iv_ketamine])
    assert page.offered_services == [integration_therapy, iv_ketamine]


def test_a_service_slug_is_unique_within_a_locale(iv_ketamine):
    duplicate = Service(name="Ketamine drips", slug="iv-ketamine", locale=iv_ketamine.locale)
    with pytest.raises(ValidationError) as raised:
        duplicate.full_clean()
    assert "slug" in raised.value.message_dict


def test_a_translated_service_keeps_its_slug(iv_ketamine, locales):
    translation = iv_ketamine.copy_for_translation(locales["es"])
    translation.name = "Infusiones de ketamina"
    translation.full_clean()
    translation.save()
    assert Service.objects.filter(slug="iv-ketamine").count() == 2


@pytest.mark.django_db  # a new page looks up its content type
def test_translations_copy_codes_and_translate_prose():
    fields = {field.field_name: field for field in get_translatable_fields(ProviderPage)}
    page = ProviderPage()
    for name in ["region", "country", "postal_code", "phone", "website", "latitude"]:
        assert fields[name].is_synchronized(page), name
        assert not fields[name].is_translated(page), name
    for name in ["description", "pricing_notes", "thorough_screening_evidence", "services"]:
        assert fields[name].is_translated(page), name
    assert not fields["region"].is_overridable(page)
    assert fields["city"].is_overridable(page)


def test_a_service_slug_is_never_translated():
    (slug,) = (f for f in get_translatable_fields(Service) if f.field_name == "slug")
    assert not slug.is_translated(Service()) and not slug.is_overridable(Service())
