"""Receivers can verify webhooks; misconfigured endpoints stop start-up rather than a publish."""

import os
import subprocess
import sys
from pathlib import Path

from webhooks.checks import check_webhook_settings
from webhooks.signing import encode_body, signed_headers, verify

SECRET = "shared-secret"
ROOT = Path(__file__).resolve().parents[2]


def signed(payload: dict, now: float = 1_800_000_000):
    body = encode_body(payload)
    headers = signed_headers(SECRET, "change-1", body, attempt=1, now=now)
    return body, headers["X-Webhook-Timestamp"], headers["X-Webhook-Signature"]


def test_a_receiver_accepts_a_fresh_genuine_webhook():
    body, timestamp, signature = signed({"id": "change-1", "paths": ["/en/"]})
    assert verify(SECRET, body, timestamp, signature, now=1_800_000_060)


def test_a_receiver_rejects_a_replay_a_forgery_and_the_wrong_secret():
    body, timestamp, signature = signed({"id": "change-1", "paths": ["/en/"]})
    assert not verify(SECRET, body, timestamp, signature, now=1_800_000_000 + 301)
    assert not verify(SECRET, body.replace(b"/en/", b"/es/"), timestamp, signature, now=1.8e9)
    assert not verify(SECRET, body, str(int(timestamp) + 1), signature, now=1.8e9)
    assert not verify("another-secret", body, timestamp, signature, now=1.8e9)
    assert not verify(SECRET, body, "yesterday", signature, now=1.8e9)
    assert not verify(SECRET, body, timestamp, "sha256=é", now=1.8e9)


def test_the_replay_window_is_symmetric():
    """Timestamps too far in the past or in the future are refused; ones inside are accepted."""
    signed_at = 1_800_000_000
    body, timestamp, signature = signed({"id": "change-1", "paths": ["/en/"]}, now=signed_at)

    for clock_offset in (-300, -1, 0, 1, 300):
        assert verify(SECRET, body, timestamp, signature, now=signed_at + clock_offset)
    for clock_offset in (-301, -3600, 301, 3600):
        assert not verify(SECRET, body, timestamp, signature, now=signed_at + clock_offset)
    assert not verify(SECRET, body, timestamp, signature, tolerance_seconds=59, now=signed_at - 60)


def test_the_example_in_the_documentation_verifies():
    """docs/webhooks.md shows a request signed with `example-secret`, to test receivers with."""
    example = (ROOT / "docs" / "webhooks.md").read_text().split("```http\n")[1].split("```")[0]
    head, body = example.split("\n\n", 1)
    headers = dict(line.split(": ", 1) for line in head.splitlines()[1:])
    timestamp = headers["X-Webhook-Timestamp"]
    assert verify(
        "example-secret",
        body.strip().encode(),
        timestamp,
        headers["X-Webhook-Signature"],
        now=int(timestamp),
    )


def test_endpoints_without_a_secret_fail_the_system_checks(settings):
    settings.WEBHOOK_ENDPOINTS = ["https://front-end.example/revalidate", "not a url"]
    settings.WEBHOOK_SECRET = ""

    ids = {message.id for message in check_webhook_settings()}

    assert ids == {"webhooks.E001", "webhooks.E002"}


def test_the_default_configuration_passes_the_system_checks():
    assert check_webhook_settings() == []


def test_production_refuses_to_start_with_endpoints_but_no_secret(tmp_path):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "production-like-key",
        "ALLOWED_HOSTS": "cms.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "WEBHOOK_ENDPOINTS": "https://front-end.example/revalidate",
        "WEBHOOK_SECRET": "",
    }
    started = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert started.returncode != 0
    assert "WEBHOOK_SECRET is required in production" in started.stderr
