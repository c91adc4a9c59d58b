import json
from dataclasses import dataclass, field

import pytest

from tests.api.conftest import (  # noqa: F401  (fixtures shared with the API tests)
    article,
    article_index,
    build_article,
    spanish,
    translate_page,
)
from webhooks import delivery
from webhooks.delivery import Reply

SECRET = "test-webhook-secret-shared-with-the-front-end"
FRONT_END = "https://front-end.example/api/revalidate"
SEARCH = "https://search.example/hooks/content"


@dataclass
class Sent:
    url: str
    body: bytes
    headers: dict[str, str]

    @property
    def payload(self) -> dict:
        return json.loads(self.body)


@dataclass
class FakeEndpoints:
    """Stands in for the HTTP call: records each webhook and answers as each endpoint is told."""

    sent: list[Sent] = field(default_factory=list)
    answers: dict[str, int | Exception] = field(default_factory=dict)

    def post(self, url: str, body: bytes, headers: dict[str, str], timeout: float) -> Reply:
        self.sent.append(Sent(url, body, headers))
        answer = self.answers.get(url, 204)
        if isinstance(answer, Exception):
            raise answer
        return Reply(answer, "" if 200 <= answer < 300 else "Internal Server Error")

    def to(self, url: str) -> list[Sent]:
        return [sent for sent in self.sent if sent.url == url]


@pytest.fixture
def endpoints(settings, monkeypatch) -> FakeEndpoints:
    """Two configured endpoints, reached through a fake HTTP call."""
    settings.WEBHOOK_ENDPOINTS = [FRONT_END, SEARCH]
    settings.WEBHOOK_SECRET = SECRET
    settings.WEBHOOK_MAX_ATTEMPTS = 4
    fake = FakeEndpoints()
    monkeypatch.setattr(delivery, "post", fake.post)
    return fake


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a change as an editor would: subscribers hear of it when the transaction commits."""

    def run(change, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return change(*args, **kwargs)

    return run
