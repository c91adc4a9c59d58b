"""What the delivery API shows of the provider directory."""

from datetime import date
from typing import Literal

from ninja import Schema
from pydantic import Field

from core.api.links import LocaleSchema
from providers.vetting import VettingCriterion

CriterionCode = Literal[tuple(criterion.value for criterion in VettingCriterion)]


class ServiceSchema(Schema):
    slug: str
    name: str


class AddressSchema(Schema):
    street: str
    city: str
    region: str = Field(description="State or region code, e.g. PA.")
    postal_code: str
    country: str = Field(description="ISO 3166 alpha-2 country code.")


class GeoPointSchema(Schema):
    latitude: float
    longitude: float


class VettingAnswerSchema(Schema):
    criterion: CriterionCode
    label: str
    met: bool = Field(description="False means 'not confirmed', not 'no'.")
    evidence: str


class ProviderIndexContent(Schema):
    type: Literal["providers.ProviderIndexPage"]
    intro: str
    disclaimer: str


class ProviderContent(Schema):
    type: Literal["providers.ProviderPage"]
    description: str
    address: AddressSchema
    location: GeoPointSchema | None
    phone: str
    website: str | None
    services: list[ServiceSchema]
    vetting: list[VettingAnswerSchema]
    accepting_new_patients: bool
    pricing_notes: str
    insurance_accepted: str
    licences_and_accreditation: str
    last_verified: date
    disclaimer: str = Field(description="The directory's not-an-endorsement notice, as HTML.")


class ProviderCard(Schema):
    id: int
    title: str
    path: str
    locale: LocaleSchema
    address: AddressSchema
    location: GeoPointSchema | None
    services: list[ServiceSchema]
    criteria_met: list[CriterionCode]
    accepting_new_patients: bool
    last_verified: date
    distance_km: float | None = Field(None, description="Present when latitude and longitude are.")


class ProviderList(Schema):
    count: int
    items: list[ProviderCard]
    disclaimer: str = Field(description="The directory's not-an-endorsement notice, as HTML.")
