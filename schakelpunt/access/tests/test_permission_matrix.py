"""Every URL of the project, asked by every role and by an anonymous user."""

from importlib import import_module

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from rest_framework.test import APIClient

from schakelpunt.audit.models import AuditRecord, Outcome
from schakelpunt.testing.auth import login
from schakelpunt.testing.matrix import Row

ROLES = [
    "melder",
    "aandachtsfunctionaris",
    "casusregisseur",
    "deelnemer",
    "bestuur",
    "beheerder",
    "privacyfunctionaris",
    None,
]


def collect_matrix() -> dict[str, Row]:
    matrix: dict[str, Row] = {}
    for config in apps.get_app_configs():
        if not config.name.startswith("schakelpunt."):
            continue
        try:
            module = import_module(f"{config.name}.tests.matrix")
        except ModuleNotFoundError as exc:
            if exc.name.startswith(config.name):
                continue
            raise
        for name, row in module.MATRIX.items():
            assert name not in matrix, f"{name} in two matrices"
            matrix[name] = row
    return matrix


MATRIX = collect_matrix()


def url_names(resolver=None, namespace="") -> list[str]:
    resolver = resolver or get_resolver()
    names = []
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            ns = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names.extend(url_names(pattern, ns))
        elif isinstance(pattern, URLPattern):
            names.append(f"{namespace}{pattern.name}" if pattern.name else f"<unnamed {pattern.pattern}>")
    return names


def test_every_url_is_in_the_matrix():
    missing = sorted(set(url_names()) - set(MATRIX))
    assert not missing, f"URLs without a row in any tests/matrix.py: {missing}"


def test_matrix_has_no_stale_rows():
    stale = sorted(set(MATRIX) - set(url_names()))
    assert not stale, f"matrix rows for URLs that no longer exist: {stale}"


CASES = [(name, role) for name in sorted(MATRIX) for role in ROLES] + [(name, "anonymous") for name in sorted(MATRIX)]


@pytest.mark.parametrize(("name", "role"), CASES)
def test_permission(name, role, persona, client, api_client_as):
    row = MATRIX[name]
    kwargs = row.kwargs(persona) if row.kwargs else {}
    url = reverse(name, kwargs=kwargs)
    if role == "anonymous":
        expected = row.anon
        http = APIClient() if row.api else client
    else:
        expected = row.ok if role in row.allowed else 404 if role in row.hidden else row.denied
        http = api_client_as(role) if row.api else login(client, persona(role))
    fmt = {"format": "json"} if row.api and row.method != "GET" else {}
    before = AuditRecord.objects.order_by("-id").values_list("id", flat=True).first() or 0
    response = getattr(http, row.method.lower())(url, row.data, **fmt)
    assert response.status_code == expected, (
        f"{row.method} {url} as {role}: expected {expected}, got {response.status_code}"
    )
    refusals = AuditRecord.objects.filter(id__gt=before, uitkomst=Outcome.REFUSED)
    if role != "anonymous" and role not in row.allowed and expected in (403, 404):
        # Every refusal is on the record, once: one refused action (one record per person concerned).
        events = set(refusals.values_list("actor_id", "object_type", "object_id", "verwerking"))
        assert len(events) == 1, f"{row.method} {url} as {role}: expected one logged refusal, got {events}"
    else:
        assert not refusals.exists(), f"{row.method} {url} as {role}: a refusal was logged for an allowed request"
    if role == "anonymous" and expected == 302:
        assert "/account/inloggen/" in response["Location"]
