"""API foundation: errors as application/problem+json (RFC 9457), the one page shape, and the schema
that documents both for every endpoint.

- Every error leaves through `problem_exception_handler`, which builds it with `problem_response`:
  DRF's exceptions, Django's `ValidationError` and `Http404`, and the domain errors of
  `schakelpunt.errors`. Endpoints never catch these themselves.
- Lists of records answer one shape, `{"pagina", "volgende", "resultaten"}` (`pagina_response`).
- `ProblemAutoSchema` adds the problem responses every endpoint can give (400, 401, 429, 503; 413,
  415 for writes; 404 for paths with an id) to the OpenAPI document, so that integrators see them.
- Query parameters are read with `query_value`, `query_pagina` and `query_bool`: a value the contract
  does not allow is a 400 naming the parameter, never silently read as the default.
"""

from __future__ import annotations

import datetime
import json
from typing import Any, Literal

from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import build_basic_type
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import exceptions, serializers, status
from rest_framework.fields import SkipField
from rest_framework.response import Response
from rest_framework.views import exception_handler

from schakelpunt.errors import DomainError
from schakelpunt.pagination import Page, page_number

Serializer = serializers.Serializer[Any]
Direction = Literal["request", "response"]

PROBLEM = "application/problem+json"

TITLES = {
    400: "Ongeldige invoer",
    401: "Niet geauthenticeerd",
    403: "Geen toegang",
    404: "Niet gevonden",
    405: "Methode niet toegestaan",
    406: "Niet acceptabel",
    409: "Conflict",
    413: "Verzoek te groot",
    415: "Mediatype niet ondersteund",
    422: "Verzoek niet te verwerken",
    429: "Te veel verzoeken",
    500: "Interne fout",
    503: "Tijdelijk niet beschikbaar",
}

# What each status means in this API; the OpenAPI document shows these texts.
DESCRIPTIONS = {
    400: "Ongeldige invoer. `errors` noemt per veld wat er mis is (`field` is een pad als "
    "`betrokkenen[0].persoon.bsn`).",
    401: "Geen of een ongeldig token (`Authorization: Token <token>`).",
    403: "Je rol geeft geen toegang tot dit endpoint. De weigering staat in het toegangslog.",
    404: "Bestaat niet, of je mag het niet zien: het antwoord is voor beide gelijk.",
    409: "Conflict met de huidige toestand.",
    413: "Het verzoek is te groot.",
    415: "Alleen `application/json` wordt geaccepteerd.",
    422: "Het verzoek is geldig, maar kan zo niet worden verwerkt; `type` zegt waarom.",
    429: "Te veel verzoeken; probeer het opnieuw na `Retry-After` seconden.",
    503: "Tijdelijk niet beschikbaar (bijvoorbeeld de database); probeer het opnieuw na `Retry-After` seconden.",
}


class FieldErrorSerializer(serializers.Serializer[dict[str, str]]):
    field = serializers.CharField(
        allow_blank=True, help_text="Pad van het veld, bv. `betrokkenen[0].persoon.bsn`; leeg voor het hele verzoek."
    )
    message = serializers.CharField(help_text="Wat er mis is, in het Nederlands.")
    code = serializers.CharField(help_text="Machineleesbare code, bv. `required` of `invalid`.")


class ProblemSerializer(serializers.Serializer[dict[str, Any]]):
    """An error as RFC 9457 problem details."""

    type = serializers.CharField(
        help_text="`about:blank`, of een URN als `urn:schakelpunt:problem:…` voor een fout met een eigen betekenis."
    )
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField()
    errors = FieldErrorSerializer(many=True, required=False, help_text="Alleen bij 400: de fouten per veld.")  # type: ignore[assignment]  # a field named like Serializer.errors

    class Meta:
        ref_name = "Problem"


def _flatten(detail: Any, prefix: str = "") -> list[dict[str, str]]:
    """Turn DRF's nested error dict into a flat list of {field, message}."""
    errors: list[dict[str, str]] = []
    if isinstance(detail, dict):
        for key, value in detail.items():
            if isinstance(key, int):  # DRF reports errors of list items as {index: {...}}
                path = f"{prefix}[{key}]"
            else:
                name = key if key != "non_field_errors" else ""
                path = f"{prefix}.{name}" if prefix and name else (prefix or name)
            errors.extend(_flatten(value, path))
    elif isinstance(detail, list):
        if all(isinstance(item, str | exceptions.ErrorDetail) for item in detail):
            errors.extend(
                {"field": prefix, "message": str(item), "code": getattr(item, "code", "invalid")} for item in detail
            )
        else:
            for index, item in enumerate(detail):
                errors.extend(_flatten(item, f"{prefix}[{index}]"))
    else:
        errors.append({"field": prefix, "message": str(detail), "code": getattr(detail, "code", "invalid")})
    return errors


def is_api_request(request: HttpRequest) -> bool:
    return str(request.path).startswith("/api/")


def problem_body(
    status_code: int,
    detail: str,
    errors: list[dict[str, str]] | None = None,
    *,
    problem_type: str = "about:blank",
    title: str | None = None,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": problem_type,
        "title": title or TITLES.get(status_code, "Fout"),
        "status": status_code,
        "detail": detail,
    }
    if errors:
        body["errors"] = errors
    return body


def problem_response(
    status_code: int,
    detail: str,
    errors: list[dict[str, str]] | None = None,
    headers: dict[str, str] | None = None,
    *,
    problem_type: str = "about:blank",
    title: str | None = None,
) -> Response:
    """The one builder of an API error answer."""
    body = problem_body(status_code, detail, errors, problem_type=problem_type, title=title)
    return Response(body, status=status_code, headers=headers, content_type=PROBLEM)


def problem_http_response(status_code: int, detail: str, headers: dict[str, str] | None = None) -> HttpResponse:
    """The same problem+json as a plain Django response, for middleware and the error handlers
    that run outside DRF (and must work with the database down)."""
    body = json.dumps(problem_body(status_code, detail), ensure_ascii=False)
    return HttpResponse(body, status=status_code, headers=headers, content_type=PROBLEM)


def problem_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DomainError):
        return problem_response(exc.status, exc.detail, problem_type=exc.problem_type, title=exc.title)
    if isinstance(exc, RequestDataTooBig):
        return problem_response(413, "Het verzoek is groter dan deze API accepteert.")
    if isinstance(exc, DjangoValidationError):
        # A service's field errors: the same answer as a serializer's.
        exc = exceptions.ValidationError(serializers.as_serializer_error(exc))
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    response = exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        detail = "De invoer bevat fouten; zie errors."
        errors = _flatten(exc.detail)
    else:
        detail = str(exc.detail) if hasattr(exc, "detail") else str(exc)
        errors = None
    problem = problem_response(response.status_code, detail, errors)
    for header in ("WWW-Authenticate", "Retry-After", "Allow"):
        if header in response:
            problem[header] = response[header]
    if response.status_code == status.HTTP_401_UNAUTHORIZED and "WWW-Authenticate" not in problem:
        problem["WWW-Authenticate"] = "Token"
    return problem


class UtcDateTimeField(serializers.DateTimeField):
    """Output: a moment in ISO 8601, always in UTC (`...Z`), whatever the server's time zone."""

    def __init__(self, **kw: Any) -> None:
        super().__init__(default_timezone=datetime.UTC, **kw)


# --- Pagination ---------------------------------------------------------------------------------

PAGINA = OpenApiParameter(
    "pagina",
    {"type": "integer", "minimum": 1},
    OpenApiParameter.QUERY,
    required=False,
    description="Paginanummer, vanaf 1 (standaard 1). `volgende` in het antwoord geeft het nummer van de "
    "volgende pagina, of `null` op de laatste.",
)

_page_serializers: dict[type[Serializer], type[Serializer]] = {}


# --- Query parameters: refused when they are not what the contract says, never guessed ---------


def query_value(request: Any, name: str) -> str | None:
    """The one value of query parameter `name`, or None when it is absent; given twice is a 400."""
    values = request.query_params.getlist(name)
    if len(values) > 1:
        raise exceptions.ValidationError({name: ["Geef deze parameter één keer op."]})
    return values[0] if values else None


def query_pagina(request: Any) -> int:
    """`?pagina=`: absent (page 1), or a whole number from 1 (a number beyond the last page is an
    empty page, see `pagination.page_number`); anything else is a 400."""
    raw = query_value(request, "pagina")
    if raw is not None and not (raw.isascii() and raw.isdigit() and raw.strip("0")):
        raise exceptions.ValidationError({"pagina": ["Vul een paginanummer in: een heel getal vanaf 1."]})
    return page_number(raw)


TRUE_VALUES = ("true", "1", "ja")
FALSE_VALUES = ("false", "0", "nee")


def query_bool(request: Any, name: str) -> bool:
    """A yes/no query parameter: `true`/`false`, `1`/`0` or `ja`/`nee`; absent is no, anything else a 400."""
    raw = query_value(request, name)
    if raw is None:
        return False
    value = raw.lower()
    if value not in TRUE_VALUES + FALSE_VALUES:
        raise exceptions.ValidationError({name: ["Kies true of false (of 1 of 0)."]})
    return value in TRUE_VALUES


def pagina_serializer(item: type[Serializer]) -> type[Serializer]:
    """The one page shape, around items of `item`: `{"pagina", "volgende", "resultaten"}`."""
    if item not in _page_serializers:
        name = item.__name__.removesuffix("Serializer")
        _page_serializers[item] = type(
            f"Paginated{name}ListSerializer",
            (serializers.Serializer,),
            {
                "__module__": item.__module__,
                "__doc__": "Eén pagina van een lijst; zonder totaal, zodat een lijst nooit hoeft te tellen.",
                "pagina": serializers.IntegerField(min_value=1, help_text="Nummer van deze pagina."),
                "volgende": serializers.IntegerField(
                    allow_null=True, help_text="Nummer van de volgende pagina, `null` op de laatste."
                ),
                "resultaten": item(many=True),
            },
        )
    return _page_serializers[item]


def pagina_response(page: Page, item: type[Serializer], **context: Any) -> Response:
    """Answer one page (`schakelpunt.pagination.Page`) of items serialised by `item`."""
    data = {"pagina": page.number, "volgende": page.number + 1 if page.has_next else None, "resultaten": page.items}
    return Response(pagina_serializer(item)(data, context=context).data)


# --- Output fields that depend on who asks --------------------------------------------------------


class FromContext(serializers.Field[Any, Any, Any, Any]):
    """Output only: a block the view puts in the serializer's context, left out when it does not.

    For the parts of an answer that only some users get (e.g. the melder of a signal): the view
    decides nothing; the selector's answer decides whether the key is in the context. With
    `per_item=True` the context holds a dict keyed by the serialised object's id.
    """

    def __init__(
        self,
        serializer: serializers.Field[Any, Any, Any, Any],
        *,
        key: str | None = None,
        per_item: bool = False,
        **kw: Any,
    ) -> None:
        self.inner = serializer
        self.key = key
        self.per_item = per_item
        kw.setdefault("required", False)
        super().__init__(source="*", **kw)

    def get_attribute(self, instance: Any) -> Any:
        key = self.key or self.field_name or ""
        if key not in self.context or (self.per_item and self.context[key] is None):
            raise SkipField()
        value = self.context[key]
        return value.get(instance.pk) if self.per_item else value

    def to_representation(self, value: Any) -> Any:
        return None if value is None else self.inner.to_representation(value)


class FromContextExtension(OpenApiSerializerFieldExtension):  # type: ignore[no-untyped-call]  # drf-spectacular is untyped
    target_class = FromContext

    def map_serializer_field(self, auto_schema: AutoSchema, direction: Direction) -> dict[str, Any]:
        schema = auto_schema.resolve_serializer(self.target.inner, direction).ref
        if self.target.allow_null:
            return {"allOf": [schema], "nullable": True}
        return schema


# --- The schema: every endpoint's problems ------------------------------------------------------


def problems(*codes: int) -> dict[tuple[int, str], OpenApiResponse]:
    """`extend_schema(responses=...)` entries for the problem answers an endpoint itself gives."""
    return {(code, PROBLEM): OpenApiResponse(ProblemSerializer, description=DESCRIPTIONS[code]) for code in codes}


RETRY_AFTER = {"Retry-After": {"schema": build_basic_type(OpenApiTypes.INT), "description": "Seconden."}}


class ProblemAutoSchema(AutoSchema):
    """drf-spectacular's schema, plus the problem answers that every endpoint of its kind can give."""

    def _common_problems(self) -> list[int]:
        # 400 everywhere: a query or body the contract does not allow (a control character, a
        # parameter given twice) is refused by every endpoint.
        codes = [400, 503]
        if self.view.get_authenticators():
            codes += [401, 429]
        if self.method in ("POST", "PUT", "PATCH"):
            codes += [413, 415]
        if "{" in self.path:
            codes.append(404)
        return codes

    def _get_response_bodies(self, direction: Direction = "response") -> dict[str, Any]:
        responses = super()._get_response_bodies(direction)
        for code in self._common_problems():
            if str(code) not in responses:
                responses[str(code)] = self._get_response_for_code(  # type: ignore[no-untyped-call]
                    OpenApiResponse(ProblemSerializer, description=DESCRIPTIONS[code]), str(code), [PROBLEM], direction
                )
        for retry in ("429", "503"):
            if retry in responses:
                responses[retry].setdefault("headers", {}).update(RETRY_AFTER)
        return dict(sorted(responses.items()))
