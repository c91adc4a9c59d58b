"""The article editor's tabs: each tab's error badge counts the errors inside that tab."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Page, expect

from tests.articles.factories import ArticlePageFactory, reference, statistic

pytestmark = [
    pytest.mark.e2e,
    # As in test_article_workflow: the live server shares the database with the test.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "e2e-a-long-password"


def unticked_testimonial() -> dict:
    return {
        "type": "testimonial",
        "value": {
            "quote": "The fog lifted.",
            "attribution": "Maya, 38",
            "name_changed": False,
            "consent_given": False,
        },
    }


def badge(page: Page, tab: str):
    """The number on a tab's error badge (empty when the tab holds no error)."""
    return page.get_by_role("tab", name=tab).locator(".w-tabs__errors [aria-hidden]")


def test_each_tab_badge_counts_the_errors_inside_that_tab(sign_in, newsroom):
    get_user_model().objects.create_superuser("chief", "chief@example.org", PASSWORD)
    article = ArticlePageFactory(
        parent=newsroom["article_index"],
        author=newsroom["author"],
        references=[reference("nimh-trd")],
    )
    # A draft as an import could leave it: a testimonial with neither privacy box ticked in the
    # story, a statistic without a source in the science.
    article.story = [unticked_testimonial()]
    article.science = [statistic("")]
    article.save_revision(clean=False)

    page = sign_in("chief")
    page.goto(f"/admin/pages/{article.pk}/edit/")
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messages")).to_contain_text("could not be saved")

    expect(page.get_by_role("tabpanel", name="Story")).to_contain_text(
        "Say how this person's privacy is respected"
    )
    expect(badge(page, "Story")).to_have_text("1")
    expect(badge(page, "Science")).to_have_text("1")
    for tab in ["Guidance", "References", "Review", "Promote"]:
        expect(badge(page, tab)).to_have_text("")

    page.get_by_role("tab", name="Science").click()
    expect(page.get_by_role("tabpanel", name="Science")).to_contain_text("has no source")
