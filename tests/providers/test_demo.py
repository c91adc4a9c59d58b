import re
from collections import Counter
from urllib.parse import urlsplit

import pytest
from wagtail.models import Page, Revision

from demo import providers as demo_providers
from providers.models import ProviderIndexPage, ProviderPage, ProviderService, Service


def counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (Page, Revision, Service, ProviderPage, ProviderService, ProviderIndexPage)
    }


@pytest.fixture
def demo(db):
    demo_providers.load()
    return ProviderPage.objects.live().order_by("title")


def test_loading_the_demo_twice_creates_nothing_new(demo):
    first = counts()
    summary = demo_providers.load()
    assert counts() == first
    assert summary[0].startswith("Provider directory: 4 services, 9 providers")


def test_the_demo_directory_is_published_under_the_english_home_page(demo, home_page):
    directory = ProviderIndexPage.objects.get()
    assert directory.live
    assert directory.get_parent().specific == home_page
    assert directory.slug == "providers"
    assert set(Service.objects.values_list("slug", flat=True)) == {
        "iv-ketamine",
        "esketamine-rems",
        "ketamine-assisted-psychotherapy",
        "integration-therapy",
    }


def test_the_demo_spans_states_including_two_pennsylvania_clinics(demo):
    regions = Counter(demo.values_list("region", flat=True))
    assert len(demo) >= 8
    assert len(regions) >= 4
    assert regions["PA"] >= 2


def test_every_demo_clinic_is_plainly_fictional(demo):
    for provider in demo:
        assert provider.title.endswith("(fictional)")
        assert "fictional" in provider.description
        assert re.fullmatch(r"\(\d{3}\) 555-01\d\d", provider.phone), provider.phone
        assert urlsplit(provider.website).hostname.endswith(".example.org")
        assert provider.has_coordinates
        assert provider.offered_services


def test_the_demo_shows_a_realistic_mix(demo):
    answers = [answer.met for provider in demo for answer in provider.vetting]
    assert True in answers and False in answers
    assert {provider.accepting_new_patients for provider in demo} == {True, False}
    assert len({tuple(p.offered_services) for p in demo}) > 3


def test_every_demo_page_renders(client, demo):
    for page in [ProviderIndexPage.objects.get(), *demo]:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert "not an endorsement" in response.content.decode()
