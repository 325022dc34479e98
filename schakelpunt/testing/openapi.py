"""Checks a real API response against the committed OpenAPI document (docs/openapi.yaml).

`assert_matches_contract(response)` finds the operation by the request's method and path, and
fails unless the status code is documented, the media type is the documented one and the body
validates against the documented schema. Objects are checked strictly: a field that the document
does not name fails too, so that the document cannot fall behind the code in either direction.
"""

from __future__ import annotations

import datetime
import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator, FormatChecker

DOCUMENT = Path(__file__).resolve().parents[2] / "docs" / "openapi.yaml"

# Formats that drf-spectacular writes and jsonschema's default checker does not know.
FORMATS = FormatChecker()


@FORMATS.checks("date-time", raises=ValueError)
def _is_datetime(value: object) -> bool:
    if not isinstance(value, str):
        return True
    parsed = datetime.datetime.fromisoformat(value)
    return parsed.tzinfo is not None  # the API always answers with a time zone


@FORMATS.checks("date", raises=ValueError)
def _is_date(value: object) -> bool:
    if isinstance(value, str):
        datetime.date.fromisoformat(value)
    return True


@cache
def document() -> dict:
    return yaml.safe_load(DOCUMENT.read_text())


def to_json_schema(node: Any) -> Any:
    """OpenAPI 3.0 schema object -> JSON Schema 2020-12: `nullable` becomes a null type, and an
    object with `properties` admits no other keys unless it says so."""
    if isinstance(node, list):
        return [to_json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    schema: dict[str, Any] = {}
    for key, value in node.items():
        if key == "properties":
            schema[key] = {name: to_json_schema(sub) for name, sub in value.items()}
        elif key in ("items", "additionalProperties", "not", "allOf", "anyOf", "oneOf"):
            schema[key] = to_json_schema(value)
        elif key in ("nullable", "readOnly", "writeOnly", "example", "discriminator"):
            continue
        else:
            schema[key] = value
    if "$ref" in schema:
        schema["$ref"] = schema["$ref"].replace("#/components/schemas/", "#/$defs/")
    if "properties" in schema and "additionalProperties" not in schema:
        schema["additionalProperties"] = False
    if node.get("nullable"):
        if "type" in schema and "enum" not in schema:
            schema["type"] = [schema["type"], "null"]
        else:
            return {"anyOf": [schema, {"type": "null"}]}
    return schema


@cache
def _definitions() -> dict:
    return {name: to_json_schema(s) for name, s in document()["components"]["schemas"].items()}


def _operation(method: str, path: str) -> tuple[str, dict]:
    for template, item in document()["paths"].items():
        pattern = "^" + re.sub(r"\\{[^}]+\\}", "[^/]+", re.escape(template)) + "$"
        if re.match(pattern, path):
            assert method.lower() in item, f"{method} {template} is not in docs/openapi.yaml"
            return template, item[method.lower()]
    raise AssertionError(f"{path} is not in docs/openapi.yaml")


def validate(schema: dict, data: Any) -> list[str]:
    """The errors of `data` against an OpenAPI schema of the document (empty when it is valid)."""
    root = {"$defs": _definitions(), **to_json_schema(schema)}
    validator = Draft202012Validator(root, format_checker=FORMATS)
    return [f"{'/'.join(map(str, e.absolute_path)) or '<body>'}: {e.message}" for e in validator.iter_errors(data)]


def assert_matches_contract(response) -> tuple[str, str, int]:
    """Fail unless `response` (a DRF test response) is what docs/openapi.yaml promises.

    Returns (method, path template, status) for coverage bookkeeping."""
    method = response.request["REQUEST_METHOD"]
    path = response.request["PATH_INFO"]
    template, operation = _operation(method, path)
    status = response.status_code
    documented = operation["responses"]
    assert str(status) in documented, f"{method} {template} answered {status}, documented: {sorted(documented)}"
    spec = documented[str(status)]
    media_type = response["Content-Type"].split(";")[0].strip()
    content = spec.get("content")
    if not content:
        assert not response.content, f"{method} {template} {status}: a body where the document has none"
        return method, template, status
    assert media_type in content, f"{method} {template} {status}: {media_type}, documented {sorted(content)}"
    for header in spec.get("headers", {}):
        if header in ("Location",):
            assert response.has_header(header), f"{method} {template} {status}: header {header} missing"
    errors = validate(content[media_type]["schema"], response.json())
    assert not errors, f"{method} {template} {status} does not match docs/openapi.yaml:\n" + "\n".join(errors)
    return method, template, status
