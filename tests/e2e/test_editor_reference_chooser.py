"""A statistic chooses its source from the article's own references, as they stand in the form."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from playwright.sync_api import Page, expect

from articles.models import ArticlePage
from tests.articles.factories import ArticlePageFactory, reference

pytestmark = [
    pytest.mark.e2e,
    # As in test_article_workflow: the live server shares the database with the test.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "e2e-a-long-password"


def add_block(page: Page, section: str, block_label: str) -> None:
    panel = page.get_by_role("tabpanel", name=section)
    panel.get_by_role("button", name="Insert a block").last.click()
    page.get_by_role("option", name=block_label, exact=True).click()


def test_a_statistic_cites_a_reference_chosen_from_the_articles_list(sign_in, newsroom):
    get_user_model().objects.create_superuser("chief", "chief@example.org", PASSWORD)
    article = ArticlePageFactory(
        parent=newsroom["article_index"],
        author=newsroom["author"],
        references=[
            reference("nimh-trd", title="Treatment-resistant depression"),
            reference("who-mh", title="Mental health atlas"),
        ],
    )
    article.save_revision()

    page = sign_in("chief")
    page.goto(f"/admin/pages/{article.pk}/edit/")
    page.wait_for_load_state("networkidle")

    # A source added under References, not yet saved, is offered at once.
    page.get_by_role("tab", name="References").click()
    references = page.get_by_role("tabpanel", name="References")
    references.get_by_role("button", name="Add reference").last.click()
    new = references.locator("[id^='inline_child_references-']:not(.deleted)").last
    new.get_by_role("textbox", name="Key").fill("star-d")
    new.get_by_role("textbox", name="Title").fill("The STAR*D trial")
    new.get_by_role("textbox", name="URL").fill("https://example.org/star-d")

    page.get_by_role("tab", name="Science").click()
    add_block(page, "Science", "Statistic")
    science = page.get_by_role("tabpanel", name="Science")
    science.get_by_role("textbox", name="Figure").fill("30%")
    science.get_by_role("textbox", name="Measure").fill("of adults reached remission")
    science.get_by_role("textbox", name="Population").fill("US adults with depression, 2006")
    chooser = science.get_by_role("combobox", name="Reference")
    expect(chooser.locator("option")).to_have_text(
        [
            "Choose one of this article's references",
            "nimh-trd — Treatment-resistant depression",
            "who-mh — Mental health atlas",
            "star-d — The STAR*D trial",
        ]
    )
    chooser.select_option(label="star-d — The STAR*D trial")

    # A reference deleted under References leaves the list.
    page.get_by_role("tab", name="References").click()
    page.locator("#id_references-1-DELETE-button").click()
    page.get_by_role("tab", name="Science").click()
    expect(chooser.locator("option")).to_have_text(
        [
            "Choose one of this article's references",
            "nimh-trd — Treatment-resistant depression",
            "star-d — The STAR*D trial",
        ]
    )
    expect(chooser).to_have_value("star-d")

    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messages")).to_contain_text("has been updated")

    saved = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    [statistic] = [block for block in saved.science if block.block_type == "statistic"]
    assert statistic.value["reference"] == "star-d"

    # Drawn again from the saved draft, the chooser shows the reference it cites.
    page.get_by_role("tab", name="Science").click()
    expect(
        page.get_by_role("tabpanel", name="Science").get_by_role("combobox", name="Reference")
    ).to_have_value("star-d")

    # The front end's preview of the draft cites it by its number in the reference list.
    preview = Client().get(
        "/api/v1/preview",
        {"content_type": "articles.articlepage", "token": saved.create_page_preview().token},
    )
    content = preview.json()["content"]
    [cited] = [block["value"] for block in content["science"] if block["type"] == "statistic"]
    assert (cited["reference"], cited["reference_number"]) == ("star-d", 2)
    assert content["references"][1]["title"] == "The STAR*D trial"
