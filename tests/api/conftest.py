import pytest
from wagtail.models import Locale

from providers.models import ProviderService
from tests.approvals import publish_reviewed
from tests.articles.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    PersonFactory,
    TopicFactory,
    reference,
    statistic,
)
from tests.providers.factories import (
    ProviderIndexPageFactory,
    ProviderPageFactory,
    ServiceFactory,
)


@pytest.fixture
def api(client):
    """GET an API path with query parameters; returns the response."""

    def get(endpoint: str, /, headers: dict | None = None, **params):
        return client.get(f"/api/v1{endpoint}", params, headers=headers)

    return get


def paragraph(text: str) -> dict:
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def build_article(index, *, title="Ketamine and depression", blocks=(), **fields):
    fields.setdefault("author", PersonFactory())
    fields.setdefault("medical_reviewer", PersonFactory(reviewer=True))
    article = ArticlePageFactory.build(
        title=title,
        science=[statistic("trial-1"), *blocks],
        story=[paragraph("A story told with consent.")],
        guidance=[paragraph("Ask about screening.")],
        **fields,
    )
    article.references = [reference("trial-1", doi="10.1000/example", pmid="123456")]
    index.add_child(instance=article)
    publish_reviewed(article)
    return article


@pytest.fixture
def article_index(home_page, crisis_lines):
    index = ArticleIndexPageFactory.build()
    home_page.add_child(instance=index)
    publish_reviewed(index)
    return index


@pytest.fixture
def article(article_index):
    return build_article(article_index)


@pytest.fixture
def topic(db):
    return TopicFactory(slug="esketamine", name="Esketamine")


@pytest.fixture
def provider_index(home_page):
    index = ProviderIndexPageFactory.build()
    home_page.add_child(instance=index)
    publish_reviewed(index)
    return index


@pytest.fixture
def service(db):
    return ServiceFactory(slug="iv-ketamine", name="IV ketamine infusions")


def build_provider(index, **fields):
    services = fields.pop("services", [])
    provider = ProviderPageFactory.build(**fields)
    index.add_child(instance=provider)
    for order, offered in enumerate(services):
        ProviderService.objects.create(
            page=provider, service=offered, locale=provider.locale, sort_order=order
        )
    publish_reviewed(type(provider).objects.get(pk=provider.pk))
    return provider


@pytest.fixture
def spanish(db) -> Locale:
    return Locale.objects.get(language_code="es")


def translate_page(page, locale, **changes):
    """A published copy of `page` in `locale` (as wagtail-localize's sync would create)."""
    translation = page.copy_for_translation(locale, copy_parents=True)
    for name, value in changes.items():
        setattr(translation, name, value)
    publish_reviewed(translation)
    return type(translation).objects.get(pk=translation.pk)
