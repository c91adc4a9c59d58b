"""References are numbered by their order in the list, and statistics cite those numbers."""

import pytest

from articles.models import ArticlePage
from tests.approvals import published
from tests.articles.factories import ArticlePageFactory, reference, statistic


@pytest.mark.django_db
def test_references_are_numbered_in_list_order(article_index):
    article = ArticlePageFactory(
        parent=article_index,
        references=[reference("star-d"), reference("nimh-trd"), reference("fda-2019")],
    )

    article = ArticlePage.objects.get(pk=article.pk)
    assert [(r.key, r.number) for r in article.references.all()] == [
        ("star-d", 1),
        ("nimh-trd", 2),
        ("fda-2019", 3),
    ]
    assert article.reference_numbers == {"star-d": 1, "nimh-trd": 2, "fda-2019": 3}


@pytest.mark.django_db
def test_reordering_references_renumbers_them(article_index):
    article = ArticlePageFactory(
        parent=article_index, references=[reference("a"), reference("b"), reference("c")]
    )
    a, b, c = article.references.all()

    # What the admin does when an editor drags C to the top.
    c.sort_order, a.sort_order, b.sort_order = 0, 1, 2
    for moved in (a, b, c):
        moved.save()

    article = ArticlePage.objects.get(pk=article.pk)
    assert {r.key: r.number for r in article.references.all()} == {"c": 1, "a": 2, "b": 3}


@pytest.mark.django_db
def test_a_statistic_links_to_its_numbered_reference(client, article_index):
    article = ArticlePageFactory(
        parent=article_index,
        science=[statistic("nimh-trd", figure="8.3%")],
        references=[
            reference("star-d", doi="https://doi.org/10.1176/ajp.2006.163.11.1905"),
            reference("nimh-trd", pmid="17074942"),
        ],
    )
    published(article)

    html = client.get(article.url).content.decode()

    assert '<a href="#ref-nimh-trd" aria-label="Reference 2">[2]</a>' in html
    assert '<li id="ref-nimh-trd">' in html
    assert 'href="https://doi.org/10.1176/ajp.2006.163.11.1905"' in html
    assert 'href="https://pubmed.ncbi.nlm.nih.gov/17074942/"' in html


@pytest.mark.django_db
def test_a_pasted_doi_link_is_stored_as_a_plain_doi(article_index):
    article = ArticlePageFactory(
        parent=article_index,
        references=[reference("star-d", doi="https://doi.org/10.1176/ajp.2006.163.11.1905")],
    )

    assert article.references.get().doi == "10.1176/ajp.2006.163.11.1905"
