"""Media: local files served at /media/ on one server, or an S3-compatible bucket."""

from io import BytesIO

import pytest
from django.core.files.images import ImageFile
from PIL import Image as Picture
from wagtail.images.models import Image

from tests.foundation.test_settings import PRODUCTION_ENV, run_manage

S3_ENV = {
    **PRODUCTION_ENV,
    "MEDIA_STORAGE": "s3",
    "AWS_STORAGE_BUCKET_NAME": "health-media",
    "AWS_S3_ENDPOINT_URL": "https://objects.example.net",
    "AWS_S3_CUSTOM_DOMAIN": "media.example.org",
    "AWS_ACCESS_KEY_ID": "key-id",
    "AWS_SECRET_ACCESS_KEY": "key-secret",
}


def test_media_in_a_bucket_is_configured_from_the_environment():
    result = run_manage(
        "shell",
        "--verbosity=0",
        "-c",
        "from django.core.files.storage import storages; s = storages['default']; "
        "print(type(s).__name__, s.bucket_name, s.endpoint_url, "
        "s.url('original_images/calm.png'))",
        env=S3_ENV,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "S3Storage",
        "health-media",
        "https://objects.example.net",
        "https://media.example.org/original_images/calm.png",
    ]


def test_media_in_a_bucket_needs_its_name():
    env = {key: value for key, value in S3_ENV.items() if key != "AWS_STORAGE_BUCKET_NAME"}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "AWS_STORAGE_BUCKET_NAME" in result.stderr


def test_an_unknown_media_storage_is_refused_at_start_up():
    result = run_manage("check", env={**PRODUCTION_ENV, "MEDIA_STORAGE": "ftp"})
    assert result.returncode != 0
    assert "MEDIA_STORAGE must be local or s3" in result.stderr


def test_a_bucket_takes_the_place_of_the_served_media_folder():
    result = run_manage(
        "shell",
        "--verbosity=0",
        "-c",
        "from django.urls import resolve, Resolver404\n"
        "try:\n resolve('/media/original_images/calm.png')\n print('served')\n"
        "except Resolver404:\n print('not served')",
        env=S3_ENV,
    )
    assert result.stdout.strip() == "not served", result.stderr


@pytest.fixture
def image(db):
    picture = BytesIO()
    Picture.new("RGB", (40, 30), (40, 120, 160)).save(picture, "PNG")
    return Image.objects.create(title="Calm", file=ImageFile(picture, name="calm.png"))


def test_local_images_and_renditions_are_served_under_media(client, image):
    rendition = image.get_rendition("width-20")
    for url in (image.file.url, rendition.url):
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"".join(response.streaming_content)[:4] == b"\x89PNG"
        assert "max-age" in response["Cache-Control"]


@pytest.mark.parametrize(
    "path",
    ["/media/../cms/settings/base.py", "/media/original_images/../../etc/passwd", "/media/x.txt"],
)
def test_nothing_but_public_images_is_served_under_media(client, db, path, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "x.txt").write_text("not an image")
    assert client.get(path).status_code in {302, 404}
    assert b"not an image" not in client.get(path).content
