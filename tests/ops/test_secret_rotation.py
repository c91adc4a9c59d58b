"""Switching secrets: Django's key and the webhooks' secret, two accepted at once."""

from tests.foundation.test_settings import PRODUCTION_ENV, run_manage
from webhooks.signing import SIGNATURE_HEADER, TIMESTAMP_HEADER, encode_body, signed_headers, verify

BODY = encode_body({"event": "page.published", "paths": ["/en/"]})


def test_during_a_switch_webhooks_carry_a_signature_for_each_secret():
    headers = signed_headers("new-secret", "c1", BODY, attempt=1, fallbacks=["old-secret"])
    assert headers[SIGNATURE_HEADER].count("sha256=") == 2
    timestamp, signatures = headers[TIMESTAMP_HEADER], headers[SIGNATURE_HEADER]
    assert verify("new-secret", BODY, timestamp, signatures)
    assert verify("old-secret", BODY, timestamp, signatures)
    assert not verify("another-secret", BODY, timestamp, signatures)


def test_without_a_switch_webhooks_carry_one_signature():
    headers = signed_headers("new-secret", "c1", BODY, attempt=1, fallbacks=["", "new-secret"])
    assert "," not in headers[SIGNATURE_HEADER]


def test_webhooks_are_delivered_with_the_fallback_signatures(settings, monkeypatch, db):
    from webhooks import delivery
    from webhooks.delivery import Reply
    from webhooks.models import WebhookDelivery

    sent = []
    monkeypatch.setattr(
        delivery, "post", lambda url, body, headers, timeout: sent.append(headers) or Reply(204)
    )
    settings.WEBHOOK_ENDPOINTS = ["https://front-end.example/revalidate"]
    settings.WEBHOOK_SECRET = "new-secret"
    settings.WEBHOOK_SECRET_FALLBACKS = ["old-secret"]
    from django.utils import timezone

    queued = WebhookDelivery.objects.create(
        change_id="c1",
        endpoint="https://front-end.example/revalidate",
        event="page.published",
        payload={"paths": ["/en/"]},
        next_attempt_at=timezone.now(),
    )
    delivery.attempt(queued.pk)
    [headers] = sent
    body = encode_body({"paths": ["/en/"]})
    assert verify("old-secret", body, headers[TIMESTAMP_HEADER], headers[SIGNATURE_HEADER])
    assert verify("new-secret", body, headers[TIMESTAMP_HEADER], headers[SIGNATURE_HEADER])


def test_production_reads_the_previous_django_keys_from_the_environment():
    env = {**PRODUCTION_ENV, "SECRET_KEY_FALLBACKS": "old-key-1, old-key-2"}
    result = run_manage(
        "shell",
        "--verbosity=0",
        "-c",
        "from django.conf import settings; print(settings.SECRET_KEY_FALLBACKS)",
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['old-key-1', 'old-key-2']"
