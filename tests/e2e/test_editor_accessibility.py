"""axe-core on the article editor: no serious or critical finding of our own code.

The checks (pinned axe-core, what counts as ours) are in tests/e2e/accessibility.py; the public
pages are checked in test_editor_public_accessibility.py.
"""

import pytest
from django.contrib.auth import get_user_model

from tests.articles.factories import ArticlePageFactory, reference, statistic
from tests.e2e.accessibility import axe_source_fixture, severe_findings  # noqa: F401
from tests.e2e.conftest import PASSWORD

pytestmark = [
    pytest.mark.e2e,
    # As in test_article_workflow: the live server shares the database with the test.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_article_editor_has_no_serious_findings_of_ours(sign_in, newsroom, axe_source):
    get_user_model().objects.create_superuser("chief", "chief@example.org", PASSWORD)
    article = ArticlePageFactory(
        parent=newsroom["article_index"],
        author=newsroom["author"],
        references=[reference("nimh-trd")],
        story=[{"type": "paragraph", "value": "<p>Maya felt calm.</p>"}],
        science=[statistic("nimh-trd")],
    )
    article.save_revision()
    page = sign_in("chief")
    page.goto(f"/admin/pages/{article.pk}/edit/")
    page.wait_for_load_state("networkidle")

    found = severe_findings(page, axe_source)
    print("\n".join(found))
    assert found == []
