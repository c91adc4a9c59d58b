"""Editors and developers read the delivery log in the admin (Reports → Webhook deliveries)."""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from webhooks.models import DeliveryStatus, WebhookDelivery

INDEX = "/admin/webhook_deliveries/"


def log(endpoint: str, status: str, **fields) -> WebhookDelivery:
    return WebhookDelivery.objects.create(
        endpoint=endpoint,
        change_id=fields.pop("change_id", endpoint[-8:]),
        event=fields.pop("event", "page.published"),
        payload={"paths": ["/en/articles/ketamine/"]},
        status=status,
        **fields,
    )


@pytest.fixture
def deliveries(db):
    return [
        log("https://ok.example/hook", DeliveryStatus.DELIVERED, attempts=1, last_status_code=204),
        log(
            "https://down.example/hook",
            DeliveryStatus.RETRYING,
            attempts=2,
            last_status_code=502,
            last_error="HTTP 502: Bad Gateway",
            next_attempt_at=timezone.now() + timedelta(minutes=10),
        ),
    ]


def test_the_log_lists_deliveries_with_their_status(admin_client, deliveries):
    response = admin_client.get(INDEX)

    assert response.status_code == 200
    html = response.content.decode()
    assert "https://ok.example/hook" in html
    assert "https://down.example/hook" in html
    assert "Delivered (HTTP 204), at attempt 1" in html
    assert "Retrying: attempt 2 of" in html and "failed (HTTP 502); next attempt in 9" in html


def test_the_log_is_in_the_reports_menu(admin_client, deliveries):
    menu = admin_client.get("/admin/").content.decode()
    assert "Webhook deliveries" in menu
    assert INDEX in menu


def test_the_log_filters_by_status(admin_client, deliveries):
    response = admin_client.get(INDEX, {"status": "retrying"})

    html = response.content.decode()
    assert "https://down.example/hook" in html
    assert "https://ok.example/hook" not in html


def test_a_delivery_shows_its_last_error_and_payload(admin_client, deliveries):
    retrying = deliveries[1]

    response = admin_client.get(f"{INDEX}inspect/{retrying.pk}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "HTTP 502: Bad Gateway" in html
    assert "/en/articles/ketamine/" in html


def test_the_log_is_read_only(admin_client, deliveries):
    with pytest.raises(NoReverseMatch):
        reverse("webhook_deliveries:add")
    for action in ("new/", f"edit/{deliveries[0].pk}/", f"delete/{deliveries[0].pk}/"):
        assert admin_client.get(f"{INDEX}{action}", follow=True).status_code == 404
    assert f"{INDEX}new/" not in admin_client.get(INDEX).content.decode()


def test_editors_need_the_view_permission(client, django_user_model, deliveries):
    editor = django_user_model.objects.create_user("editor", password="pw")
    group = Group.objects.create(name="Log readers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    editor.groups.add(group)
    client.force_login(editor)
    assert client.get(INDEX).status_code == 302  # sent back to the dashboard

    group.permissions.add(Permission.objects.get(codename="view_webhookdelivery"))
    assert client.get(INDEX).status_code == 200


def test_old_finished_deliveries_are_pruned(deliveries):
    old = timezone.now() - timedelta(days=45)
    WebhookDelivery.objects.update(created_at=old)
    fresh = log("https://ok.example/hook", DeliveryStatus.DELIVERED, change_id="fresh")

    call_command("prune_webhook_deliveries", days=30, stdout=StringIO())

    remaining = set(WebhookDelivery.objects.values_list("pk", flat=True))
    # The retrying one is kept however old: it may still be delivered.
    assert remaining == {deliveries[1].pk, fresh.pk}
