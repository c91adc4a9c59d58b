"""Editors read the delivery log in words: which page, what happened, the payload; and retry."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.utils import timezone

from tests.webhooks.conftest import FRONT_END, SECRET
from webhooks.models import DeliveryStatus, WebhookDelivery

INDEX = "/admin/webhook_deliveries/"


def failed_delivery(page=None, **fields) -> WebhookDelivery:
    pages = (
        [{"id": page.pk, "locale": "en", "path": "/en/articles/a/", "page_type": "article"}]
        if page
        else []
    )
    return WebhookDelivery.objects.create(
        endpoint=FRONT_END,
        change_id=fields.pop("change_id", "change-1"),
        event="page.published",
        payload={"event": "page.published", "pages": pages},
        status=fields.pop("status", DeliveryStatus.FAILED),
        attempts=fields.pop("attempts", 4),
        last_status_code=502,
        last_error="HTTP 502: Bad Gateway",
        **fields,
    )


@pytest.fixture
def published_page(article):
    return article


def test_the_log_names_the_page_each_delivery_was_about(admin_client, published_page):
    failed_delivery(published_page)

    html = admin_client.get(INDEX).content.decode()

    assert f'href="/admin/pages/{published_page.pk}/edit/"' in html
    assert published_page.title in html
    assert "Failed: gave up after 4 attempts (HTTP 502)" in html


def test_a_deliverys_payload_is_shown_as_formatted_json(admin_client, published_page):
    delivery = failed_delivery(published_page)

    html = admin_client.get(f"{INDEX}inspect/{delivery.pk}/").content.decode()

    assert '<pre class="webhook-payload">' in html
    assert "{\n  &quot;event&quot;: &quot;page.published&quot;," in html


def test_an_administrator_retries_a_failed_delivery(admin_client, endpoints, published_page):
    delivery = failed_delivery(published_page)
    inspect = admin_client.get(f"{INDEX}inspect/{delivery.pk}/").content.decode()
    assert "Retry now" in inspect

    response = admin_client.post(f"{INDEX}retry/{delivery.pk}/", follow=True)

    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.DELIVERED
    assert [sent.url for sent in endpoints.sent] == [FRONT_END]
    shown = " ".join(str(message) for message in response.context["messages"])
    assert f"Retried the delivery to {FRONT_END}. Delivered" in shown


def test_a_retry_is_a_post_with_a_csrf_token(admin_user, endpoints, published_page):
    delivery = failed_delivery(published_page)
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(admin_user)

    assert browser.get(f"{INDEX}retry/{delivery.pk}/").status_code == 405
    assert browser.post(f"{INDEX}retry/{delivery.pk}/").status_code == 403
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.FAILED and endpoints.sent == []


def test_readers_of_the_log_cannot_retry(client, django_user_model, endpoints, published_page):
    delivery = failed_delivery(published_page)
    editor = django_user_model.objects.create_user("editor", password="pw")
    group = Group.objects.create(name="Log readers")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_webhookdelivery"),
    )
    editor.groups.add(group)
    client.force_login(editor)

    assert "Retry now" not in client.get(f"{INDEX}inspect/{delivery.pk}/").content.decode()
    # Wagtail answers a refused admin view with a redirect to the dashboard.
    assert client.post(f"{INDEX}retry/{delivery.pk}/").status_code == 302
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.FAILED and endpoints.sent == []


def test_a_retrying_delivery_says_when_it_is_next_attempted(admin_client, settings):
    settings.WEBHOOK_MAX_ATTEMPTS = 6
    failed_delivery(
        status=DeliveryStatus.RETRYING,
        attempts=2,
        next_attempt_at=timezone.now() + timedelta(minutes=10, seconds=30),
    )

    html = admin_client.get(INDEX).content.decode()

    assert "Retrying: attempt 2 of 6 failed (HTTP 502); next attempt in 10\xa0minutes" in html
    assert "No page (a snippet or setting changed)" in html


def test_the_empty_log_says_webhooks_are_not_configured(admin_client, settings):
    settings.WEBHOOK_ENDPOINTS = []

    html = admin_client.get(INDEX).content.decode()

    assert "webhooks are not configured" in html


def test_the_empty_log_names_the_configured_endpoints(admin_client, settings):
    settings.WEBHOOK_ENDPOINTS = [FRONT_END]
    settings.WEBHOOK_SECRET = SECRET

    html = admin_client.get(INDEX).content.decode()

    assert f"Webhooks are configured for {FRONT_END}" in html
