"""What editors see of the content checks in the page editor: the panel, and a message on save."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from wagtail.test.utils.form_data import querydict_from_html

from tests.approvals import publish_reviewed
from tests.articles.factories import (
    ArticlePageFactory,
    reference,
    statistic,
)
from tests.editorial.test_checks import HARD_ENGLISH, paragraphs
from tests.providers.factories import ProviderIndexPageFactory, ProviderPageFactory

NO_SOURCE = (
    "Science section: The statistic “30%” has no source. Choose one of this article's "
    "references: nimh."
)
HARD_STORY = (
    "The Story section reads at Flesch\N{EN DASH}Kincaid grade 14; aim for grade 8 or below. "
    "The hardest sentences:"
)


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def panel_html(response) -> str:
    """The content-checks panel of an editor page."""
    html = response.content.decode()
    start = html.index("data-content-checks")
    return html[start : html.index("</section>", start)]


@pytest.mark.django_db
def test_the_editor_shows_the_latest_revisions_problems_errors_first(
    admin_client, article_index, safety
):
    article = ArticlePageFactory(parent=article_index, references=[reference("nimh")])
    publish_reviewed(article)
    # A draft saved by a script: a statistic without its source, and a hard Story section.
    article.story = paragraphs(HARD_ENGLISH)
    article.science = [statistic("", figure="30%")]
    article.save_revision(clean=False)

    response = admin_client.get(edit_url(article))

    assert response.status_code == 200
    panel = panel_html(response)
    assert "Content checks" in response.content.decode()
    assert panel.index(escape(NO_SOURCE)) < panel.index(escape(HARD_STORY))
    assert 'class="help-block content-check--blocking"' in panel
    assert 'class="help-block help-warning"' in panel
    # Not a form error: Wagtail's tab badges count .help-critical, and the form saved fine.
    assert "help-critical" not in panel


@pytest.mark.django_db
def test_the_editor_says_when_no_problems_were_found(admin_client, article_index, safety):
    article = ArticlePageFactory(parent=article_index)

    panel = panel_html(admin_client.get(edit_url(article)))

    assert "No problems found" in panel
    assert "help-critical" not in panel
    assert "help-warning" not in panel


@pytest.mark.django_db
def test_a_new_article_is_checked_after_its_first_save(admin_client, article_index):
    response = admin_client.get(
        reverse("wagtailadmin_pages:add", args=["articles", "articlepage", article_index.pk])
    )

    assert "run after the first save" in panel_html(response)


@pytest.mark.django_db
def test_the_provider_editor_shows_a_stale_verification_first(admin_client, home_page):
    directory = ProviderIndexPageFactory(parent=home_page)
    verified = timezone.localdate() - datetime.timedelta(days=365 + 31)
    provider = ProviderPageFactory(parent=directory, last_verified=verified)

    response = admin_client.get(edit_url(provider))

    html = response.content.decode()
    assert html.index("data-content-checks") < html.index('name="title"')
    assert "more than 12 months ago" in panel_html(response)


def save_draft(client, page, **headers):
    """Post the editor's form as it stands, as "Save draft" does (for pages with empty sections)."""
    data = querydict_from_html(client.get(edit_url(page)).content.decode(), "page-edit-form")
    # StreamFields are drawn by JavaScript; this is what the browser sends for an empty one.
    for section in ("story", "science", "guidance"):
        data.setdefault(f"{section}-count", "0")
    return client.post(edit_url(page), data, follow=True, **headers)


@pytest.mark.django_db
def test_saving_shows_a_message_that_sums_up_the_warnings(admin_client, article_index, safety):
    article = ArticlePageFactory(
        parent=article_index,
        last_reviewed=datetime.date(2026, 3, 1),
        next_review_due=datetime.date(2027, 4, 1),
    )

    response = save_draft(admin_client, article)

    assert response.redirect_chain == [(edit_url(article), 302)]  # Wagtail's own redirect
    messages = [str(message) for message in response.context["messages"]]
    assert messages[-1] == (
        "1 content warning to consider: The next review is due on 1 April 2027, more than 12 "
        "months after the last review on 1 March 2026. Medical content should be checked at "
        "least once a year: set it to 1 March 2027 or earlier, or leave it empty."
    )


@pytest.mark.django_db
def test_saving_an_article_that_cannot_be_published_shows_an_error(admin_client, article_index):
    # No safety information chosen: the article would show readers no crisis lines.
    article = ArticlePageFactory(parent=article_index)

    response = save_draft(admin_client, article)

    levels = {message.level_tag: str(message) for message in response.context["messages"]}
    assert levels["error"].startswith("1 problem must be fixed before publishing: No safety")


@pytest.mark.django_db
def test_autosave_adds_no_messages(admin_client, article_index):
    article = ArticlePageFactory(parent=article_index)  # no safety information: an error

    autosave = save_draft(admin_client, article, headers={"Accept": "application/json"})
    assert autosave.json()["success"] is True

    next_load = admin_client.get(edit_url(article))
    assert not [str(message) for message in next_load.context["messages"]]


@pytest.mark.django_db
def test_the_panel_gives_the_sections_word_count_and_why_wagtails_checks_count_more(
    admin_client, article_index, safety
):
    article = ArticlePageFactory(parent=article_index, story=paragraphs(HARD_ENGLISH))
    article.save_revision()

    panel = panel_html(admin_client.get(edit_url(article)))

    assert (
        f"The story, science and guidance sections: {article.word_count} words, about "
        f"{article.reading_time_minutes} min to read at 200 words a minute." in panel
    )
    assert "Checks panel counts every word of the previewed page" in panel
