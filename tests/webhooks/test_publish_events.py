"""Publishing and other content changes send one signed webhook per endpoint."""

import time

from articles.models import ArticleIndexPage
from demo import safety as demo_safety
from tests.articles.factories import ArticleIndexPageFactory, PersonFactory
from webhooks.models import DeliveryStatus, WebhookDelivery
from webhooks.signing import verify

from .conftest import FRONT_END, SEARCH, SECRET, build_article, translate_page


def genuine(sent, body: bytes | None = None) -> bool:
    """Whether a receiver holding the shared secret accepts the webhook (docs/webhooks.md)."""
    return verify(
        SECRET,
        sent.body if body is None else body,
        sent.headers["X-Webhook-Timestamp"],
        sent.headers["X-Webhook-Signature"],
    )


def article_path(article) -> str:
    return f"/{article.locale.language_code}/articles/{article.slug}/"


def test_publishing_a_page_sends_one_signed_webhook_per_endpoint(endpoints, committed, article):
    article.title = "Ketamine and depression, updated"
    committed(article.save_revision().publish)

    assert sorted(sent.url for sent in endpoints.sent) == sorted([FRONT_END, SEARCH])
    for sent in endpoints.sent:
        timestamp = sent.headers["X-Webhook-Timestamp"]
        assert genuine(sent)
        assert abs(int(timestamp) - time.time()) < 60
        assert sent.headers["Content-Type"] == "application/json"
        payload = sent.payload
        assert sent.headers["X-Webhook-Id"] == payload["id"]
        assert payload["event"] == "page.published"
        assert payload["paths"] == [article_path(article)]
        assert payload["locales"] == ["en"]
        assert {
            "id": article.pk,
            "locale": "en",
            "path": article_path(article),
            "page_type": "articles.ArticlePage",
        } in payload["pages"]
        assert payload["occurred_at"]
        assert payload["tags"]
    # One change, one idempotency id, whichever endpoint hears of it.
    assert len({sent.headers["X-Webhook-Id"] for sent in endpoints.sent}) == 1

    deliveries = WebhookDelivery.objects.all()
    assert [delivery.status for delivery in deliveries] == [DeliveryStatus.DELIVERED] * 2
    assert all(delivery.attempts == 1 for delivery in deliveries)
    assert all(delivery.last_status_code == 204 for delivery in deliveries)


def test_a_forged_body_does_not_match_the_signature(endpoints, committed, article):
    committed(article.save_revision().publish)
    sent = endpoints.to(FRONT_END)[0]
    forged = sent.body.replace(b"page.published", b"page.deleted")
    assert genuine(sent)
    assert not genuine(sent, body=forged)


def test_publishing_a_translation_sends_its_own_path_and_locale(
    endpoints, committed, article, spanish
):
    translation = translate_page(article, spanish, title="Ketamina y depresión")
    translation.title = "Ketamina y depresión resistente"
    committed(translation.save_revision().publish)

    payload = endpoints.to(FRONT_END)[0].payload
    assert payload["locales"] == ["es"]
    assert payload["paths"] == [article_path(translation)]
    assert payload["paths"][0].startswith("/es/")


def test_changing_an_author_sends_the_paths_of_every_article_that_credits_them(
    endpoints, committed, article_index
):
    author = PersonFactory(name="Sam Lee")
    credited = [
        build_article(article_index, title="Ketamine", author=author),
        build_article(article_index, title="Esketamine", author=author),
    ]
    uncredited = build_article(article_index, title="Psilocybin")

    author.name = "Dr. Sam Lee"
    committed(author.save)

    changed, rendered = (sent.payload for sent in endpoints.to(FRONT_END))
    assert changed["event"] == "snippet.changed"
    assert changed["paths"] == sorted(article_path(article) for article in credited)
    assert article_path(uncredited) not in changed["paths"]
    assert changed["locales"] == ["en"]
    # The worker re-rendered the articles after that: front ends are told again.
    assert rendered["event"] == "pages.rendered"
    assert rendered["paths"] == changed["paths"]
    assert len(endpoints.sent) == 4  # both endpoints got both


def test_unpublishing_sends_the_page_that_readers_can_no_longer_see(endpoints, committed, article):
    committed(article.unpublish)

    payload = endpoints.to(FRONT_END)[0].payload
    assert payload["event"] == "page.unpublished"
    assert article_path(article) in payload["paths"]


def test_moving_sends_the_old_and_the_new_path(endpoints, committed, article, home_page):
    old_path = article_path(article)
    elsewhere = ArticleIndexPageFactory(parent=home_page, title="Treatments", slug="treatments")

    committed(article.move, elsewhere, pos="last-child")

    payload = endpoints.to(FRONT_END)[0].payload
    assert payload["event"] == "page.moved"
    assert old_path in payload["paths"]
    assert f"/en/treatments/{article.slug}/" in payload["paths"]


def test_deleting_sends_the_path_that_is_gone(endpoints, committed, article):
    path = article_path(article)

    committed(article.delete)

    # Wagtail unpublishes a live page before deleting it: both are announced.
    payloads = {sent.payload["event"]: sent.payload for sent in endpoints.to(FRONT_END)}
    assert set(payloads) == {"page.unpublished", "page.deleted"}
    assert path in payloads["page.deleted"]["paths"]
    assert WebhookDelivery.objects.filter(event="page.deleted").count() == 2


def test_changing_the_crisis_resources_sends_the_safety_tag(endpoints, committed, site):
    demo_safety.load()
    from core.models import SafetyInformation

    information = SafetyInformation.objects.get()
    information.crisis_heading = "Help is available now"
    committed(information.save)

    payload = endpoints.to(FRONT_END)[0].payload
    assert payload["event"] == "settings.changed"
    assert payload["tags"] == ["safety"]
    assert payload["paths"] == []


def test_without_endpoints_nothing_is_sent_or_logged(committed, article, monkeypatch):
    committed(article.save_revision().publish)

    assert not WebhookDelivery.objects.exists()
    assert ArticleIndexPage.objects.live().exists()
