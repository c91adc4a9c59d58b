import json
from pathlib import Path

from django.core.management.base import BaseCommand
from django.test import RequestFactory
from django.urls import resolve

OPENAPI_PATH = "/api/v1/openapi.json"


def current_openapi_document() -> dict:
    """The delivery API's OpenAPI document, as /api/v1/openapi.json serves it."""
    request = RequestFactory().get(OPENAPI_PATH)
    response = resolve(OPENAPI_PATH).func(request)
    return json.loads(response.content)


def render(document: dict) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


class Command(BaseCommand):
    help = "Write the delivery API's OpenAPI document to a file (the committed contract)."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default="docs/openapi.json")

    def handle(self, *args, path, **options):
        Path(path).write_text(render(current_openapi_document()), encoding="utf-8")
        self.stdout.write(f"Wrote {path}")
