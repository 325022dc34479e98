"""Cross-cutting HTTP behaviour: structured request logs and no caching of personal data."""

import json
import logging
import time
import uuid

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpResponseNotAllowed
from django.http.multipartparser import MultiPartParserError

from schakelpunt.api import is_api_request
from schakelpunt.audit import context

logger = logging.getLogger("schakelpunt.request")


class RequestLogMiddleware:
    """One JSON log line per request, without query strings, names or other personal data."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        req_id = request.headers.get("X-Request-ID", "")[:40] or uuid.uuid4().hex
        token_ip = context.origin_address.set(request.META.get("REMOTE_ADDR", "")[:64])
        token_id = context.request_id.set(req_id)
        try:
            response = self.get_response(request)
        finally:
            context.origin_address.reset(token_ip)
            context.request_id.reset(token_id)
        match = getattr(request, "resolver_match", None)
        user = getattr(request, "user", None)
        logger.info(
            "request",
            extra={
                "request_id": req_id,
                "method": request.method,
                "route": match.route if match else "",
                "view": match.view_name if match else "",
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                "user_id": user.pk if user is not None and user.is_authenticated else None,
            },
        )
        response["X-Request-ID"] = req_id
        return response


class NoStoreMiddleware:
    """Pages and API answers may hold personal data: never let a browser or proxy cache them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith("/static/"):
            response["Cache-Control"] = "no-store"
            response["Pragma"] = "no-cache"
        return response


# What a page (not the API) is asked with: a form posts, everything else reads.
PAGE_METHODS = ("GET", "HEAD", "POST", "OPTIONS")


class PageMethodMiddleware:
    """A page asked with PUT, PATCH, DELETE or another method no page takes: 405, at once.

    Views limit their methods where they write (require_POST), but a reading view would otherwise
    answer a DELETE by rendering itself. The API's views state their own methods (DRF).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in PAGE_METHODS and not is_api_request(request):
            return HttpResponseNotAllowed(PAGE_METHODS)
        return self.get_response(request)


class RequestBodyLimitMiddleware:
    """Refuse a request body above the limit with 413 before anything reads it.

    Django's DATA_UPLOAD_MAX_MEMORY_SIZE does not cover a JSON body that DRF streams, nor the
    uploaded files of a form; this one limit covers both (API and pages each their own).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = settings.API_REQUEST_MAX_BYTES if is_api_request(request) else settings.REQUEST_MAX_BYTES
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0  # Django itself reads a malformed length as an empty body
        if length > limit:
            from schakelpunt.ui.views import request_too_large

            return request_too_large(request)
        if _address_with_nul(request):
            # The query string and the path too: a NUL in `?zoek=` or in a text path segment
            # would reach PostgreSQL, which refuses it in text (SQLite does not).
            from schakelpunt.ui.views import bad_request

            return bad_request(request)
        if length:
            try:
                has_nul = _text_with_nul(request)
            except RequestDataTooBig:
                # Django's own limit on a form body (DATA_UPLOAD_MAX_MEMORY_SIZE): 413 as well.
                from schakelpunt.ui.views import request_too_large

                return request_too_large(request)
            if has_nul:
                # PostgreSQL cannot store a NUL character in text; no form or API field needs one.
                from schakelpunt.ui.views import bad_request

                return bad_request(request)
        return self.get_response(request)


def _address_with_nul(request) -> bool:
    """A NUL character in the path or in a key or value of the query string."""
    if "\x00" in request.path_info:
        return True
    return any("\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists())


def _text_with_nul(request) -> bool:
    """A form or JSON body (never a file upload) that carries a NUL character in a key or value.

    The body is decoded as its reader will decode it, so a literal backslash-u-0000 typed in a
    text field is text like any other; a body that does not decode is left to the reader's 400.
    """
    content_type = (request.META.get("CONTENT_TYPE") or "").split(";")[0].strip().lower()
    if content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        # The parse CSRF protection does anyway, a step earlier; uploaded files are not looked at.
        try:
            fields = request.POST.lists()
        except MultiPartParserError:
            return False  # the view answers a broken form as it always did
        return any("\x00" in key or any("\x00" in value for value in values) for key, values in fields)
    if content_type == "application/json":
        body = request.body
        if b"\x00" in body:
            return True
        try:
            return _json_has_nul(json.loads(body))
        except (ValueError, RecursionError):
            return False
    return False


def _json_has_nul(value) -> bool:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False
