"""Fixtures for translation tests.

Building an article with every block and translating it through wagtail-localize costs about a
second, so the English article (and, where a module asks for it, its translations) is made once
per module, inside a transaction that is rolled back when the module ends. Each test still runs
in its own savepoint, so whatever a test changes is undone before the next one.
"""

from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.test import TestCase
from wagtail.models import Locale, Site

from articles.models import ArticleIndexPage, ArticlePage
from core.translators import translators_group_name
from tests.approvals import publish_reviewed
from tests.articles.factories import ArticleIndexPageFactory
from tests.core.factories import crisis_lines_in
from tests.translation.factories import rich_article


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker):
    """A transaction around the whole module, rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


def publish_now(action):
    """Runs `action` and the publishing that wagtail-localize defers until commit."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return action()


@pytest.fixture(scope="module")
def shared(module_db) -> SimpleNamespace:
    """An English article index and an article with every block, made once per module."""
    home = Site.objects.get(is_default_site=True).root_page.specific
    crisis_lines_in("es", "ar")  # no article reaches readers without them
    index = ArticleIndexPageFactory(parent=home)
    publish_reviewed(index)
    article = rich_article(index)
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    return SimpleNamespace(home=home, index=index, article=article, locales=locales)


@pytest.fixture
def english(locales):
    return locales["en"]


@pytest.fixture
def spanish(locales):
    return locales["es"]


@pytest.fixture
def arabic(locales):
    return locales["ar"]


@pytest.fixture
def article_index(shared, db):
    return ArticleIndexPage.objects.get(pk=shared.index.pk)


@pytest.fixture
def article(shared, db):
    """The shared English article, fresh from the database."""
    return ArticlePage.objects.get(pk=shared.article.pk)


@pytest.fixture
def publishing(db):
    return publish_now


@pytest.fixture
def translator(db):
    """A translator into Spanish."""
    user = get_user_model().objects.create_user(
        username="translator", email="translator@example.org", password="a-long-password"
    )
    user.groups.add(Group.objects.get(name=translators_group_name("es")))
    return user


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser(
        username="editor-in-chief", email="chief@example.org", password="a-long-password"
    )
