import pytest

from tests.approvals import published
from tests.providers.factories import ProviderIndexPageFactory, ServiceFactory


@pytest.fixture
def directory(home_page):
    return published(ProviderIndexPageFactory(parent=home_page))


@pytest.fixture
def iv_ketamine(db):
    return ServiceFactory(name="IV ketamine infusions", slug="iv-ketamine")


@pytest.fixture
def integration_therapy(db):
    return ServiceFactory(name="Integration therapy", slug="integration-therapy")
