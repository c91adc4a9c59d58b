"""What a real site needs from a page, and the tighter types generated clients rely on."""

import re

from django.conf import settings
from django.test import override_settings

from tests.approvals import publish_reviewed
from tests.articles.factories import PersonFactory, reference
from tests.translation.factories import image

from .conftest import build_article, translate_page

UTC_TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$")


def resolve(api, page, locale="en"):
    return api("/pages/resolve", path=f"/{locale}/articles/{page.slug}/").json()


def heading(text: str, level: str = "h2") -> dict:
    return {"type": "heading", "value": {"text": text, "level": level}}


def test_every_timestamp_is_utc_with_its_offset_to_the_second(api, article_index):
    article = build_article(article_index)
    body = resolve(api, article)
    card = api("/articles").json()["items"][0]
    stamps = [
        body["first_published_at"],
        body["last_published_at"],
        body["seo"]["json_ld"]["datePublished"],
        body["seo"]["json_ld"]["dateModified"],
        card["first_published_at"],
    ]
    assert all(UTC_TIMESTAMP.match(stamp) for stamp in stamps), stamps


def test_absent_identifiers_and_links_are_null_not_empty(api, article_index):
    article = build_article(article_index, author=PersonFactory(profile_url=""))
    article.references = [reference("trial-1")]  # a URL, but no DOI or PubMed id
    publish_reviewed(article)
    content = resolve(api, article)["content"]
    assert content["references"][0]["url"] == "https://example.org/trial-1"
    assert [content["references"][0][name] for name in ("doi", "doi_url", "pmid")] == [None] * 3
    assert content["author"]["profile_url"] is None


def test_a_locale_has_one_shape_wherever_it_appears(api, article_index):
    article = build_article(article_index)
    body = api(f"/pages/{article.pk}", locale="ar").json()
    english = {"code": "en", "direction": "ltr"}
    assert body["locale"] == english
    assert body["meta"]["requested_locale"] == {"code": "ar", "direction": "rtl"}
    assert body["meta"]["served_locale"] == english
    assert body["alternates"][0]["locale"] == english
    assert body["translation_status"][0]["locale"] == english
    assert body["breadcrumbs"][0]["locale"] == english
    site = api("/site", locale="ar").json()
    assert site["default_locale"] == english
    assert {"code", "direction", "name", "home_path", "home_url"} == set(site["locales"][0])


def test_every_page_has_an_absolute_canonical_url_and_a_description(api, article_index):
    article = build_article(article_index)
    index = api("/pages/resolve", path=f"/en/{article_index.slug}/").json()
    page = resolve(api, article)
    for body in (index, page):
        assert body["seo"]["canonical_url"] == f"http://localhost{body['seo']['canonical_path']}"
        assert body["seo"]["description"]
        assert body["seo"]["json_ld"]["url"] == body["seo"]["canonical_url"]


def test_the_site_gives_each_locale_its_base_url(api, article_index):
    site = api("/site").json()
    english = next(locale for locale in site["locales"] if locale["code"] == "en")
    assert english["home_url"] == "http://localhost/en/"


@override_settings(MEDIA_PUBLIC_URL="https://cdn.example.org")
def test_an_article_shares_its_hero_image_and_others_fall_back_to_the_home_page(
    api, article_index, home_page
):
    home_page.hero_image = image("Home")
    home_page.hero_image_alt = "A calm sea"
    home_page.save_revision().publish()
    article = build_article(article_index, hero_image=image(), hero_image_alt="A calm room")
    article_index.save_revision().publish()  # rendered again, now that the home has an image
    page = resolve(api, article)
    assert page["seo"]["image"]["alt"] == "A calm room"
    assert page["seo"]["json_ld"]["image"] == page["seo"]["image"]["url"]
    index = api("/pages/resolve", path=f"/en/{article_index.slug}/").json()
    assert index["seo"]["image"]["alt"] == "A calm sea"


def test_headings_get_unique_anchors_and_make_the_table_of_contents(api, article_index):
    article = build_article(
        article_index,
        blocks=[heading("What the evidence says"), heading("What the evidence says", "h3")],
    )
    content = resolve(api, article)["content"]
    anchors = [block["value"]["anchor"] for block in content["science"][1:]]
    assert anchors == ["what-the-evidence-says", "what-the-evidence-says-2"]
    assert content["table_of_contents"] == [
        {
            "anchor": "what-the-evidence-says",
            "text": "What the evidence says",
            "level": "h2",
            "section": "science",
        },
        {
            "anchor": "what-the-evidence-says-2",
            "text": "What the evidence says",
            "level": "h3",
            "section": "science",
        },
    ]


def test_a_decorative_image_says_so_and_has_no_alt_text(api, article_index):
    block = {
        "type": "image",
        "value": {"image": image().pk, "alt_text": "", "decorative": True, "caption": ""},
    }
    article = build_article(article_index, blocks=[block])
    value = resolve(api, article)["content"]["science"][1]["value"]
    assert value["decorative"] is True
    assert value["image"]["alt"] == ""


def test_an_author_profile_lists_what_they_wrote_and_is_linked_from_the_article(api, article_index):
    writer = PersonFactory(profile_url="")
    article = build_article(article_index, author=writer)
    author = resolve(api, article)["content"]["author"]
    assert author["api_url"] == f"{settings.API_PUBLIC_URL}/api/v1/people/{writer.pk}"
    profile = api(f"/people/{writer.pk}").json()
    assert profile["name"] == writer.name
    assert profile["credentials"] == "Health writer"
    assert profile["profile_url"] is None
    assert [card["id"] for card in profile["articles_written"]] == [article.pk]
    assert profile["articles_reviewed"] == []
    assert profile["json_ld"]["@type"] == "Person"


def test_a_reviewer_profile_lists_what_they_reviewed_in_the_readers_locale(
    api, article_index, spanish
):
    reviewer = PersonFactory(reviewer=True)
    article = build_article(article_index, medical_reviewer=reviewer)
    translation = translate_page(article, spanish, title="Ketamina")
    profile = api(f"/people/{reviewer.pk}", locale="es").json()
    assert [card["id"] for card in profile["articles_reviewed"]] == [translation.pk]
    assert profile["articles_reviewed"][0]["locale"] == {"code": "es", "direction": "ltr"}


def test_someone_credited_on_nothing_published_is_not_found(api, article_index):
    article = build_article(article_index)
    unknown = PersonFactory()
    assert api(f"/people/{unknown.pk}").status_code == 404
    assert api("/people/999999").status_code == 404
    assert api(f"/people/{article.author.pk}", locale="xx").status_code == 400
