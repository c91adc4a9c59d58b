"""Images and documents load from the reader's side: absolute URLs from the public media base."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.test import override_settings
from wagtail.documents import get_document_model

from cms.settings.env import env_url
from core.media import public_media_url
from tests.translation.factories import image

from .conftest import build_article, paragraph

CDN = "https://cdn.example.org"


def resolve(api, page):
    return api("/pages/resolve", path=f"/en/articles/{page.slug}/").json()


@override_settings(MEDIA_PUBLIC_URL=CDN, API_IMAGE_EXPOSE_ORIGINAL=True)
def test_every_image_url_is_absolute_from_the_public_media_base(api, article_index):
    article = build_article(article_index, hero_image=image(), hero_image_alt="A calm room")
    hero = resolve(api, article)["content"]["hero_image"]
    urls = [hero["url"], hero["original_url"], *(source["url"] for source in hero["srcset"])]
    assert all(url.startswith(f"{CDN}/media/") for url in urls), urls


@override_settings(MEDIA_PUBLIC_URL=None, API_PUBLIC_URL="https://api.example.org")
def test_without_a_media_base_images_load_from_the_api_origin(api, article_index):
    article = build_article(article_index, hero_image=image(), hero_image_alt="A calm room")
    assert resolve(api, article)["content"]["hero_image"]["url"].startswith(
        "https://api.example.org/media/"
    )


@override_settings(MEDIA_PUBLIC_URL=CDN, API_PUBLIC_URL="https://api.example.org")
def test_document_links_in_rich_text_are_absolute_and_marked_as_documents(api, article_index):
    document = get_document_model().objects.create(
        title="Screening form", file=ContentFile(b"form", name="screening.pdf")
    )
    text = f'Print <a linktype="document" id="{document.pk}">the form</a>.'
    article = build_article(article_index, title="Forms", blocks=[paragraph(text)])
    html = resolve(api, article)["content"]["science"][1]["value"]
    # Served through Wagtail's view (collection privacy applies), which runs on the API's origin.
    assert (
        f'<a href="https://api.example.org/documents/{document.pk}/screening.pdf" '
        f'data-link-type="document" data-document-id="{document.pk}">the form</a>'
    ) in html


@override_settings(MEDIA_PUBLIC_URL=CDN)
def test_a_url_storage_already_made_absolute_is_kept(settings):
    assert public_media_url("https://bucket.s3.amazonaws.com/images/a.jpg") == (
        "https://bucket.s3.amazonaws.com/images/a.jpg"
    )
    assert public_media_url("/media/images/a.jpg") == f"{CDN}/media/images/a.jpg"


def test_a_media_base_that_is_not_an_absolute_url_stops_start_up(monkeypatch):
    monkeypatch.setenv("MEDIA_PUBLIC_URL", "cdn.example.org/media")
    with pytest.raises(ImproperlyConfigured, match="MEDIA_PUBLIC_URL"):
        env_url("MEDIA_PUBLIC_URL")
