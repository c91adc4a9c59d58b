"""Editors get a clear error when a clinic's links are not web, email, phone or on-site links."""

from django.urls import reverse
from wagtail.models import Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import rich_text

from providers.models import ProviderPage
from tests.providers.factories import ProviderIndexPageFactory
from tests.providers.test_admin import provider_form_data

REFUSAL = "This link can't be used: “ftp:” links can run code in readers' browsers."


class ClinicLinkTests(WagtailPageTestCase):
    def setUp(self):
        self.login()
        home = Site.objects.get(is_default_site=True).root_page.specific
        self.directory = ProviderIndexPageFactory(parent=home)

    def publish(self, **fields):
        return self.client.post(
            reverse(
                "wagtailadmin_pages:add", args=["providers", "providerpage", self.directory.pk]
            ),
            {**provider_form_data(**fields), "slug": "ridgeview", "action-publish": "publish"},
        )

    def test_a_clinic_website_must_be_a_web_address_readers_can_open(self):
        response = self.publish(website="ftp://files.ridgeview.example.org/")

        assert response.status_code == 200
        assert response.context["form"].errors["website"][0].startswith(REFUSAL)
        assert not ProviderPage.objects.exists()

    def test_a_link_in_a_clinic_description_is_checked_like_any_other(self):
        response = self.publish(
            description=rich_text('<p>See <a href="ftp://files.example.org/">the forms</a>.</p>')
        )

        assert response.status_code == 200
        [error] = response.context["form"].errors["description"]
        assert error.startswith(f"A link in this text can't be used. {REFUSAL}")
        assert not ProviderPage.objects.exists()

    def test_web_email_and_phone_links_are_welcome(self):
        response = self.publish(
            description=rich_text(
                '<p><a href="https://ridgeview.example.org/">Web</a>, '
                '<a href="mailto:intake@ridgeview.example.org">email</a>.</p>'
            )
        )

        assert response.status_code == 302
        assert ProviderPage.objects.get().live
