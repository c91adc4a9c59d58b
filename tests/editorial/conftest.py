import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from core.translators import translators_group_name
from editorial.roles import EDITORS, MEDICAL_REVIEWERS, WRITERS
from tests.approvals import publish_reviewed
from tests.articles.factories import ArticleIndexPageFactory, PersonFactory
from tests.core.factories import crisis_lines_in


def member_of(group_name: str, username: str):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password="a-long-password"
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def writer(db):
    return member_of(WRITERS, "writer")


@pytest.fixture
def reviewer(db):
    """A medical reviewer whose admin account belongs to their reviewer profile."""
    user = member_of(MEDICAL_REVIEWERS, "reviewer")
    PersonFactory(reviewer=True, name="Dr. Ana Reyes", user=user)
    return user


@pytest.fixture
def unlinked_reviewer(db):
    """In the reviewers' group, but no reviewer profile is theirs."""
    return member_of(MEDICAL_REVIEWERS, "unlinked-reviewer")


@pytest.fixture
def editor(db):
    return member_of(EDITORS, "editor")


@pytest.fixture
def translator(db):
    """A translator into Spanish."""
    return member_of(translators_group_name("es"), "translator")


@pytest.fixture
def article_index(home_page):
    """An English article index: its articles go through the medical-review workflow."""
    index = ArticleIndexPageFactory(parent=home_page)
    publish_reviewed(index)
    return index


@pytest.fixture
def safety(db):
    """Safety information with crisis lines in English only, chosen for the site."""
    return crisis_lines_in()


@pytest.fixture
def spanish_article_section(article_index, locales):
    """The Spanish article index, where translators may edit and publish."""
    return article_index.copy_for_translation(locales["es"], copy_parents=True)
