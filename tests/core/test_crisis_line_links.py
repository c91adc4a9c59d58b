"""Crisis lines are inline children: their links are checked in the admin form and in clean()."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from core.models import CrisisLine, SafetyInformation

pytestmark = pytest.mark.django_db


def crisis_line(url: str) -> dict:
    return {
        "country": "ES",
        "name": "Línea 024",
        "phone": "024",
        "text_option": "",
        "hours": "24 horas",
        "url": url,
    }


def test_an_editor_sees_why_a_crisis_line_url_is_refused(admin_client, locales):
    response = admin_client.post(
        reverse("wagtailsnippets_core_safetyinformation:add") + "?locale=es",
        nested_form_data(
            {
                "name": "Información de seguridad",
                "disclaimer": rich_text("<p>No sustituye el consejo médico.</p>"),
                "crisis_heading": "Si estás en crisis",
                "crisis_lines": inline_formset([crisis_line("ftp://024.example.org/")]),
            }
        ),
    )

    assert response.status_code == 200
    [line_errors] = response.context["form"].formsets["crisis_lines"].errors
    assert line_errors["url"][0].startswith("This link can't be used: “ftp:” links")
    assert not SafetyInformation.objects.filter(locale=locales["es"]).exists()


def test_safety_information_refuses_a_crisis_line_with_a_javascript_url(locales):
    information = SafetyInformation(
        locale=locales["es"], name="Default", disclaimer="<p>No es consejo médico.</p>"
    )
    information.crisis_lines = [
        CrisisLine(locale=locales["es"], country="ES", name="Línea 024", url=" JaVaScRiPt:x")
    ]

    with pytest.raises(ValidationError) as refused:
        information.full_clean()

    assert refused.value.messages == [
        "Línea 024 (ES): This link can't be used: “javascript:” links can run code in readers' "
        "browsers. Use a web address starting with https://, an email (mailto:) or phone (tel:) "
        "link, a path on this site starting with / or an anchor starting with #."
    ]
