"""The provider directory in the delivery API: clinic pages and the filterable listing."""

import json
import math
from typing import Any

from django.db.models import Prefetch
from django.http import HttpRequest
from django.utils.html import strip_tags
from django.utils.text import Truncator
from ninja import Query, Router
from pydantic import Field, model_validator

from core.api.blocks import ContentSerializer
from core.api.cache import tag
from core.api.links import LocaleSchema
from core.api.listings import (
    Listed,
    PaginationParams,
    cards_in_order,
    listed_window,
    listing_response,
    newest,
    with_field,
)
from core.api.pages import PageType
from core.api.params import LocaleParams, locale_chain_or_400, reject_unknown_params
from core.api.problems import PROBLEM_RESPONSES
from core.events import type_tag
from core.links_safety import safe_href
from core.paths import front_end_path
from core.snapshots.models import PageSnapshot
from providers.models import DEFAULT_DISCLAIMER, ProviderIndexPage, ProviderPage, ProviderService
from providers.schemas import (
    CriterionCode,
    ProviderCard,
    ProviderContent,
    ProviderIndexContent,
    ProviderList,
)
from providers.vetting import VettingCriterion

EARTH_RADIUS_KM = 6371.0


def _services(page: ProviderPage) -> list[dict[str, str]]:
    return [
        {"slug": offering.service.slug, "name": offering.service.name}
        for offering in page.services.all()
    ]


def _address(page: ProviderPage) -> dict[str, str]:
    return {
        "street": page.street,
        "city": page.city,
        "region": page.region,
        "postal_code": page.postal_code,
        "country": page.country,
    }


def _location(page: ProviderPage) -> dict[str, float] | None:
    if not page.has_coordinates:
        return None
    return {"latitude": float(page.latitude), "longitude": float(page.longitude)}


def _coordinates(page: ProviderPage) -> tuple[float, float] | None:
    location = _location(page)
    return (location["latitude"], location["longitude"]) if location else None


def _with_services(queryset):
    return queryset.prefetch_related(
        Prefetch("services", queryset=ProviderService.objects.select_related("service"))
    )


def build_provider_content(page: ProviderPage, serializer: ContentSerializer) -> dict[str, Any]:
    return {
        "type": "providers.ProviderPage",
        "description": serializer.html(page.description),
        "address": _address(page),
        "location": _location(page),
        "phone": page.phone,
        "website": safe_href(page.website) or None,
        "services": _services(page),
        "vetting": [
            {
                "criterion": answer.criterion.value,
                "label": answer.label,
                "met": answer.met,
                "evidence": answer.evidence,
            }
            for answer in page.vetting
        ],
        "accepting_new_patients": page.accepting_new_patients,
        "pricing_notes": page.pricing_notes,
        "insurance_accepted": page.insurance_accepted,
        "licences_and_accreditation": page.licences_and_accreditation,
        "last_verified": page.last_verified,
        "disclaimer": serializer.html(page.directory_disclaimer),
    }


def provider_json_ld(page: ProviderPage, serializer: ContentSerializer) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "MedicalClinic",
        "name": page.title,
        "inLanguage": page.locale.language_code,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": page.street,
            "addressLocality": page.city,
            "addressRegion": page.region,
            "postalCode": page.postal_code,
            "addressCountry": page.country,
        },
        "medicalSpecialty": "Psychiatric",
        "availableService": [
            {"@type": "MedicalTherapy", "name": service["name"]} for service in _services(page)
        ],
        "isAcceptingNewPatients": page.accepting_new_patients,
    }
    if page.phone:
        data["telephone"] = page.phone
    if website := safe_href(page.website):
        data["url"] = website
    if page.has_coordinates:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(page.latitude),
            "longitude": float(page.longitude),
        }
    return data


def build_provider_index_content(page: ProviderIndexPage, serializer: ContentSerializer):
    return {
        "type": "providers.ProviderIndexPage",
        "intro": serializer.html(page.intro),
        "disclaimer": serializer.html(page.disclaimer),
    }


PAGE_TYPES = [
    PageType(
        model=ProviderIndexPage,
        content_schema=ProviderIndexContent,
        build_content=build_provider_index_content,
        description=lambda page: Truncator(strip_tags(page.intro or "").strip()).chars(160),
    ),
    PageType(
        model=ProviderPage,
        content_schema=ProviderContent,
        build_content=build_provider_content,
        optimise=_with_services,
        json_ld=provider_json_ld,
        description=lambda page: f"{page.title}, {page.city}, {page.region}",
        build_card=lambda page, serializer: provider_card(page, serializer),
        card_schema=ProviderCard,
        facets=lambda page: provider_facets(page),
        location=lambda page: _coordinates(page),
    ),
]


class ProviderFilters(LocaleParams, PaginationParams):
    region: str | None = Field(
        None, pattern=r"^[A-Za-z0-9]{1,3}$", description="State or region code, e.g. PA."
    )
    country: str | None = Field(None, pattern=r"^[A-Za-z]{2}$", description="e.g. US.")
    service: str | None = Field(
        None, pattern=r"^[a-z0-9-]{1,60}$", description="A service slug, e.g. iv-ketamine."
    )
    accepting_new_patients: bool | None = None
    criterion: CriterionCode | None = Field(
        None, description="Only clinics that meet this vetting criterion (as article links use)."
    )
    qualified_medical_staff: bool | None = None
    thorough_screening: bool | None = None
    integration_support: bool | None = None
    transparent_pricing: bool | None = None
    latitude: float | None = Field(None, ge=-90, le=90)
    longitude: float | None = Field(None, ge=-180, le=180)
    radius_km: float | None = Field(
        None, gt=0, le=20_000, description="With latitude and longitude: the largest distance."
    )

    @model_validator(mode="after")
    def coordinates_come_in_pairs(self):
        if (self.latitude is None) != (self.longitude is None):
            raise ValueError("Give both latitude and longitude, or neither.")
        if self.radius_km is not None and self.latitude is None:
            raise ValueError("radius_km needs latitude and longitude.")
        return self


def distance_km(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    """Great-circle distance (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi, d_lambda = math.radians(lat2 - lat1), math.radians(lng2 - lng1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


router = Router(tags=["providers"])


@router.get(
    "",
    response={200: ProviderList, **PROBLEM_RESPONSES},
    summary="Clinics in the directory, filtered and paginated",
    operation_id="list_providers",
)
@reject_unknown_params
def list_providers(request: HttpRequest, filters: Query[ProviderFilters]):
    chain = locale_chain_or_400(filters.locale)
    tag(request, type_tag(ProviderPage), type_tag(ProviderIndexPage))
    wanted = {
        "region": filters.region and filters.region.upper(),
        "country": filters.country and filters.country.upper(),
        "service": filters.service,
        "accepting_new_patients": filters.accepting_new_patients,
        "criterion": filters.criterion,
        **{criterion.value: getattr(filters, criterion.value) for criterion in VettingCriterion},
    }
    facets = [facet(name, value) for name, value in wanted.items() if value is not None]
    listed = Listed(chain[0], (ProviderPage,), tuple(facets), ("title", "page_id"))
    distances: dict[int, float] = {}
    if filters.latitude is None:
        window, count = listed_window(listed, filters)
    else:
        snapshots = listed.snapshots()
        # Distance needs every match's coordinates: read those (one query), then the window.
        for row in snapshots.filter(latitude__isnull=False).values("pk", "latitude", "longitude"):
            distance = distance_km(
                filters.latitude, filters.longitude, row["latitude"], row["longitude"]
            )
            if filters.radius_km is None or distance <= filters.radius_km:
                distances[row["pk"]] = distance
        nearest = sorted(distances, key=lambda pk: distances[pk])
        count = len(nearest)
        pks = nearest[filters.offset : filters.offset + filters.limit]
        window = cards_in_order(snapshots, pks) if pks else []
    # Served as stored (validated against ProviderCard when rendered), with the distance added.
    cards = [
        with_field(stored.text, "distance_km", _rounded(distances.get(stored.pk)))
        for stored in window
    ]
    return listing_response(
        count,
        cards,
        last_modified=newest(stored.last_modified for stored in window),
        extra={"disclaimer": _disclaimer(chain[0])},
    )


def facet(name: str, value: Any) -> str:
    """How a provider's snapshot records what listings filter it by, e.g. "region:PA"."""
    if isinstance(value, bool):
        value = "yes" if value else "no"
    return f"{name}:{value}"


def provider_facets(page: ProviderPage) -> list[str]:
    answers = {answer.criterion.value: answer.met for answer in page.vetting}
    return [
        facet("region", page.region.upper()),
        facet("country", page.country.upper()),
        facet("accepting_new_patients", page.accepting_new_patients),
        *(facet("service", link.service.slug) for link in page.services.all()),
        *(facet("criterion", code) for code, met in answers.items() if met),
        *(facet(code, bool(getattr(page, code))) for code in answers),
    ]


def _rounded(distance: float | None) -> float | None:
    return round(distance, 1) if distance is not None else None


def _disclaimer(reader_locale: str) -> str:
    """The directory's disclaimer as its readers get it, or the default one (one query)."""
    directory = (
        PageSnapshot.objects.servable()
        .filter(reader_locale=reader_locale, page_type=ProviderIndexPage._meta.label)
        .order_by("fallback_rank", "page__path")
        .values_list("body", flat=True)
        .first()
    )
    if directory is None:
        return ContentSerializer(None, [reader_locale], []).html(DEFAULT_DISCLAIMER)
    return json.loads(directory)["content"]["disclaimer"]


def provider_card(page: ProviderPage, serializer: ContentSerializer) -> dict[str, Any]:
    """What listings show of a clinic (rendered into its snapshot; the distance is added per
    request)."""
    code = page.locale.language_code
    met: list[CriterionCode] = [answer.criterion.value for answer in page.vetting if answer.met]
    return {
        "id": page.pk,
        "title": page.title,
        "path": front_end_path(page, serializer.request),
        "locale": LocaleSchema.of(code),
        "address": _address(page),
        "location": _location(page),
        "services": _services(page),
        "criteria_met": met,
        "accepting_new_patients": page.accepting_new_patients,
        "last_verified": page.last_verified,
    }
