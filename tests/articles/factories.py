import datetime

import factory
import wagtail_factories
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from articles.models import (
    ArticleIndexPage,
    ArticlePage,
    ArticleReference,
    Person,
    Topic,
    TopicKind,
)


class PersonFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Test Writer {n}")
    credentials = "Health writer"
    bio = "Writes about mental-health treatments."
    is_author = True
    is_medical_reviewer = False
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Person

    class Params:
        reviewer = factory.Trait(
            name=factory.Sequence(lambda n: f"Dr. Test Reviewer {n}"),
            credentials="MD, board-certified psychiatrist",
            is_author=False,
            is_medical_reviewer=True,
        )


class TopicFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")
    kind = TopicKind.TREATMENT
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Topic


class ArticleIndexPageFactory(wagtail_factories.PageFactory):
    title = "Articles"
    slug = "articles"

    class Meta:
        model = ArticleIndexPage


class ArticlePageFactory(wagtail_factories.PageFactory):
    """A publishable article; pass `references=[reference(...)]` and stream data as needed."""

    title = factory.Sequence(lambda n: f"Test article {n}")
    standfirst = "What readers will learn."
    summary = "A short summary for cards and search engines."
    author = factory.SubFactory(PersonFactory)
    medical_reviewer = factory.SubFactory(PersonFactory, reviewer=True)
    last_reviewed = datetime.date(2026, 3, 1)

    class Meta:
        model = ArticlePage


def reference(key: str, **fields) -> ArticleReference:
    """An unsaved reference with a title and a URL, for an article's `references` list."""
    fields.setdefault("title", f"Source {key}")
    fields.setdefault("url", f"https://example.org/{key}")
    return ArticleReference(key=key, **fields)


def statistic(reference_key: str, figure: str = "30%") -> dict:
    """A statistic block in StreamField's raw form."""
    return {
        "type": "statistic",
        "value": {
            "figure": figure,
            "measure": "of people in the study improved",
            "population": "Adults in one trial",
            "reference": reference_key,
        },
    }


def article_form_data(article: ArticlePage, **changes) -> dict:
    """The editor's form as a browser posts it, for an article without blocks or references."""
    return nested_form_data(
        {
            "title": article.title,
            "slug": article.slug,
            "standfirst": article.standfirst,
            "summary": article.summary,
            "story": streamfield([]),
            "science": streamfield([]),
            "guidance": streamfield([]),
            "references": inline_formset([]),
            "topic_links": inline_formset([]),
            "author": article.author_id,
            "next_review_due": "",
            **changes,
        }
    )
