import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from articles.models import ArticlePage
from home.models import HomePage, HomePageFeaturedArticle


@pytest.fixture
def demo_home(demo_content, db):
    return HomePage.objects.get(locale__language_code="en")


def test_the_home_page_shows_featured_articles_and_links(client, demo_home):
    response = client.get("/en/")
    assert response.status_code == 200
    html = response.content.decode()
    assert demo_home.hero_heading in html
    for featured in demo_home.featured_articles.all():
        assert featured.article.title in html
    assert 'href="/en/articles/"' in html
    assert 'href="/en/providers/"' in html


def test_an_unpublished_featured_article_is_not_shown(client, demo_home):
    article = demo_home.featured_articles.first().article
    article.unpublish()
    response = client.get("/en/")
    assert article.title not in response.content.decode()
    assert ArticlePage.objects.filter(pk=article.pk, live=False).exists()


def test_editors_can_feature_articles_through_the_admin(admin_client, demo_home):
    HomePageFeaturedArticle.objects.filter(page=demo_home).delete()
    articles = list(ArticlePage.objects.filter(locale=demo_home.locale).order_by("-pk")[:2])
    data = nested_form_data(
        {
            "title": demo_home.title,
            "slug": demo_home.slug,
            "hero_heading": "A new heading",
            "hero_text": "",
            "hero_image_alt": "",
            "featured_articles": inline_formset([{"article": article.pk} for article in articles]),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(f"/admin/pages/{demo_home.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    demo_home.refresh_from_db()
    assert demo_home.hero_heading == "A new heading"
    assert [f.article_id for f in demo_home.featured_articles.all()] == [a.pk for a in articles]
