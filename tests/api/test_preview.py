import re
import time
from urllib.parse import unquote

import pytest
from django.core.signing import TimestampSigner
from wagtail_headless_preview.models import PagePreview

from .conftest import translate_page


@pytest.fixture
def draft(article):
    """The article with an unsaved change, as the editor's preview sends it."""
    article.title = "Ketamine: a draft title"
    return article


def preview(api, page_preview):
    return api("/preview", content_type="articles.articlepage", token=page_preview.token)


def test_a_draft_is_served_in_the_live_schema_and_never_cached(api, draft):
    response = preview(api, draft.create_page_preview())
    assert response.status_code == 200
    body = response.json()
    assert body["title"] == "Ketamine: a draft title"
    assert body["content"]["type"] == "articles.ArticlePage"
    assert response["Cache-Control"] == "private, no-store"
    assert "X-Cache" not in response
    live = api(f"/pages/{draft.pk}").json()
    assert live["title"] != "Ketamine: a draft title"


def test_a_missing_token_is_401(api, draft):
    response = api("/preview", content_type="articles.articlepage")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"] == "A preview token is required."


def test_a_forged_token_is_403(api, draft, article_index):
    token = draft.create_page_preview().token
    _identifier, signature = token.split(":", 1)
    # Claim another page with the first page's signature.
    forged = f"id={article_index.pk}:{signature}"
    assert api("/preview", token=forged).status_code == 403
    assert api("/preview", token="id=1:nonsense:signature").status_code == 403


def test_a_token_reads_only_its_own_page(api, draft, article_index):
    other_token = TimestampSigner(salt="headlesspreview.token").sign(f"id={article_index.pk}")
    # Correctly signed, but no preview was stored for it: it cannot read the other page.
    assert api("/preview", token=other_token).status_code == 403
    body = preview(api, draft.create_page_preview()).json()
    assert body["id"] == draft.pk


def test_an_expired_token_is_401(api, draft, settings, monkeypatch):
    page_preview = draft.create_page_preview()
    settings.API_PREVIEW_TOKEN_MINUTES = 1
    later = time.time() + 120
    monkeypatch.setattr(time, "time", lambda: later)
    response = preview(api, page_preview)
    assert response.status_code == 401
    assert "expired" in response.json()["detail"]


@pytest.mark.parametrize(("minutes_later", "status"), [(29, 200), (31, 401)])
def test_a_preview_link_works_for_the_configured_minutes(
    api, draft, settings, monkeypatch, minutes_later, status
):
    settings.API_PREVIEW_TOKEN_MINUTES = 30
    page_preview = draft.create_page_preview()
    later = time.time() + 60 * minutes_later
    monkeypatch.setattr(time, "time", lambda: later)
    assert preview(api, page_preview).status_code == status


def test_editors_preview_in_the_front_end_of_the_pages_locale(rf, article, spanish, settings):
    settings.PREVIEW_CLIENT_URLS = {
        "default": "https://reader.example.org/api/preview",
        "es": "https://lector.example.org/api/preview",
    }
    translation = translate_page(article, spanish, slug="ketamina")
    translation.title = "Ketamina (borrador sin guardar)"
    html = translation.serve_preview(rf.get("/"), "").content.decode()
    match = re.search(r'src="(https://lector\.example\.org/api/preview/\?[^"]+)"', html)
    assert match, html[:500]
    token = re.search(r"token=([^&\"]+)", match.group(1)).group(1)
    assert PagePreview.objects.get(token=unquote(token)).as_page().title == translation.title


def test_without_a_front_end_editors_get_wagtails_html_preview(rf, article, settings):
    settings.PREVIEW_CLIENT_URLS = {}
    article.title = "An unsaved title"
    response = article.serve_preview(rf.get("/"), "")
    assert "An unsaved title" in response.rendered_content
    assert not PagePreview.objects.exists()


def test_a_preview_link_stops_working_once_its_page_is_deleted(api, draft):
    page_preview = draft.create_page_preview()
    assert preview(api, page_preview).status_code == 200
    draft.delete()
    response = preview(api, page_preview)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert "Ketamine" not in response.content.decode()


def unsaved_child_of(parent, page):
    """A page as Wagtail's preview on the create view builds it: placed, never saved."""
    page.depth = parent.depth + 1
    page.path = page._get_path(parent.path, page.depth, parent.numchild + 1)
    page.locale = parent.locale
    return page


def test_a_page_not_yet_created_is_previewed_without_an_id(api, article_index):
    from articles.models import ArticlePage

    new = unsaved_child_of(article_index, ArticlePage(title="A first draft", slug="first-draft"))
    response = preview(api, new.create_page_preview())
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["title"] == "A first draft"
    assert body["id"] is None
    assert response["Cache-Control"] == "private, no-store"
