"""A statistic cites one of the article's own references: the editor lists their keys, and an
unknown key is refused with the keys that would do."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, streamfield

from articles.models import ArticlePage
from tests.articles.factories import ArticlePageFactory, reference
from tests.editorial.test_editor_tab_errors import form_errors, post_draft, statistic_citing

pytestmark = pytest.mark.django_db


def test_the_science_tab_lists_the_keys_a_statistic_may_cite(admin_client, article_index):
    article = ArticlePageFactory(
        parent=article_index,
        references=[reference("nimh-trd", title="Treatment-resistant depression")],
    )

    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()

    science = html[html.index('id="tab-science"') :]
    keys = science[science.index("data-reference-keys") :]
    assert "<code>nimh-trd</code> — Treatment-resistant depression" in keys


def test_an_unknown_key_is_refused_with_the_keys_that_would_do(admin_client, article_index):
    article = ArticlePageFactory(parent=article_index)

    errors = form_errors(
        post_draft(
            admin_client,
            article,
            science=streamfield([statistic_citing("star-d")]),
            references=inline_formset(
                [
                    {"key": "nimh-trd", "title": "NIMH", "url": "https://example.org/nimh"},
                    {"key": "who-mh", "title": "WHO", "url": "https://example.org/who"},
                ]
            ),
        )
    )

    [message] = errors["science"][0].block_errors[0].block_errors["reference"].messages
    assert message == (
        "No reference has the key “star-d”. Choose one of this article's references "
        "(nimh-trd, who-mh), or add that source under References."
    )


def test_a_statistic_chooses_its_reference_from_a_list_rather_than_a_typed_key(
    admin_client, article_index
):
    article = ArticlePageFactory(parent=article_index, references=[reference("nimh-trd")])

    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()

    # The block's widget is the chooser (its script fills it from the References tab's keys).
    assert "&quot;articles.widgets.ReferenceSelect&quot;" in html
    assert "articles/admin/reference_chooser.js" in html
    assert "data-reference-chooser" in html


def test_the_chooser_keeps_the_key_as_the_value_when_drawn_by_the_server():
    from articles.blocks import StatisticBlock

    field = StatisticBlock().child_blocks["reference"].field
    html = field.widget.render("reference", "star-d")

    assert "<select" in html
    assert '<option value="star-d" selected>star-d</option>' in html
    assert field.clean("star-d") == "star-d"


def test_a_chosen_reference_is_saved_as_its_key(admin_client, article_index):
    article = ArticlePageFactory(parent=article_index)

    response = post_draft(
        admin_client,
        article,
        science=streamfield([statistic_citing("who-mh")]),
        references=inline_formset(
            [
                {"key": "nimh-trd", "title": "NIMH", "url": "https://example.org/nimh"},
                {"key": "who-mh", "title": "WHO", "url": "https://example.org/who"},
            ]
        ),
    )

    assert response.status_code == 302
    saved = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert saved.science[0].value["reference"] == "who-mh"
    assert saved.reference_numbers["who-mh"] == 2
