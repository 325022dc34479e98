"""Hostile input for every URL of an app: each persona, bad values in every field, never a 500.

`hostile_requests(...)` yields (description, method, url, kwargs-for-the-test-client) for one
matrix row: the page or endpoint with its path ids replaced by ids beyond int64 and its text
path values (slugs, codes, tokens) by long, NUL and undecodable ones, the methods it does not
take, every known field name filled with each hostile value (query string and form body alike),
and for the API wrong content types, broken and deeply nested JSON. Every app with URLs has a
`tests/test_vijandige_invoer.py` that runs these as each persona (and anonymously where a URL is
public) and asserts only that the answer is not a server error, and that a page asked to PUT,
PATCH or DELETE says 405: what the right answer is (a message next to the field, 400, 404, 409)
the feature tests say. A role the matrix refuses gets two values only (the refusal comes first).
"""

import inspect
from collections.abc import Iterator
from types import ModuleType
from urllib.parse import quote

from django import forms
from django.urls import reverse
from rest_framework import serializers

from schakelpunt.testing.matrix import Row

BEYOND_INT64 = str(2**64)
HOSTILE_VALUES = [
    "",
    "x" * 10_000,
    BEYOND_INT64,
    "-" + BEYOND_INT64,
    "-1",
    "0",
    "1e999",
    "NaN",
    "abc",
    "0001-01-01",
    "9999-12-31",
    "9999-12-31T23:59",
    "2026-02-30",
    "<script>alert(1)</script>",
    "geen-keuze",
    "nul\x00teken",
]


# For URLs where each answer is expensive (a PDF is rendered for each): one value of each kind.
SAMPLE_VALUES = ["x" * 10_000, BEYOND_INT64, "-1", "1e999", "9999-12-31", "2026-02-30", "nul\x00teken"]


def field_names(*modules: ModuleType, extra: tuple[str, ...] = ()) -> list[str]:
    """Every field of every form and serializer defined in `modules`, plus `extra` (raw POST keys)."""
    names: set[str] = set(extra)
    for module in modules:
        for _, obj in inspect.getmembers(module, inspect.isclass):
            if obj.__module__ != module.__name__:
                continue
            if issubclass(obj, forms.BaseForm):
                names.update(obj.base_fields)
            elif issubclass(obj, serializers.Serializer):
                names.update(obj._declared_fields)  # noqa: SLF001 - the declared input fields
    return sorted(names)


def _deep(depth: int) -> bytes:
    return b'{"a": [' * depth + b'"diep"' + b"]}" * depth


def hostile_requests(
    name: str,
    row: Row,
    kwargs: dict,
    names: list[str],
    query: dict | None = None,
    overlays: tuple = ({},),
    values: list[str] = HOSTILE_VALUES,
    refused: bool = False,
) -> Iterator[tuple[str, str, str, dict]]:
    query = query or {}
    url = reverse(name, kwargs=kwargs)
    if refused:
        # Refused before the path or any field is read: a few values suffice (the refusal itself
        # is the matrix test's), and the role's answer to other methods is the same refusal.
        for value in values:
            data = {**dict.fromkeys(names, value), **query}
            yield f"{row.method} *={value[:20]!r}", "POST" if row.api else row.method, url, {"data": data}
        return
    # Path ids beyond int64 and zero: a 404, never an overflow in the database driver.
    for key, value in kwargs.items():
        if isinstance(value, int):
            for bad in (BEYOND_INT64, "0"):
                yield f"{key}={bad}", row.method, reverse(name, kwargs={**kwargs, key: bad}), {}
        elif isinstance(value, str) and f"/{value}/" in url:
            # Text in the path (slugs, codes, tokens): very long, a NUL, an int64 overflow; the
            # converter may refuse them (404) or the view gets them and must answer 404 itself.
            for bad in ("x" * 300, "nul\x00teken", BEYOND_INT64, "%ff"):
                yield f"{key}={bad[:20]!r}", row.method, url.replace(f"/{value}/", f"/{quote(bad, safe='%')}/", 1), {}
    # Other methods: never a 500, and a page asked to PUT, PATCH or DELETE says 405.
    for method in ("HEAD", "OPTIONS", "PUT", "PATCH", "DELETE", "POST" if row.method == "GET" else "GET"):
        expect = 405 if method in ("PUT", "PATCH", "DELETE") and not row.api else None
        yield f"methode {method}", method, url, {"_expect": expect} if expect else {}
    for value, overlay in [(v, o) for o in overlays for v in values]:
        data = {**dict.fromkeys(names, value), **overlay}
        if overlay is overlays[0] and row.method == "GET":
            yield f"GET ?*={value[:20]!r}", "GET", url, {"data": {**data, **query}}
        if row.api:
            yield f"JSON *={value[:20]!r}", "POST", url, {"data": {**data, **query}, "format": "json"}
        else:
            target = f"{url}?{'&'.join(f'{k}={v}' for k, v in query.items())}" if query else url
            yield f"POST *={value[:20]!r}", "POST", target, {"data": data}
    # Lists, objects and numbers where strings are expected, and the other way round.
    for value in ([BEYOND_INT64], [{"x": 1}], {"x": [1]}, 2**70, -(2**70), True, None, 1.5):
        data = dict.fromkeys(names, value)
        if row.api:
            yield f"JSON *={value!r}", "POST", url, {"data": data, "format": "json"}
    if not row.api:
        yield "POST leeg", "POST", url, {"data": {}}
        return
    yield "JSON diep", "POST", url, {"data": _deep(5_000), "content_type": "application/json"}
    yield "JSON kapot", "POST", url, {"data": b'{"titel": ', "content_type": "application/json"}
    yield "JSON lijst", "POST", url, {"data": b"[1, 2, 3]", "content_type": "application/json"}
    yield "JSON geen utf8", "POST", url, {"data": b'{"titel": "\xff\xfe"}', "content_type": "application/json"}
    yield "tekst", "POST", url, {"data": b"titel=x", "content_type": "text/plain"}
    yield "xml", "POST", url, {"data": b"<titel>x</titel>", "content_type": "application/xml"}
    yield "formulier", "POST", url, {"data": {"titel": "x", "versie": "1"}}


ROLES = (
    "melder",
    "aandachtsfunctionaris",
    "casusregisseur",
    "deelnemer",
    "bestuur",
    "beheerder",
    "privacyfunctionaris",
    None,
)
# Not logged in at all: for the public URLs (login, password reset, health, API schema).
ANONIEM = "anoniem"


def assert_no_server_error(
    name, row, role, persona, client, api_client_as, names, query=None, overlays=({},), prefixes=None, sample=False
) -> None:
    """Send every hostile request of `row` as `role` and fail on the first answer >= 500.

    `query` and `overlays` may be callables of the persona factory (for ids of real objects),
    `names` a callable of the URL kwargs (for fields named after an object, e.g. `vraag_12`), and
    `prefixes(kwargs)` names form prefixes of the URL's object (a form with `prefix="m12"` reads
    `m12-besluit`), so that prefixed forms meet the hostile values too. `sample` sends only
    SAMPLE_VALUES (for a URL whose every answer is expensive, such as a PDF).
    """
    from rest_framework.test import APIClient

    from schakelpunt.testing.auth import login

    kwargs = row.kwargs(persona) if row.kwargs else {}
    extra = query(persona) if callable(query) else query
    if callable(overlays):
        overlays = overlays(persona, kwargs)
    if callable(names):
        names = names(kwargs)
    if prefixes is not None:
        names = names + [f"{prefix}-{n}" for prefix in prefixes(kwargs) for n in names]
    if role == ANONIEM:
        allowed = row.anon < 300
        http = APIClient() if row.api else client
    else:
        allowed = role in row.allowed | row.hidden
        http = api_client_as(role) if row.api else login(client, persona(role))
    values = HOSTILE_VALUES[:2] if not allowed else SAMPLE_VALUES if sample else HOSTILE_VALUES
    failures = []
    requests = hostile_requests(name, row, kwargs, names, extra, overlays, values, refused=not allowed)
    for description, method, url, options in requests:
        expect = options.pop("_expect", None)
        try:
            response = getattr(http, method.lower())(url, **options)
        except Exception as exc:  # noqa: BLE001 - the test client re-raises what would be a 500
            failures.append(f"{method} {url[:120]} [{description}] -> {exc.__class__.__name__}: {str(exc)[:200]}")
            continue
        if response.status_code >= 500 or (expect and response.status_code != expect):
            failures.append(f"{method} {url[:120]} [{description}] -> {response.status_code}")
    assert not failures, f"{name} as {role}:\n" + "\n".join(failures[:10])
