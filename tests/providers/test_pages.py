import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.approvals import published
from tests.providers.factories import ProviderPageFactory


def published_provider(**fields):
    return published(ProviderPageFactory(**fields))


def listed_titles(response) -> list[str]:
    return [provider.title for provider in response.context["providers"]]


@pytest.fixture
def clinics(directory, iv_ketamine, integration_therapy):
    return {
        "philadelphia": published_provider(
            parent=directory,
            title="Philadelphia Clinic (fictional)",
            region="PA",
            services=[iv_ketamine, integration_therapy],
        ),
        "pittsburgh": published_provider(
            parent=directory,
            title="Pittsburgh Clinic (fictional)",
            region="PA",
            services=[integration_therapy],
        ),
        "austin": published_provider(
            parent=directory,
            title="Austin Clinic (fictional)",
            region="TX",
            city="Austin",
            services=[iv_ketamine],
        ),
    }


def test_the_directory_lists_live_public_providers_alphabetically(client, directory, clinics):
    ProviderPageFactory(parent=directory, title="Draft Clinic (fictional)", live=False)
    private = published_provider(parent=directory, title="Private Clinic (fictional)")
    restriction = PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Editors"))

    response = client.get(directory.url)

    assert response.status_code == 200
    assert listed_titles(response) == [
        "Austin Clinic (fictional)",
        "Philadelphia Clinic (fictional)",
        "Pittsburgh Clinic (fictional)",
    ]
    assert "Draft Clinic" not in response.content.decode()


def test_the_directory_filters_by_region_whatever_its_case(client, directory, clinics):
    response = client.get(directory.url, {"region": "pa"})
    assert listed_titles(response) == [
        "Philadelphia Clinic (fictional)",
        "Pittsburgh Clinic (fictional)",
    ]
    assert '<option value="PA" selected>PA</option>' in response.content.decode()


def test_the_directory_filters_by_service(client, directory, clinics):
    response = client.get(directory.url, {"service": "iv-ketamine"})
    assert listed_titles(response) == [
        "Austin Clinic (fictional)",
        "Philadelphia Clinic (fictional)",
    ]


def test_the_directory_combines_filters_and_says_when_nothing_matches(client, directory, clinics):
    response = client.get(directory.url, {"region": "TX", "service": "integration-therapy"})
    assert listed_titles(response) == []
    assert "No providers match these filters." in response.content.decode()


def test_the_disclaimer_shows_on_the_directory_and_every_provider(client, directory, clinics):
    directory.disclaimer = "<p>Being listed here is not an endorsement of any clinic.</p>"
    published(directory)

    for url in [directory.url, clinics["austin"].url]:
        response = client.get(url)
        assert response.status_code == 200
        assert (
            '<aside class="disclaimer" aria-label="About this directory">'
            in response.content.decode()
        )
        assert "Being listed here is not an endorsement of any clinic." in response.content.decode()


def test_a_provider_page_shows_contact_services_and_vetting(client, directory, iv_ketamine):
    provider = published_provider(
        parent=directory,
        phone="(215) 555-0142",
        website="https://schuylkill.example.org",
        services=[iv_ketamine],
        thorough_screening=True,
        thorough_screening_evidence="Sent us its intake questionnaire.",
    )

    html = client.get(provider.url).content.decode()

    assert "<address>" in html
    assert '<a href="tel:2155550142"><bdi dir="ltr">(215) 555-0142</bdi></a>' in html
    assert '<a href="https://schuylkill.example.org">' in html
    assert "<dt>IV ketamine infusions</dt>" in html
    assert "<dt>Thorough screening</dt>" in html
    assert "Sent us its intake questionnaire." in html
    assert html.count("Not confirmed") == 3
    assert f'<time datetime="{provider.last_verified.isoformat()}">' in html


def test_a_provider_not_taking_patients_says_so(client, directory):
    provider = published_provider(parent=directory, accepting_new_patients=False)
    assert "Not accepting new patients" in client.get(provider.url).content.decode()


def test_the_directory_costs_the_same_queries_however_many_providers(
    client, directory, iv_ketamine
):
    def queries_to_render() -> int:
        client.get(directory.url)  # warm caches (site root paths, locales)
        with CaptureQueriesContext(connection) as queries:
            client.get(directory.url)
        return len(queries)

    published_provider(parent=directory, services=[iv_ketamine])
    with_one = queries_to_render()
    for _ in range(4):
        published_provider(parent=directory, services=[iv_ketamine])
    assert queries_to_render() == with_one
