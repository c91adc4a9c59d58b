"""Links in every rich-text field, and moved routes, as front ends follow them."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.redirects.models import Redirect

from tests.api.conftest import build_article, build_provider
from tests.approvals import publish_reviewed


def link_to(page) -> str:
    return f'<a linktype="page" id="{page.pk}">the guide</a>'


def front_end_link(page) -> str:
    return (
        f'<a href="/en/articles/{page.slug}/" data-link-type="page" data-page-id="{page.pk}">'
        "the guide</a>"
    )


def test_page_links_in_provider_rich_text_get_their_front_end_href(
    api, article_index, provider_index
):
    target = build_article(article_index, title="Choosing a clinic")
    provider_index.intro = f"<p>Start with {link_to(target)}.</p>"
    provider_index.disclaimer = f"<p>Not an endorsement; read {link_to(target)}.</p>"
    publish_reviewed(provider_index)
    clinic = build_provider(provider_index, description=f"<p>See {link_to(target)}.</p>")

    directory = api("/pages/resolve", path=f"/en/{provider_index.slug}/").json()["content"]
    clinic_page = api("/pages/resolve", path=f"/en/{provider_index.slug}/{clinic.slug}/").json()[
        "content"
    ]
    listing = api("/providers").json()

    assert front_end_link(target) in directory["intro"]
    assert front_end_link(target) in directory["disclaimer"]
    assert front_end_link(target) in clinic_page["description"]
    assert front_end_link(target) in clinic_page["disclaimer"]
    assert front_end_link(target) in listing["disclaimer"]


def test_an_old_arabic_path_redirects_whether_percent_encoded_or_not(api, article):
    Redirect.objects.create(old_path="/ar/مقالة-قديمة", redirect_page=article)

    for path in (
        "/ar/مقالة-قديمة/",
        "/ar/%D9%85%D9%82%D8%A7%D9%84%D8%A9-%D9%82%D8%AF%D9%8A%D9%85%D8%A9/",
    ):
        body = api("/pages/resolve", path=path).json()
        assert body == {
            "kind": "redirect",
            "status": 301,
            "location": f"/en/articles/{article.slug}/",
        }, path


def test_a_site_specific_redirect_wins_over_one_for_all_sites(api, article, article_index, site):
    other = build_article(article_index, title="Elsewhere")
    Redirect.objects.create(old_path="/en/moved", redirect_page=other)
    Redirect.objects.create(old_path="/en/moved", redirect_page=article, site=site)

    body = api("/pages/resolve", path="/en/moved/").json()

    assert body["location"] == f"/en/articles/{article.slug}/"


def test_a_missing_api_path_looks_up_no_redirects(client, db):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/api/v1/no-such-endpoint")

    assert response.status_code == 404
    assert not [query for query in queries if "wagtailredirects" in query["sql"]]
