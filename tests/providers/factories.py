import datetime

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Locale

from providers.models import ProviderIndexPage, ProviderPage, ProviderService, Service


class ServiceFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Service {n}")
    slug = factory.Sequence(lambda n: f"service-{n}")
    short_description = "A service offered by fictional clinics in tests."
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Service


class ProviderIndexPageFactory(wagtail_factories.PageFactory):
    title = "Find a provider"
    slug = "providers"
    intro = "<p>Clinics that offer ketamine-based treatments.</p>"

    class Meta:
        model = ProviderIndexPage


class ProviderPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Test Clinic {n} (fictional)")
    description = "<p>A fictional clinic that exists only in tests.</p>"
    street = "1 Sample Street"
    city = "Philadelphia"
    region = "PA"
    postal_code = "19103"
    country = "US"
    latitude = None
    longitude = None
    phone = "(215) 555-0100"
    website = "https://clinic.example.org"
    last_verified = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))

    class Meta:
        model = ProviderPage
        skip_postgeneration_save = True

    @factory.post_generation
    def services(page, create, extracted, **kwargs):
        """ProviderPageFactory(services=[service, ...]) offers those services, in order."""
        if not create or not extracted:
            return
        for order, service in enumerate(extracted):
            ProviderService.objects.create(
                page=page, service=service, locale=page.locale, sort_order=order
            )
