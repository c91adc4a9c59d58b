"""The demo home page: hero, featured articles and links into the articles and the directory."""

from wagtail.models import Locale

from articles.models import ArticleIndexPage, ArticlePage
from demo.images import demo_image
from home.models import HomePage, HomePageFeaturedArticle
from providers.models import ProviderIndexPage

FEATURED_SLUGS = [
    "ketamine-therapy-treatment-resistant-depression",
    "esketamine-nasal-spray",
    "integration-therapy",
]


def load() -> list[str]:
    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.get(locale=english)
    if home.hero_heading:
        return [f"Home page: already set up ({home.featured_articles.count()} featured articles)"]

    home.hero_heading = "Clear, reviewed guidance when depression has not lifted"
    home.hero_text = (
        "Stories, evidence and practical checklists about newer treatments, written by health "
        "writers and checked by psychiatrists."
    )
    home.hero_image = demo_image("Demo: home hero", ("#1d3557", "#a8dadc"))
    home.hero_image_alt = ""
    home.articles_page = ArticleIndexPage.objects.child_of(home).first()
    home.providers_page = ProviderIndexPage.objects.child_of(home).first()
    for index in (home.articles_page, home.providers_page):
        if index is not None and not index.show_in_menus:
            index.show_in_menus = True
            index.save_revision().publish()
    articles = {article.slug: article for article in ArticlePage.objects.filter(locale=english)}
    home.featured_articles = [
        HomePageFeaturedArticle(locale=english, article=articles[slug])
        for slug in FEATURED_SLUGS
        if slug in articles
    ]
    home.save_revision().publish()
    return [f"Home page: hero and {len(home.featured_articles.all())} featured articles"]
