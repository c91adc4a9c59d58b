"""Links readers must not follow never reach them, even when they got past validation.

Everything here is stored the way an import, old content or a bypassed check would store it
(`save_revision(clean=False)`, querysets); the API and the HTML pages are the last defence.
"""

from articles.models import ArticleReference
from core.models import CrisisLine
from core.snapshots.pipeline import render_page
from demo.review import record_medical_approval
from editorial.publishing import published_by_workflow_only
from tests.api.conftest import build_article, build_provider, translate_page
from tests.articles.factories import PersonFactory

ATTACK = "JaVaScRiPt:alert(document.domain)"


def store_unchecked(page, **fields):
    """Make `fields` live on `page` without any validation, as old or imported content is."""
    for name, value in fields.items():
        setattr(page, name, value)
    revision = page.save_revision(clean=False)
    if published_by_workflow_only(page):
        record_medical_approval(page, revision)  # as tests.approvals.publish_reviewed does
    type(page).objects.filter(pk=page.pk).update(live_revision=revision, **fields)
    render_page(page.pk)


def test_a_clinic_description_link_with_javascript_reaches_readers_without_its_href(
    api, client, provider_index
):
    clinic = build_provider(provider_index)
    store_unchecked(
        clinic,
        description=(
            f'<p>Book through <a href="{ATTACK}">the clinic</a> or '
            '<a href="&#106;avascript:alert(1)">by phone</a>; see '
            '<a href="https://clinic.example.org/book">booking</a>.</p>'
        ),
        website="javascript:alert(1)",
    )
    path = f"/en/{provider_index.slug}/{clinic.slug}/"

    body = api("/pages/resolve", path=path).json()
    html = client.get(path).content.decode()

    description = body["content"]["description"]
    assert "<a>the clinic</a>" in description
    assert "<a>by phone</a>" in description
    assert '<a href="https://clinic.example.org/book">booking</a>' in description
    assert body["content"]["website"] is None
    # The clinic's own page stands in for its refused website.
    assert body["seo"]["json_ld"]["url"] == body["seo"]["canonical_url"]
    assert "javascript" not in html.lower()
    assert "the clinic</a>" in html


def test_a_spanish_crisis_line_with_a_javascript_url_is_served_without_it(
    api, client, article_index, crisis_lines, spanish
):
    CrisisLine.objects.filter(locale=spanish).update(url=f"  {ATTACK}")
    article = build_article(article_index)
    spanish_article = translate_page(article, spanish, title="Ketamina y depresión")

    site = api("/site", locale="es").json()
    article_safety = api(f"/pages/{spanish_article.pk}").json()["content"]["safety"]
    html = client.get(spanish_article.url).content.decode()

    assert [line["url"] for line in site["safety"]["crisis_lines"]] == [None]
    assert [line["url"] for line in article_safety["crisis_lines"]] == [None]
    assert "988 Lifeline (es)" in html
    assert "javascript" not in html.lower()


def test_references_and_profiles_with_unsafe_urls_are_served_without_them(
    api, client, article_index
):
    author = PersonFactory(profile_url="data:text/html,<script>alert(1)</script>")
    article = build_article(article_index, author=author)
    ArticleReference.objects.filter(page=article).update(url="vbscript:msgbox(1)")
    article.refresh_from_db()
    store_unchecked(article)

    body = api(f"/pages/{article.pk}").json()
    html = client.get(article.url).content.decode()

    assert body["content"]["author"]["profile_url"] is None
    assert [ref["url"] for ref in body["content"]["references"]] == [None]
    assert "url" not in body["seo"]["json_ld"]["author"]
    assert body["seo"]["json_ld"]["citation"][0]["url"] == "https://doi.org/10.1000/example"
    assert "vbscript" not in html and "data:text/html" not in html


def test_json_ld_in_a_page_cannot_close_its_script_tag(client, provider_index):
    clinic = build_provider(provider_index, title="Calm </script><script>alert(1)</script> & Co")

    html = client.get(clinic.url).content.decode()

    script = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in script
    assert "\\u0026 Co" in script
    assert "<script>alert(1)" not in html
