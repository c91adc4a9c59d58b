"""The hero image that articles and home pages share: alt text, its fallback, decorative heroes."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Collection
from wagtail_factories import ImageFactory

from tests.articles.factories import ArticleIndexPageFactory, ArticlePageFactory


@pytest.fixture
def article_index(home_page):
    return ArticleIndexPageFactory(parent=home_page)


@pytest.fixture
def picture(db):
    return ImageFactory(title="Three white circles", collection=Collection.get_first_root_node())


@pytest.mark.django_db
def test_an_articles_hero_image_needs_alt_text(article_index, picture):
    with pytest.raises(ValidationError) as error:
        ArticlePageFactory(parent=article_index, hero_image=picture, hero_image_alt="")

    assert error.value.message_dict["hero_image_alt"] == [
        "Describe the hero image for readers who use screen readers."
    ]


@pytest.mark.django_db
def test_the_hero_error_is_reported_with_the_articles_other_errors(article_index, picture):
    with pytest.raises(ValidationError) as error:
        ArticlePageFactory(
            parent=article_index,
            hero_image=picture,
            hero_image_alt="",
            last_reviewed=datetime.date(2026, 5, 1),
            next_review_due=datetime.date(2026, 4, 30),
        )

    assert set(error.value.message_dict) == {"hero_image_alt", "next_review_due"}


@pytest.mark.django_db
def test_an_article_saved_without_alt_text_borrows_the_images_own(article_index, picture):
    article = ArticlePageFactory(parent=article_index, hero_image=picture, hero_image_alt="Sea")
    assert article.hero_alt == "Sea"

    article.hero_image_alt = ""
    assert article.hero_alt == "Three white circles"


@pytest.mark.django_db
def test_the_home_pages_hero_without_alt_text_is_decorative(home_page, picture):
    home_page.hero_image = picture
    home_page.hero_image_alt = ""
    home_page.full_clean()

    assert home_page.hero_alt == ""
