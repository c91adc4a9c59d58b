import datetime

import pytest
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageViewRestriction

from .conftest import build_article, paragraph, translate_page

ARTICLE_PATH = "/en/articles/{slug}/"


def resolve(api, page):
    return api("/pages/resolve", path=ARTICLE_PATH.format(slug=page.slug))


def test_a_route_resolves_to_the_whole_article(api, article):
    response = resolve(api, article)
    assert response.status_code == 200
    body = response.json()
    assert body["kind"] == "page"
    assert body["id"] == article.pk
    assert body["page_type"] == "articles.ArticlePage"
    assert body["locale"] == {"code": "en", "direction": "ltr"}
    assert [crumb["path"] for crumb in body["breadcrumbs"]] == ["/en/", "/en/articles/"]
    assert body["alternates"] == [
        {
            "locale": {"code": "en", "direction": "ltr"},
            "path": f"/en/articles/{article.slug}/",
            "url": f"http://localhost/en/articles/{article.slug}/",
        }
    ]
    content = body["content"]
    assert content["type"] == "articles.ArticlePage"
    assert content["author"]["name"] == article.author.name
    assert content["medical_reviewer"]["credentials"] == "MD, board-certified psychiatrist"
    assert [block["type"] for block in content["science"]] == ["statistic"]
    assert content["reading_time_minutes"] >= 1


def test_references_are_numbered_and_statistics_carry_their_number(api, article):
    content = resolve(api, article).json()["content"]
    assert content["references"][0]["number"] == 1
    assert content["references"][0]["doi_url"] == "https://doi.org/10.1000/example"
    assert content["references"][0]["pubmed_url"] == "https://pubmed.ncbi.nlm.nih.gov/123456/"
    statistic = content["science"][0]["value"]
    assert statistic["reference"] == "trial-1"
    assert statistic["reference_number"] == 1


def test_article_structured_data_names_author_reviewer_and_citations(api, article):
    json_ld = resolve(api, article).json()["seo"]["json_ld"]
    assert json_ld["@type"] == "MedicalWebPage"
    assert json_ld["author"]["name"] == article.author.name
    assert json_ld["reviewedBy"]["name"] == article.medical_reviewer.name
    assert json_ld["lastReviewed"] == "2026-03-01"
    assert json_ld["citation"][0]["url"] == "https://doi.org/10.1000/example"
    assert json_ld["inLanguage"] == "en"


def test_rich_text_links_become_front_end_paths(api, article_index):
    target = build_article(article_index, title="Esketamine")
    text = f'See <a linktype="page" id="{target.pk}">the esketamine guide</a>.'
    article = build_article(article_index, title="Linking", blocks=[paragraph(text)])
    html = resolve(api, article).json()["content"]["science"][1]["value"]
    assert html == (
        f'<p>See <a href="/en/articles/{target.slug}/" data-link-type="page" '
        f'data-page-id="{target.pk}">'
        "the esketamine guide</a>.</p>"
    )


def test_links_to_unpublished_pages_keep_their_words_but_lose_the_link(api, article_index):
    target = build_article(article_index, title="Soon")
    target.unpublish()
    article = build_article(
        article_index,
        title="Linking",
        blocks=[paragraph(f'Read <a linktype="page" id="{target.pk}">this</a>.')],
    )
    body = resolve(api, article).json()
    html = body["content"]["science"][1]["value"]
    assert html == "<p>Read <a>this</a>.</p>"


def test_unknown_routes_are_404_problems(api, article):
    response = api("/pages/resolve", path="/en/articles/no-such-article/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 404


@pytest.mark.parametrize(
    "path", ["en/articles/", "/en/a b/", "/en//x/", "/en/../admin/", "x" * 2000]
)
def test_malformed_paths_are_4xx_problems(api, path):
    response = api("/pages/resolve", path=path)
    assert response.status_code in (400, 422)
    assert response["Content-Type"] == "application/problem+json"


def test_a_redirected_route_tells_the_front_end_where_to_go(api, article):
    Redirect.objects.create(old_path="/en/old-ketamine-guide", redirect_page=article)
    body = api("/pages/resolve", path="/en/old-ketamine-guide/").json()
    assert body == {
        "kind": "redirect",
        "status": 301,
        "location": f"/en/articles/{article.slug}/",
    }


HIDE = ["unpublish", "restrict", "expire", "future"]


def hide_from_readers(article, how: str) -> None:
    if how == "unpublish":
        article.unpublish()
    elif how == "restrict":
        PageViewRestriction.objects.create(page=article, restriction_type="password", password="x")
    elif how == "expire":
        article.expire_at = timezone.now() - datetime.timedelta(minutes=1)
        article.save()
    else:
        article.go_live_at = timezone.now() + datetime.timedelta(days=1)
        article.save()


@pytest.mark.parametrize("hide", HIDE)
def test_readers_never_see_hidden_pages(api, article, hide):
    hide_from_readers(article, hide)
    assert resolve(api, article).status_code == 404
    assert api(f"/pages/{article.pk}").status_code == 404
    assert api("/articles").json()["count"] == 0
    assert api("/search", q="Ketamine").json()["count"] == 0


@pytest.mark.parametrize("hide", HIDE)
def test_a_redirect_to_a_hidden_page_answers_like_a_missing_page(api, article, hide):
    Redirect.objects.create(old_path="/en/old-ketamine-guide", redirect_page=article)
    hide_from_readers(article, hide)
    redirected = api("/pages/resolve", path="/en/old-ketamine-guide/")
    missing = api("/pages/resolve", path="/en/nothing-here/")
    assert redirected.status_code == missing.status_code == 404
    assert article.slug not in redirected.content.decode()
    assert redirected.json() == {
        **missing.json(),
        "detail": missing.json()["detail"].replace("/en/nothing-here/", "/en/old-ketamine-guide/"),
    }


@pytest.mark.parametrize("hide", HIDE)
def test_a_hidden_page_id_answers_exactly_like_a_missing_one(api, article, hide):
    hide_from_readers(article, hide)
    hidden = api(f"/pages/{article.pk}")
    missing = api("/pages/999999")
    assert hidden.status_code == missing.status_code == 404
    assert hidden["Content-Type"] == missing["Content-Type"] == "application/problem+json"
    assert hidden.content == missing.content
    assert (
        api(f"/pages/{article.pk}", locale="es").content
        == api("/pages/999999", locale="es").content
    )


def test_a_missing_translation_falls_back_along_the_chain(api, article):
    response = api(f"/pages/{article.pk}", locale="ar")
    assert response.status_code == 200
    body = response.json()
    assert body["meta"] == {
        "requested_locale": {"code": "ar", "direction": "rtl"},
        "served_locale": {"code": "en", "direction": "ltr"},
        "fallback": True,
        "partly_translated": False,
    }
    assert body["id"] == article.pk


def test_a_live_translation_is_served_with_its_alternates(api, article, spanish):
    translation = translate_page(article, spanish, title="Ketamina y depresión", slug="ketamina")
    body = api(f"/pages/{article.pk}", locale="es-MX").json()
    assert body["id"] == translation.pk
    assert body["meta"] == {
        "requested_locale": {"code": "es-mx", "direction": "ltr"},
        "served_locale": {"code": "es", "direction": "ltr"},
        "fallback": True,
        "partly_translated": False,
    }
    assert {
        "locale": {"code": "es", "direction": "ltr"},
        "path": "/es/articles/ketamina/",
        "url": "http://localhost/es/articles/ketamina/",
    } in body["alternates"]
    exact = api("/pages/resolve", path="/es/articles/ketamina/").json()
    assert exact["meta"]["fallback"] is False
    assert exact["title"] == "Ketamina y depresión"


def test_a_draft_translation_is_not_an_alternate(api, article, spanish):
    translation = translate_page(article, spanish, slug="ketamina")
    translation.unpublish()
    body = resolve(api, article).json()
    assert [alternate["locale"]["code"] for alternate in body["alternates"]] == ["en"]
    assert api(f"/pages/{article.pk}", locale="es").json()["meta"]["served_locale"]["code"] == "en"


@pytest.mark.parametrize("locale", ["fr", "zz-top", "e"])
def test_unknown_locales_are_400_problems(api, article, locale):
    response = api(f"/pages/{article.pk}", locale=locale)
    assert response.status_code == 400
    assert "content language" in response.json()["detail"] or "tag" in response.json()["detail"]


def test_every_response_can_be_revalidated(api, article):
    first = resolve(api, article)
    assert first["Cache-Control"].startswith("public")
    assert "s-maxage=" in first["Cache-Control"]
    assert "stale-while-revalidate=" in first["Cache-Control"]
    path = ARTICLE_PATH.format(slug=article.slug)
    etag_hit = api("/pages/resolve", path=path, headers={"If-None-Match": first["ETag"]})
    assert etag_hit.status_code == 304
    since = api("/pages/resolve", path=path, headers={"If-Modified-Since": first["Last-Modified"]})
    assert since.status_code == 304
    stale = api("/pages/resolve", path=path, headers={"If-None-Match": '"something-else"'})
    assert stale.status_code == 200


def test_article_responses_carry_the_safety_information_of_their_locale(api, article, spanish):
    translation = translate_page(article, spanish, title="Ketamina y depresión")

    english = resolve(api, article).json()["content"]["safety"]
    spanish_safety = api(f"/pages/{translation.pk}").json()["content"]["safety"]

    assert [line["name"] for line in english["crisis_lines"]] == ["988 Lifeline (en)"]
    assert [line["name"] for line in spanish_safety["crisis_lines"]] == ["988 Lifeline (es)"]
    assert "(es)" in spanish_safety["disclaimer"]


def test_an_article_withheld_for_missing_crisis_lines_reaches_readers_once_they_are_chosen(
    api, article, crisis_lines, django_capture_on_commit_callbacks
):
    from core.models import SafetySettings

    safety = SafetySettings.for_site(article.get_site())
    with django_capture_on_commit_callbacks(execute=True):
        safety.safety_information = None
        safety.save()
    assert resolve(api, article).status_code == 404  # no crisis lines: the gate withholds it

    with django_capture_on_commit_callbacks(execute=True):
        safety.safety_information = crisis_lines
        safety.save()
    assert resolve(api, article).status_code == 200


def test_allowed_front_ends_may_call_the_api_from_browsers(client, article, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://reader.example.org"]
    allowed = client.get("/api/v1/articles", headers={"Origin": "https://reader.example.org"})
    assert allowed["Access-Control-Allow-Origin"] == "https://reader.example.org"
    other = client.get("/api/v1/articles", headers={"Origin": "https://evil.example.com"})
    assert "Access-Control-Allow-Origin" not in other


def test_an_alias_in_another_locale_is_not_an_alternate(api, article, spanish):
    # wagtail-localize's locale synchronisation makes aliases like this one: same translation
    # key, another locale, but the source's words.
    spanish_index = translate_page(article.get_parent().specific, spanish, slug="articulos")
    article.create_alias(parent=spanish_index, update_locale=spanish, reset_translation_key=False)
    body = api("/pages/resolve", path=f"/en/articles/{article.slug}/").json()
    assert [alternate["locale"]["code"] for alternate in body["alternates"]] == ["en"]


@pytest.mark.parametrize(
    ("endpoint", "params"),
    [
        ("/pages/resolve", {"path": "/en/\x00"}),
        ("/pages/resolve", {"path": "/en/articles/\x1b[31m/"}),
        ("/articles", {"q": "a\x00b"}),
        ("/search", {"q": "ketamine\x00"}),
        ("/site", {"locale": "es\x7f"}),
    ],
)
def test_control_characters_in_a_parameter_are_a_400_problem(api, article, endpoint, params):
    response = api(endpoint, **params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert "control characters" in response.json()["detail"]


def test_a_repeated_parameter_is_a_400_problem_not_the_last_value(client, article):
    response = client.get("/api/v1/articles?locale=es&locale=ar")
    assert response.status_code == 400
    assert "locale" in response.json()["detail"]


def test_head_answers_wherever_get_does_with_the_same_headers_and_no_body(client, article):
    path = f"/api/v1/pages/{article.pk}"
    get, head = client.get(path), client.head(path)
    assert head.status_code == 200
    assert head.content == b""
    assert head["ETag"] == get["ETag"]
    assert head["Content-Type"] == get["Content-Type"]


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [("get", "/api/v1/no-such-endpoint", 404), ("post", "/api/v1/site", 405)],
)
def test_unrouted_errors_under_the_api_are_problem_details(client, db, method, path, status):
    response = getattr(client, method)(path)
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == status
