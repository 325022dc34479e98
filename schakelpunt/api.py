"""API foundation: errors as application/problem+json (RFC 9457) with field-level messages."""

import json

from django.http import Http404, HttpResponse
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

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
    429: "Te veel verzoeken",
    500: "Interne fout",
    503: "Tijdelijk niet beschikbaar",
}


def _flatten(detail, prefix=""):
    """Turn DRF's nested error dict into a flat list of {field, message}."""
    errors = []
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


def is_api_request(request) -> bool:
    return request.path.startswith("/api/")


def problem_body(status_code: int, detail: str, errors=None) -> dict:
    body = {
        "type": "about:blank",
        "title": TITLES.get(status_code, "Fout"),
        "status": status_code,
        "detail": detail,
    }
    if errors:
        body["errors"] = errors
    return body


def problem_response(status_code: int, detail: str, errors=None, headers=None) -> Response:
    return Response(
        problem_body(status_code, detail, errors), status=status_code, headers=headers, content_type=PROBLEM
    )


def problem_http_response(status_code: int, detail: str, headers=None) -> HttpResponse:
    """The same problem+json as a plain Django response, for middleware and the error handlers
    that run outside DRF (and must work with the database down)."""
    body = json.dumps(problem_body(status_code, detail), ensure_ascii=False)
    return HttpResponse(body, status=status_code, headers=headers, content_type=PROBLEM)


def problem_exception_handler(exc, context):
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
