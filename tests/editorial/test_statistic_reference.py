"""A statistic cites one of the article's own references: the editor lists their keys, and an
unknown key is refused with the keys that would do."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, streamfield

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
        "No reference has the key “star-d”. Use one of this article's reference keys "
        "(nimh-trd, who-mh), or add that source under References."
    )
