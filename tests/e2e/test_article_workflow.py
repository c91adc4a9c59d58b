"""An article's whole journey through the admin, in a real browser.

A writer drafts an article and submits it to the workflow; a medical reviewer approves it,
which credits them and dates the review; an editor approves the last step, which publishes it,
and starts the Spanish translation; a translator machine-translates it (it cannot be published
empty, nor machine-translated unreviewed) and submits it to the translation review, which only a
reviewer of Spanish approves. The delivery API then serves the article in both languages.
"""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect
from wagtail.models import TaskState, WorkflowState

from articles.models import ArticlePage

pytestmark = [
    pytest.mark.e2e,
    # The live server and the test share the database, so the test cannot run in a rolled-back
    # transaction; the data that migrations created (groups, workflow, locales, home page) is
    # restored from a snapshot rather than lost when the database is emptied afterwards.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Ketamine therapy, step by step"
SLUG = "ketamine-therapy-step-by-step"
# The workflow's name is the submit button's label ("Submit to …").
SUBMIT_LABEL = re.compile(r"^Submit to Medical review")


def expect_message(page: Page, text: str | re.Pattern) -> None:
    """Wait for the admin's confirmation after a form was sent (the page reloads with it)."""
    expect(page.locator(".messages")).to_contain_text(text)


def add_block(page: Page, section: str, block_label: str) -> None:
    """Add a block at the end of a section's StreamField, through the block chooser."""
    panel = page.get_by_role("tabpanel", name=section)
    panel.get_by_role("button", name="Insert a block").last.click()
    page.get_by_role("option", name=block_label, exact=True).click()


def fill_last_rich_text(page: Page, section: str, text: str) -> None:
    """Type into the section's last rich-text (Draftail) editor.

    A freshly inserted editor can still be setting itself up (focus, React state) when typing
    starts, and then drops the text; type again until it shows.
    """
    editor = page.get_by_role("tabpanel", name=section).get_by_role("textbox").last
    for attempt in range(3):
        editor.click()
        page.keyboard.insert_text(text)
        try:
            expect(editor).to_contain_text(text, timeout=2_000)
            break
        except AssertionError:
            if attempt == 2:
                raise
    # Draftail copies what was typed into the form's hidden field a moment later (throttled): a
    # submission sent before then saves the paragraph empty, so wait for the field to hold it.
    panel = page.get_by_role("tabpanel", name=section)
    field = panel.locator('input[type="hidden"][name$="-value"]').last
    expect(field).to_have_value(re.compile(re.escape(text)))


def open_footer_actions(page: Page) -> None:
    """The footer's action menu (Submit, Approve, …) opens from the arrow beside its main button."""
    page.get_by_role("button", name="More actions").click()


def write_and_submit(page: Page, article_index_id: int, author_name: str) -> None:
    page.goto(f"/admin/pages/add/articles/articlepage/{article_index_id}/")
    page.get_by_placeholder("Page title*").fill(TITLE)
    page.get_by_role("textbox", name="Standfirst").fill(
        "How ketamine therapy works, and what a course of treatment looks like."
    )

    # What publishing requires comes first, on the Story tab: author and summary.
    page.get_by_role("button", name="Choose an author").click()
    chooser = page.get_by_role("dialog")
    chooser.get_by_role("link", name=re.compile(re.escape(author_name))).click()
    expect(chooser).to_be_hidden()
    expect(page.get_by_role("tabpanel", name="Story")).to_contain_text(author_name)
    page.get_by_role("textbox", name="Summary").fill(
        "Ketamine can help when depression has not eased. Here is what a course involves."
    )

    add_block(page, "Story", "Heading")
    page.get_by_role("tabpanel", name="Story").get_by_role(
        "textbox", name="Text*", exact=True
    ).fill("Maya's first session")
    add_block(page, "Story", "Paragraph")
    fill_last_rich_text(page, "Story", "Maya felt calm and safe in the clinic.")

    page.get_by_role("tab", name="Science").click()
    add_block(page, "Science", "Paragraph")
    fill_last_rich_text(page, "Science", "Ketamine acts on the brain's glutamate system.")

    page.get_by_role("tab", name="Guidance").click()
    add_block(page, "Guidance", "Paragraph")
    fill_last_rich_text(page, "Guidance", "Ask your doctor whether this treatment suits you.")

    # The new article is not autosaved (editorial's create.html): nothing is in the page tree
    # until the writer submits it.
    assert not ArticlePage.objects.filter(title=TITLE).exists()
    assert re.search(r"/admin/pages/add/", page.url)
    open_footer_actions(page)
    page.get_by_role("button", name=SUBMIT_LABEL).click()
    expect_message(page, f"“{TITLE}” was sent to medical review.")


def approve_current_step(page: Page, article_id: int, outcome: str) -> None:
    page.goto(f"/admin/pages/{article_id}/edit/")
    # Approving submits the whole form: sent before the StreamFields have drawn their blocks
    # (their scripts and the choosers' requests still loading), a section went missing and the
    # save failed with "validation errors" in CI under load.
    page.wait_for_load_state("networkidle")
    open_footer_actions(page)
    page.get_by_role("button", name="Approve", exact=True).click()
    expect_message(page, outcome)


def start_spanish_translation(page: Page, article_id: int) -> str:
    """The editor's "Translate this page"; returns the Spanish page's edit URL."""
    page.goto(f"/admin/pages/{article_id}/edit/")
    # The header's page actions (the author chooser on the Story tab has an "Actions" too).
    page.get_by_role("navigation", name="Actions", exact=True).get_by_role(
        "button", name="Actions"
    ).click()
    page.get_by_role("link", name="Translate this page").click()
    page.get_by_label("Español").check()
    page.get_by_role("button", name="Submit").click()
    expect_message(page, "successfully submitted for translation into Español")
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    return page.url


def machine_translate_and_submit(page: Page, edit_url: str) -> int:
    """In wagtail-localize's translation editor: nothing to publish while the translation is
    empty, nor once machine-translated; the translator submits it to the translation review.
    Returns the Spanish page's id."""
    page.goto(edit_url)
    publish = page.get_by_role("button", name="Publish in Español")
    expect(page.get_by_role("button", name=re.compile(r"^Translate with "))).to_be_visible()
    expect(publish).to_have_count(0)  # an empty translation cannot be published
    page.get_by_role("button", name=re.compile(r"^Translate with ")).click()
    expect_message(page, "Successfully translated")
    expect(publish).to_have_count(0)  # a machine translation waits for its reviewer
    page_id = int(re.search(r"/admin/pages/(\d+)/edit/", edit_url).group(1))
    page.goto(f"/admin/translations/{page_id}/submit-for-review/")
    page.get_by_role("button", name="Submit for translation review").click()
    expect_message(page, "was submitted to the translation review")
    return page_id


def approve_translation_from_dashboard(page: Page) -> None:
    """A Spanish translation reviewer finds the translation waiting on their dashboard."""
    page.goto("/admin/")
    inbox = page.locator("section", has_text="Awaiting your review")
    inbox.get_by_role("button", name="Actions").click()
    inbox.get_by_role("button", name="Approve", exact=True).click()
    # The dashboard posts the approval and reloads without its panel once nothing waits.
    expect(page.locator("main")).not_to_contain_text("Awaiting your review")


def resolve(page: Page, path: str) -> dict:
    response = page.request.get("/api/v1/pages/resolve", params={"path": path})
    assert response.status == 200, f"{path}: {response.status} {response.text()}"
    return response.json()


def test_article_from_draft_to_published_spanish_translation(sign_in, newsroom, new_context):
    index = newsroom["article_index"]
    reviewer = newsroom["reviewer"]

    # A writer drafts the article, with blocks in all three sections, and submits it.
    write_and_submit(sign_in("writer"), index.pk, newsroom["author"].name)
    article = ArticlePage.objects.get(title=TITLE)
    assert not article.live
    workflow_state = WorkflowState.objects.for_instance(article).get()
    assert workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    draft = article.get_latest_revision_as_object()
    assert [block.block_type for block in draft.story] == ["heading", "paragraph"]
    assert [block.block_type for block in draft.science] == ["paragraph"]
    assert [block.block_type for block in draft.guidance] == ["paragraph"]
    assert "Ask your doctor" in str(draft.guidance[0].value)

    # The medical reviewer approves the medical review.
    approve_current_step(
        sign_in("reviewer"), article.pk, f"“{TITLE}” was sent to editorial approval."
    )
    medical_review = TaskState.objects.get(
        workflow_state=workflow_state, task__name="Medical review"
    )
    assert medical_review.status == TaskState.STATUS_APPROVED
    article.refresh_from_db()
    assert not article.live

    # An editor approves the last step, which publishes the article.
    editor = sign_in("editor")
    approve_current_step(editor, article.pk, f"Approved and published: readers now get “{TITLE}”.")
    article.refresh_from_db()
    assert article.live
    today = timezone.localdate()
    assert article.last_reviewed == today
    assert article.medical_reviewer_id == reviewer.pk

    # The editor starts the Spanish translation; a translator machine-translates it and submits
    # it to the translation review; only a reviewer of Spanish approves it, which publishes it.
    spanish_edit_url = start_spanish_translation(editor, article.pk)
    spanish_id = machine_translate_and_submit(sign_in("translator"), spanish_edit_url)
    assert not ArticlePage.objects.get(pk=spanish_id).live
    arabic_reviewer = sign_in("revisor-ar")
    arabic_reviewer.goto("/admin/")
    expect(arabic_reviewer.locator("main")).not_to_contain_text("Awaiting your review")
    approve_translation_from_dashboard(sign_in("revisora"))
    assert ArticlePage.objects.get(pk=spanish_id).live

    # The delivery API serves the article in both languages.
    reader = new_context().new_page()
    english = resolve(reader, f"/en/{index.slug}/{SLUG}/")
    assert english["locale"]["code"] == "en"
    assert english["title"] == TITLE
    assert english["content"]["last_reviewed"] == today.isoformat()
    assert english["content"]["medical_reviewer"]["name"] == reviewer.name
    assert [block["type"] for block in english["content"]["science"]] == ["paragraph"]

    alternates = {
        alternate["locale"]["code"]: alternate["path"] for alternate in english["alternates"]
    }
    assert "es" in alternates, english["alternates"]
    spanish = resolve(reader, alternates["es"])
    assert spanish["locale"]["code"] == "es"
    assert spanish["meta"]["fallback"] is False
    assert spanish["title"] != TITLE  # machine-translated
    made = spanish["translation"]
    assert made["machine_segments"] == made["reviewed_machine_segments"] > 0
    assert made["reviewed_by"] == "Lucía Tester"
    assert spanish["content"]["last_reviewed"] == today.isoformat()
    assert spanish["content"]["medical_reviewer"]["name"] == reviewer.name
    assert [block["type"] for block in spanish["content"]["story"]] == ["heading", "paragraph"]
