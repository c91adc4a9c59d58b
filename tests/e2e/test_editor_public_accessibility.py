"""axe-core on the public pages, in English and in Arabic (right to left).

A module of its own: until the shared browser-test database is restored between tests
(tests/e2e/conftest.py), a second database test in one module may find it empty.
"""

import pytest
from wagtail.models import Locale

from tests.approvals import publish_reviewed
from tests.articles.factories import ArticlePageFactory
from tests.e2e.accessibility import axe_source_fixture, severe_findings  # noqa: F401

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_public_pages_have_no_serious_findings(sign_in, newsroom, axe_source, new_context):
    index = newsroom["article_index"]
    article = ArticlePageFactory(
        parent=index,
        author=newsroom["author"],
        medical_reviewer=newsroom["reviewer"],
        story=[{"type": "paragraph", "value": "<p>Maya felt calm.</p>"}],
    )
    publish_reviewed(article)
    arabic_index = index.copy_for_translation(
        Locale.objects.get(language_code="ar"), copy_parents=True
    )
    publish_reviewed(arabic_index)

    reader = new_context().new_page()
    found = []
    for url in [index.url, article.url, arabic_index.url]:
        response = reader.goto(url)
        assert response.status == 200, url
        found += [f"{url}: {line}" for line in severe_findings(reader, axe_source)]
    print("\n".join(found))
    assert found == []
