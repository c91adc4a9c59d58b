from wagtail.contrib.frontend_cache.backends.base import BaseBackend

from tests.approvals import publish_reviewed


class RecordingBackend(BaseBackend):
    """A CDN that remembers what it was asked to purge."""

    purged: list[str] = []

    def purge(self, url):
        RecordingBackend.purged.append(url)


def test_publishing_purges_the_api_urls_that_show_the_page(
    article, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {"default": {"BACKEND": f"{__name__}.RecordingBackend"}}
    settings.API_PUBLIC_URL = "https://api.example.org"
    RecordingBackend.purged = []
    with django_capture_on_commit_callbacks(execute=True):
        publish_reviewed(article)
    purged = set(RecordingBackend.purged)
    base = "https://api.example.org/api/v1"
    assert f"{base}/pages/resolve?path=%2Fen%2Farticles%2F{article.slug}%2F" in purged
    assert f"{base}/pages/{article.pk}?locale=en" in purged
    assert f"{base}/articles?locale=en" in purged


def test_nothing_is_purged_without_a_configured_cdn(
    article, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = None
    RecordingBackend.purged = []
    with django_capture_on_commit_callbacks(execute=True):
        publish_reviewed(article)
    assert RecordingBackend.purged == []
