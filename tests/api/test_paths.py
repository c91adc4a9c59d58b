"""Paths in responses are routes /pages/resolve answers; other spellings redirect to them; and
tracking parameters never make a request fail."""

import pytest

from core.snapshots.models import PageSnapshot

LOCALES = ["en", "es", "ar"]
PATH_KEYS = {"path", "canonical_path", "home_path"}
ENDPOINTS = [
    ("/pages/resolve", {"path": "/en/"}),
    ("/pages/{id}", {}),
    ("/articles", {}),
    ("/providers", {}),
    ("/site", {}),
    ("/search", {"q": "ketamine"}),
]

pytestmark = pytest.mark.django_db


def path_fields(node, where=""):
    if isinstance(node, dict):
        for key, value in node.items():
            if key in PATH_KEYS and isinstance(value, str):
                yield f"{where}.{key}", value
            else:
                yield from path_fields(value, f"{where}.{key}")
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from path_fields(child, f"{where}[{index}]")


@pytest.mark.parametrize("locale", LOCALES)
def test_every_path_a_response_carries_is_resolved_as_it_is(api, demo_content, locale):
    bodies = [api("/site", locale=locale).json(), api("/articles", locale=locale).json()]
    bodies += [api("/providers", locale=locale).json()]
    for path in (
        PageSnapshot.objects.servable().filter(reader_locale=locale).values_list("path", flat=True)
    ):
        bodies.append(api("/pages/resolve", path=path).json())
    fields = dict(field for body in bodies for field in path_fields(body))

    answers = {path: api("/pages/resolve", path=path) for path in set(fields.values())}

    assert len(fields) > 20
    assert {
        path: (r.status_code, r.json().get("kind")) for path, r in answers.items()
    } == dict.fromkeys(answers, (200, "page"))


def test_a_directory_call_to_action_gives_its_filters_as_fields_and_a_plain_path(api, demo_content):
    articles = PageSnapshot.objects.servable().filter(page_type="articles.ArticlePage")
    blocks = [
        block["value"]
        for path in articles.values_list("path", flat=True)
        for block in api("/pages/resolve", path=path).json()["content"]["guidance"]
        if block["type"] == "provider_directory"
    ]

    assert blocks
    assert all("?" not in block["path"] for block in blocks)
    assert any(block["region"] or block["country"] for block in blocks)
    # A filter the editor left unset is null, never an empty string to pass on as `?service=`.
    assert all(block[name] != "" for block in blocks for name in ("country", "region", "service"))
    assert any(block["service"] is None for block in blocks)


@pytest.mark.parametrize("given", ["/en/providers", "/en"])
def test_a_route_spelt_without_its_trailing_slash_redirects_to_the_canonical_one(
    api, demo_content, given
):
    answer = api("/pages/resolve", path=given)

    assert answer.status_code == 200
    assert answer.json() == {"kind": "redirect", "status": 301, "location": f"{given}/"}


@pytest.mark.parametrize(("endpoint", "params"), ENDPOINTS)
def test_tracking_parameters_are_ignored_on_every_endpoint(api, demo_content, endpoint, params):
    if endpoint == "/pages/{id}":
        endpoint = f"/pages/{PageSnapshot.objects.servable().first().page_id}"
    plain = api(endpoint, **params)

    tracked = api(
        endpoint,
        **params,
        utm_source="newsletter",
        utm_campaign="spring",
        gclid="abc",
        fbclid="xyz",
        msclkid="1",
    )

    assert plain.status_code == 200
    assert (tracked.status_code, tracked.json()) == (200, plain.json())


@pytest.mark.parametrize(("endpoint", "params"), ENDPOINTS)
def test_other_unknown_parameters_are_still_refused(api, demo_content, endpoint, params):
    if endpoint == "/pages/{id}":
        endpoint = f"/pages/{PageSnapshot.objects.servable().first().page_id}"

    answer = api(endpoint, **params, utm_source="x", colour="blue")

    assert answer.status_code == 400
    assert "colour" in answer.json()["detail"]
    assert "utm_source" not in answer.json()["detail"]
