"""The editor's form errors sit on the field and the block that hold them, so that Wagtail marks
the tab holding each error (the badge itself is checked in tests/e2e/test_editor_tabs.py)."""

import pytest
from django.core.exceptions import NON_FIELD_ERRORS
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, streamfield

from articles.models import ArticlePage
from tests.articles.factories import ArticlePageFactory, article_form_data


def a_testimonial(**ticks) -> tuple[str, dict]:
    return (
        "testimonial",
        {
            "quote": "The fog lifted.",
            "attribution": "Maya, 38",
            "name_changed": ticks.get("name_changed", False),
            "consent_given": ticks.get("consent_given", False),
        },
    )


def statistic_citing(key: str) -> tuple[str, dict]:
    return (
        "statistic",
        {"figure": "30%", "measure": "improved", "population": "Adults", "reference": key},
    )


def post_draft(client, article: ArticlePage, **changes):
    data = article_form_data(article, **changes)
    return client.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), data)


def form_errors(response) -> dict:
    assert response.status_code == 200, "the form should have been refused"
    return response.context["form"].errors.as_data()


@pytest.mark.django_db
def test_a_testimonial_without_a_privacy_box_ticked_is_an_error_of_its_own_block(
    admin_client, article_index
):
    article = ArticlePageFactory(parent=article_index)

    errors = form_errors(
        post_draft(
            admin_client,
            article,
            story=streamfield([a_testimonial(), a_testimonial(consent_given=True)]),
        )
    )

    assert set(errors) == {"story"}
    story_error = errors["story"][0]
    assert set(story_error.block_errors) == {0}  # the first block, not the second
    [message] = story_error.block_errors[0].non_block_errors.as_data()
    assert "Say how this person's privacy is respected" in message.messages[0]


@pytest.mark.django_db
def test_a_statistic_without_a_source_is_an_error_of_its_reference_in_the_science_section(
    admin_client, article_index
):
    article = ArticlePageFactory(parent=article_index)

    errors = form_errors(
        post_draft(
            admin_client,
            article,
            science=streamfield([statistic_citing("nimh-trd"), statistic_citing("")]),
            references=inline_formset(
                [{"key": "nimh-trd", "title": "NIMH", "url": "https://example.org/nimh"}]
            ),
        )
    )

    # Nothing on the page as a whole (the Story tab, where page-wide errors show), nothing on
    # the statistic that cites a listed reference.
    assert NON_FIELD_ERRORS not in errors
    assert set(errors) == {"science"}
    science_error = errors["science"][0]
    assert set(science_error.block_errors) == {1}
    assert set(science_error.block_errors[1].block_errors) == {"reference"}
