"""Clients generated from the committed contract (docs/openapi.json) with openapi-python-client
and openapi-typescript (compiled with tsc --strict) read every demo page in every locale, a 304,
and a page with a block type and enum values that the contract does not list yet."""

import copy
import importlib
import json
import shutil
import subprocess

import httpx
import pytest
from django.test import Client as DjangoClient

from core.snapshots.models import PageSnapshot

from .conftest import CONTRACT

LOCALES = ["en", "es", "ar"]
LISTINGS = ["/site", "/articles", "/providers"]

pytestmark = pytest.mark.django_db


class DjangoTransport(httpx.BaseTransport):
    """Sends the generated client's requests to the API in this process."""

    def __init__(self):
        self.django = DjangoClient()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        query = request.url.query.decode()
        path = f"{request.url.path}?{query}" if query else request.url.path
        conditional = {k: v for k, v in request.headers.items() if k.lower().startswith("if-")}
        answer = self.django.get(path, headers=conditional)
        return httpx.Response(
            answer.status_code, headers=dict(answer.items()), content=answer.content
        )


def generated(package, transport: httpx.BaseTransport, headers: dict | None = None):
    client = package.Client(base_url="http://testserver", raise_on_unexpected_status=True)
    return client.set_httpx_client(
        httpx.Client(base_url="http://testserver", transport=transport, headers=headers)
    )


@pytest.fixture(scope="module")
def demo_paths(demo_content) -> dict[str, list[str]]:
    return {
        locale: sorted(
            PageSnapshot.objects.servable()
            .filter(reader_locale=locale, path__startswith=f"/{locale}/")
            .values_list("path", flat=True)
        )
        for locale in LOCALES
    }


@pytest.fixture
def uncached(settings, demo_content):
    settings.API_RESPONSE_CACHE_SECONDS = 0


def blocks_of(content) -> list:
    return [
        block
        for section in ("story", "science", "guidance")
        for block in (getattr(content, section, None) or [])
    ]


def future_article(client) -> dict:
    """A demo article as a later version of the API could send it: a new block type, a new
    callout tone and a new review status."""
    path = next(
        snapshot.path
        for snapshot in PageSnapshot.objects.servable().filter(
            reader_locale="en", page_type="articles.ArticlePage"
        )
    )
    body = copy.deepcopy(client.get("/api/v1/pages/resolve", {"path": path}).json())
    body["content"]["story"].insert(
        0, {"type": "quiz", "id": "f-1", "value": {"question": "Ready?", "answers": [1, 2]}}
    )
    body["content"]["review_status"] = "withdrawn"
    body["content"]["story"].append(
        {"type": "callout", "id": "f-2", "value": {"tone": "celebration", "title": "", "body": ""}}
    )
    return body


@pytest.mark.parametrize("locale", LOCALES)
def test_the_generated_python_client_reads_every_demo_page_in_each_locale(
    python_client, demo_paths, uncached, locale
):
    resolve = importlib.import_module("contract_client.api.pages.resolve_route")
    models = importlib.import_module("contract_client.models")
    client = generated(python_client, DjangoTransport())

    unknown = []
    for path in demo_paths[locale]:
        page = resolve.sync_detailed(client=client, path=path).parsed
        assert isinstance(page, models.PageResponse), path
        if isinstance(page.content, models.UnknownContent):
            unknown.append(path)
        unknown += [
            path for block in blocks_of(page.content) if isinstance(block, models.UnknownBlock)
        ]

    # The home page and the article index at least (the Arabic flagship is still in translation).
    assert len(demo_paths[locale]) >= 2
    assert unknown == []  # the contract lists every page and block type the demo has


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("endpoint", LISTINGS)
def test_the_generated_python_client_reads_the_site_and_listings_in_each_locale(
    python_client, uncached, locale, endpoint
):
    module = {
        "/site": "contract_client.api.site.get_site",
        "/articles": "contract_client.api.articles.list_articles",
        "/providers": "contract_client.api.providers.list_providers",
    }[endpoint]
    answer = importlib.import_module(module).sync_detailed(
        client=generated(python_client, DjangoTransport()), locale=locale
    )
    assert answer.status_code == 200
    assert answer.parsed is not None


@pytest.mark.parametrize("locale", LOCALES)
def test_the_generated_python_client_reads_every_demo_profile_in_each_locale(
    python_client, demo_paths, uncached, locale
):
    from articles.models import Person

    get_person = importlib.import_module("contract_client.api.people.get_person")
    models = importlib.import_module("contract_client.models")
    client = generated(python_client, DjangoTransport())
    people = Person.objects.filter(locale__language_code="en").values_list("pk", flat=True)

    profiles = [get_person.sync(client=client, person_id=pk, locale=locale) for pk in people]

    assert profiles and all(isinstance(profile, models.PersonProfile) for profile in profiles)
    assert all(profile.articles_written or profile.articles_reviewed for profile in profiles)


def test_the_generated_python_client_takes_a_304_as_not_modified(
    python_client, demo_paths, uncached
):
    resolve = importlib.import_module("contract_client.api.pages.resolve_route")
    transport = DjangoTransport()
    first = resolve.sync_detailed(client=generated(python_client, transport), path="/en/")

    again = resolve.sync_detailed(
        client=generated(python_client, transport, {"If-None-Match": first.headers["ETag"]}),
        path="/en/",
    )

    assert again.status_code == 304  # no UnexpectedStatus, though the client raises on those
    assert again.parsed is None


def test_the_generated_python_client_reads_a_page_with_a_block_type_and_values_it_does_not_know(
    python_client, client, demo_content
):
    resolve = importlib.import_module("contract_client.api.pages.resolve_route")
    models = importlib.import_module("contract_client.models")
    body = future_article(client)
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json=body))

    page = resolve.sync_detailed(client=generated(python_client, transport), path="/en/x/").parsed

    assert isinstance(page, models.PageResponse)
    story = page.content.story
    assert isinstance(story[0], models.UnknownBlock) and story[0].type_ == "quiz"
    assert isinstance(
        story[1],
        models.HeadingBlock
        | models.ParagraphBlock
        | models.CalloutBlock
        | models.ImageBlock
        | models.TestimonialBlock
        | models.ReflectionBlock,
    )
    assert story[-1].value.tone == "celebration"
    assert page.content.review_status == "withdrawn"


def test_the_generated_python_client_reads_a_page_type_it_does_not_know(
    python_client, client, demo_content
):
    resolve = importlib.import_module("contract_client.api.pages.resolve_route")
    models = importlib.import_module("contract_client.models")
    body = future_article(client)
    body["page_type"] = "events.EventPage"
    body["content"] = {"type": "events.EventPage", "starts_at": "2027-01-01T10:00:00Z"}
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json=body))

    page = resolve.sync_detailed(client=generated(python_client, transport), path="/en/x/").parsed

    assert isinstance(page.content, models.UnknownContent)
    assert page.content.type_ == "events.EventPage"
    assert page.title == body["title"]


RESOLVED = 'paths["/api/v1/pages/resolve"]["get"]["responses"][200]["content"]["application/json"]'


def test_typescript_types_from_the_contract_compile_strictly_against_every_demo_page(
    node_bin, tmp_path, client, demo_paths, uncached
):
    subprocess.run(  # noqa: S603 (the pinned generators, on our own files)
        [str(node_bin / "openapi-typescript"), str(CONTRACT), "-o", str(tmp_path / "schema.d.ts")],
        check=True,
        capture_output=True,
        timeout=120,
    )
    (tmp_path / "render.ts").write_text(
        (CONTRACT.parents[1] / "tests/contract/render.ts").read_text()
    )
    for locale, paths in demo_paths.items():
        pages = [client.get("/api/v1/pages/resolve", {"path": path}).json() for path in paths]
        # A typed array literal: tsc checks each response against the contract, extra
        # properties included.
        (tmp_path / f"pages_{locale}.ts").write_text(
            f'import type {{ paths }} from "./schema";\n'
            f"export const pages: {RESOLVED}[] = {json.dumps(pages, ensure_ascii=False)};\n"
        )
    (tmp_path / "future.json").write_text(json.dumps(future_article(client)))
    (tmp_path / "run.js").write_text(
        'const { render } = require("./out/render.js");\n'
        'const page = JSON.parse(require("fs").readFileSync(process.argv[2], "utf8"));\n'
        "process.stdout.write(render(page));\n"
    )

    compiled = subprocess.run(  # noqa: S603 (the pinned generators, on our own files)
        [
            str(node_bin / "tsc"),
            "--strict",
            "--noUncheckedIndexedAccess",
            "--target",
            "es2022",
            "--module",
            "commonjs",
            "--outDir",
            "out",
            "render.ts",
            *(f"pages_{locale}.ts" for locale in LOCALES),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert compiled.returncode == 0, compiled.stdout[-4000:]

    node = shutil.which("node")
    ran = subprocess.run(  # noqa: S603 (our own script)
        [node, "run.js", "future.json"], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert ran.returncode == 0, ran.stderr
    assert "celebration" in ran.stdout  # the new tone reached the page; the new block was skipped
