import pytest

from tests.approvals import published
from tests.articles.factories import ArticleIndexPageFactory


@pytest.fixture
def article_index(home_page, crisis_lines):
    return published(ArticleIndexPageFactory(parent=home_page))
