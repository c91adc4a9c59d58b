import datetime

from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from home.models import HomePage
from providers.models import ProviderIndexPage, ProviderPage
from tests.providers.factories import (
    ProviderIndexPageFactory,
    ProviderPageFactory,
    ServiceFactory,
)


def provider_form_data(**overrides) -> dict:
    data = {
        "title": "Ridgeview Ketamine Clinic (fictional)",
        "description": rich_text("<p>A fictional clinic run by two psychiatrists.</p>"),
        "phone": "(412) 555-0131",
        "website": "https://ridgeview.example.org",
        "licences_and_accreditation": "",
        "street": "12 Sample Street",
        "city": "Pittsburgh",
        "region": "PA",
        "postal_code": "15222",
        "country": "US",
        "latitude": "40.441690",
        "longitude": "-79.990086",
        "services": inline_formset([]),
        "qualified_medical_staff": "on",
        "qualified_medical_staff_evidence": "Licence numbers on its staff page.",
        "thorough_screening_evidence": "",
        "integration_support_evidence": "",
        "transparent_pricing_evidence": "",
        "last_verified": (timezone.localdate() - datetime.timedelta(days=3)).isoformat(),
        "accepting_new_patients": "on",
        "pricing_notes": "About $500 per infusion.",
        "insurance_accepted": "Self-pay only.",
    }
    data.update(overrides)
    return nested_form_data(data)


class ProviderAdminTests(WagtailPageTestCase):
    def setUp(self):
        self.login()
        self.home = Site.objects.get(is_default_site=True).root_page.specific

    def test_an_editor_can_create_the_directory(self):
        self.assertCanCreate(
            self.home,
            ProviderIndexPage,
            nested_form_data(
                {
                    "title": "Find a provider",
                    "intro": rich_text("<p>Clinics we have checked.</p>"),
                    "disclaimer": rich_text("<p>A listing is not an endorsement.</p>"),
                }
            ),
        )
        directory = ProviderIndexPage.objects.get()
        assert directory.live
        assert "not an endorsement" in directory.disclaimer

    def test_a_new_directory_starts_with_the_default_disclaimer(self):
        response = self.client.get(
            reverse("wagtailadmin_pages:add", args=["providers", "providerindexpage", self.home.pk])
        )
        assert response.status_code == 200
        assert "A listing is not an endorsement." in response.content.decode()

    def test_an_editor_can_create_a_provider_with_services(self):
        directory = ProviderIndexPageFactory(parent=self.home)
        iv = ServiceFactory(slug="iv-ketamine")
        integration = ServiceFactory(slug="integration-therapy")

        self.assertCanCreate(
            directory,
            ProviderPage,
            provider_form_data(
                services=inline_formset([{"service": integration.pk}, {"service": iv.pk}])
            ),
        )

        provider = ProviderPage.objects.get()
        assert provider.live
        assert provider.offered_services == [integration, iv]
        assert [answer.met for answer in provider.vetting] == [True, False, False, False]
        assert str(provider.latitude) == "40.441690"

    def test_the_editor_sees_why_a_criterion_without_evidence_is_refused(self):
        directory = ProviderIndexPageFactory(parent=self.home)
        response = self.client.post(
            reverse("wagtailadmin_pages:add", args=["providers", "providerpage", directory.pk]),
            {
                **provider_form_data(transparent_pricing="on"),
                "slug": "ridgeview",
                "action-publish": "action-publish",
            },
        )
        assert response.status_code == 200
        assert response.context["form"].errors == {
            "transparent_pricing_evidence": [
                "You ticked 'Transparent pricing and treatment plans'. Say what the clinic "
                "showed you or where it publishes this, or untick it."
            ]
        }
        assert not ProviderPage.objects.exists()

    def test_the_editor_has_one_tab_per_part_of_a_clinics_record(self):
        directory = ProviderIndexPageFactory(parent=self.home)
        response = self.client.get(
            reverse("wagtailadmin_pages:add", args=["providers", "providerpage", directory.pk])
        )
        tabs = [tab["href"] for tab in self.get_soup(response.content).select('[role="tab"]')]
        # Wagtail hides the Settings tab while it has nothing to show (no comments, no
        # scheduling on a new page), so the list ends with Promote here.
        assert tabs[:6] == [
            "#tab-clinic",
            "#tab-location",
            "#tab-services",
            "#tab-vetting",
            "#tab-practicalities",
            "#tab-promote",
        ]

    def test_every_editable_field_tells_the_editor_what_to_enter(self):
        own_fields = [
            field
            for model in (ProviderIndexPage, ProviderPage)
            for field in model._meta.get_fields(include_parents=False)
            if getattr(field, "editable", False) and not field.auto_created
        ]
        assert own_fields
        assert [field.name for field in own_fields if not field.help_text] == []

    def test_an_editor_can_find_a_service_by_name_or_key(self):
        ServiceFactory(name="IV ketamine infusions", slug="iv-ketamine")
        ServiceFactory(name="Integration therapy", slug="integration-therapy")
        listing = reverse("wagtailsnippets_providers_service:list")

        for query, expected in [
            ("ketamine", "IV ketamine infusions"),
            ("integration-therapy", "Integration therapy"),
        ]:
            response = self.client.get(listing, {"q": query})
            assert response.status_code == 200
            assert [service.name for service in response.context["object_list"]] == [expected]


class ProviderPageTreeTests(WagtailPageTestCase):
    def test_the_directory_lives_under_the_home_page_and_holds_only_providers(self):
        self.assertAllowedParentPageTypes(ProviderIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ProviderIndexPage, {ProviderPage})

    def test_a_provider_lives_only_in_the_directory_and_has_no_children(self):
        self.assertAllowedParentPageTypes(ProviderPage, {ProviderIndexPage})
        self.assertAllowedSubpageTypes(ProviderPage, {})
        self.assertCanNotCreateAt(HomePage, ProviderPage)

    def test_a_home_page_has_at_most_one_directory(self):
        home = Site.objects.get(is_default_site=True).root_page.specific
        assert ProviderIndexPage.can_create_at(home)
        ProviderIndexPageFactory(parent=home)
        assert not ProviderIndexPage.can_create_at(home)


class ProviderPreviewTests(WagtailPageTestCase):
    def setUp(self):
        self.login()
        home = Site.objects.get(is_default_site=True).root_page.specific
        self.directory = ProviderIndexPageFactory(
            parent=home, disclaimer="<p>Listing here is not an endorsement.</p>"
        )

    def test_an_editor_can_preview_a_provider_before_saving_it(self):
        service = ServiceFactory(name="Integration therapy")
        url = reverse(
            "wagtailadmin_pages:preview_on_add",
            args=["providers", "providerpage", self.directory.pk],
        )
        data = provider_form_data(services=inline_formset([{"service": service.pk}]))

        response = self.client.post(url, {**data, "slug": "ridgeview"})
        assert response.json() == {"is_valid": True, "is_available": True}
        html = self.client.get(url).content.decode()

        assert "<h1>Ridgeview Ketamine Clinic (fictional)</h1>" in html
        assert "Listing here is not an endorsement." in html
        assert "<dt>Integration therapy</dt>" in html

    def test_existing_pages_can_be_edited_and_previewed(self):
        provider = ProviderPageFactory(parent=self.directory)
        for page in (self.directory, provider):
            self.assertPageIsEditable(page)
            self.assertPageIsPreviewable(page)
