"""A Spanish translator, in a real browser, works in Spanish only: the Arabic translation's
editor and an Arabic person's translation editor refuse them, the Spanish ones open."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect
from wagtail.models import Locale

from articles.models import ArticlePage, Person
from core.translators import translators_group_name
from tests.approvals import publish_reviewed
from tests.articles.factories import ArticlePageFactory
from tests.e2e.conftest import PASSWORD
from tests.translation.factories import start_translation

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def spanish_translator(newsroom):
    """A member of Translators (es) only (the newsroom's own translator may predate it)."""
    user = get_user_model().objects.create_user(
        username="traductora", password=PASSWORD, first_name="Tere", last_name="Tester"
    )
    user.groups.add(Group.objects.get(name=translators_group_name("es")))
    return user


def test_a_spanish_translator_cannot_open_the_arabic_translations(
    sign_in, newsroom, spanish_translator
):
    spanish, arabic = (Locale.objects.get(language_code=code) for code in ("es", "ar"))
    article = ArticlePageFactory(parent=newsroom["article_index"])
    publish_reviewed(article)
    for locale in (spanish, arabic):
        start_translation(article, locale)
        start_translation(newsroom["author"], locale)
    translated = {
        locale.language_code: ArticlePage.objects.get(
            translation_key=article.translation_key, locale=locale
        )
        for locale in (spanish, arabic)
    }
    arabic_author = Person.objects.get(
        translation_key=newsroom["author"].translation_key, locale=arabic
    )

    page = sign_in("traductora")
    page.goto(f"/admin/pages/{translated['ar'].pk}/edit/")
    expect(page).to_have_url(re.compile(r"/admin/$"))  # Wagtail's "permission denied"
    expect(page.locator(".messages")).to_contain_text("permission")

    page.goto(f"/admin/snippets/articles/person/edit/{arabic_author.pk}/")
    expect(page).to_have_url(re.compile(r"/admin/snippets/articles/person/$"))
    expect(page.locator(".messages")).to_contain_text("you translate only in your own languages")

    page.goto(f"/admin/pages/{translated['es'].pk}/edit/")
    expect(page.get_by_role("button", name=re.compile(r"^Translate with "))).to_be_visible()
