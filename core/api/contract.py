"""What the OpenAPI document promises beyond the response models: revalidation and forward
compatibility (docs/api.md, "Compatibility policy").

The models describe today's bodies; this module adds what generated clients need to keep working:
the caching headers and the 304 every GET can answer (core.api.http), and room for what a later
version may add, so that a client generated from this document still parses those responses:

- every block union ends with `UnknownBlock` and the page content union with `UnknownContent`,
  which match any `type` the document does not list;
- every string enum in a response is open (`anyOf: [the known values, any string]`), except the
  ones that can never grow (`CLOSED_ENUMS`);
- every discriminator property is required.
"""

from typing import Any

#: Properties whose values are complete by nature: a text direction is ltr or rtl.
CLOSED_ENUMS = frozenset({"direction"})

#: Content-Language is the served locale of one page; listings mix locales and carry none.
CONTENT_LANGUAGE_PATHS = ("/api/v1/pages/", "/api/v1/preview")

CACHE_HEADERS: dict[str, dict[str, Any]] = {
    "ETag": {
        "description": "A hash of the body; send it back as If-None-Match to revalidate.",
        "schema": {"type": "string"},
    },
    "Last-Modified": {
        "description": "When the content last changed (RFC 9110 date), where it has a date.",
        "schema": {"type": "string"},
    },
    "Cache-Control": {
        "description": "public, max-age, s-maxage and stale-while-revalidate (private, no-store "
        "for previews).",
        "schema": {"type": "string"},
    },
    "Vary": {"description": "Origin (CORS).", "schema": {"type": "string"}},
}
CONTENT_LANGUAGE = {
    "description": "The locale of the content served (after fallback).",
    "schema": {"type": "string"},
}

UNKNOWN_BLOCK = {
    "title": "UnknownBlock",
    "description": "A block type this version of the contract does not list: a later version "
    "added it. Skip it, or render nothing for it; `type` names it.",
    "type": "object",
    "properties": {
        "type": {"type": "string", "title": "Type"},
        "id": {"type": "string", "title": "Id"},
        "value": {"title": "Value"},
    },
    "required": ["type", "id", "value"],
}
UNKNOWN_CONTENT = {
    "title": "UnknownContent",
    "description": "A page type this version of the contract does not list: render the page's "
    "envelope (title, seo, breadcrumbs) and treat the content as opaque.",
    "type": "object",
    "properties": {"type": {"type": "string", "title": "Type"}},
    "required": ["type"],
    "additionalProperties": True,
}
OPEN_ENUM_NOTE = "Known values; a later version may add others: treat an unknown one as absent."


def finish(document: dict[str, Any]) -> dict[str, Any]:
    """The document with revalidation and forward compatibility declared (changed in place)."""
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    for path, item in document.get("paths", {}).items():
        for method, operation in item.items():
            # Ninja keys statuses by int; the JSON document by string.
            responses = {
                str(status): response for status, response in operation.get("responses", {}).items()
            }
            operation["responses"] = responses
            if method == "get" and "200" in responses:
                headers = dict(CACHE_HEADERS)
                if path.startswith(CONTENT_LANGUAGE_PATHS):
                    headers["Content-Language"] = CONTENT_LANGUAGE
                responses["200"]["headers"] = headers
                responses["304"] = {
                    "description": "Not Modified: the ETag or Last-Modified sent still holds; "
                    "keep the copy you have. No body.",
                    "headers": dict(CACHE_HEADERS),
                }
    response_schemas = _reachable(document, schemas)
    for name in sorted(response_schemas):
        schemas[name] = _opened_or_walked(schemas[name], schemas)
    for name, fallback in (("UnknownBlock", UNKNOWN_BLOCK), ("UnknownContent", UNKNOWN_CONTENT)):
        schemas[name] = _excluding_known_types(fallback, _known_types(schemas, name))
    return document


def _known_types(schemas: dict[str, Any], fallback: str) -> set[str]:
    """The `type` values of the members of every union that ends with `fallback`."""
    known: set[str] = set()
    pending: list[Any] = list(schemas.values())
    while pending:
        node = pending.pop()
        if isinstance(node, dict):
            members = node.get("oneOf", [])
            if {"$ref": f"#/components/schemas/{fallback}"} in members:
                for member in members:
                    member_schema = schemas.get(member.get("$ref", "").rsplit("/", 1)[-1], {})
                    const = member_schema.get("properties", {}).get("type", {}).get("const")
                    if const is not None:
                        known.add(const)
            pending.extend(node.values())
        elif isinstance(node, list):
            pending.extend(node)
    return known


def _excluding_known_types(fallback: dict[str, Any], known: set[str]) -> dict[str, Any]:
    """The fallback matches only types its unions do not list, so that a known block or page
    matches exactly one member of `oneOf` (a strict validator refuses a value matching two)."""
    schema = {**fallback, "properties": dict(fallback["properties"])}
    schema["properties"]["type"] = {
        **fallback["properties"]["type"],
        "not": {"enum": sorted(known)},
    }
    return schema


def _reachable(document: dict[str, Any], schemas: dict[str, Any]) -> set[str]:
    """The component schemas that successful responses use, directly or not."""
    pending = [
        operation["responses"][status]
        for item in document.get("paths", {}).values()
        for operation in item.values()
        for status in operation.get("responses", {})
        if str(status).startswith("2")
    ]
    seen: set[str] = set()
    while pending:
        node = pending.pop()
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if ref.startswith("#/components/schemas/"):
                name = ref.rsplit("/", 1)[1]
                if name not in seen and name in schemas:
                    seen.add(name)
                    pending.append(schemas[name])
            pending.extend(node.values())
        elif isinstance(node, list):
            pending.extend(node)
    return seen


def _open_up(node: Any, schemas: dict[str, Any]) -> None:
    """Open the string enums below `node` and give its discriminated unions a fallback member."""
    if isinstance(node, list):
        for child in node:
            _open_up(child, schemas)
        return
    if not isinstance(node, dict):
        return
    discriminator = node.get("discriminator")
    if discriminator and "oneOf" in node:
        _add_fallback(node, discriminator["propertyName"], schemas)
    for key, child in list(node.items()):
        if key == "properties":
            for property_name, schema in child.items():
                if property_name in CLOSED_ENUMS:
                    continue
                child[property_name] = _opened_or_walked(schema, schemas)
        elif key == "items" and isinstance(child, dict):
            node[key] = _opened_or_walked(child, schemas)
        elif key in ("anyOf", "oneOf"):
            node[key] = [_opened_or_walked(member, schemas) for member in child]
        elif key != "discriminator":
            _open_up(child, schemas)


def _opened_or_walked(schema: Any, schemas: dict[str, Any]) -> Any:
    """An enum opened up (and not walked again), or any other schema walked."""
    opened = _opened(schema)
    if opened is schema:
        _open_up(schema, schemas)
    return opened


def _opened(schema: Any) -> Any:
    if isinstance(schema, dict) and "enum" in schema and schema.get("type") == "string":
        known = {key: value for key, value in schema.items() if key not in ("title", "default")}
        opened = {
            "anyOf": [known, {"type": "string", "description": OPEN_ENUM_NOTE}],
        }
        for key in ("title", "default"):
            if key in schema:
                opened[key] = schema[key]
        return opened
    return schema


def _add_fallback(union: dict[str, Any], property_name: str, schemas: dict[str, Any]) -> None:
    """Append the fallback member a later version's additions match, and require the
    discriminator in every member."""
    members = [schemas[member["$ref"].rsplit("/", 1)[1]] for member in union["oneOf"]]
    for member in members:
        required = member.setdefault("required", [])
        if property_name not in required:
            required.insert(0, property_name)
    if property_name != "type":
        return  # `kind` (a page or a redirect) is closed: anything else is a new endpoint
    is_block = all(
        {"type", "id", "value"} <= set(member.get("properties", {})) for member in members
    )
    fallback = "#/components/schemas/" + ("UnknownBlock" if is_block else "UnknownContent")
    if {"$ref": fallback} not in union["oneOf"]:
        union["oneOf"].append({"$ref": fallback})
