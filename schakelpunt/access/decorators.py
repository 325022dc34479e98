"""View decorators that state the access rule up front and log refusals."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, NoReturn

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from schakelpunt.access.policy import Actor, Decision, decide
from schakelpunt.audit.services import log_access


def refuse(
    user: Actor, decision: Decision, *, object_type: str = "", object_id: str = "", message: str = ""
) -> NoReturn:
    """Log a refused attempt and stop the request with 403."""
    log_access(actor=user, decision=decision, object_type=object_type or decision.permission, object_id=object_id)
    raise PermissionDenied(message or "Je hebt hiervoor geen toegang.")


def require(
    user: Actor, code: str, obj: Any = None, *, object_type: str = "", object_id: str = "", message: str = ""
) -> Decision:
    """The decision for `code` (on `obj`); a refusal is logged and raises PermissionDenied (403).

    For an action the user may know exists (their role forbids it). For "show me this object",
    use ``access.policy.fetch`` / ``verify``, which answer 404 alike for missing and hidden.
    """
    decision = decide(user, code, obj)
    if not decision:
        oid = object_id or str(getattr(obj, "pk", "") or "")
        refuse(user, decision, object_type=object_type, object_id=oid, message=message)
    return decision


View = Callable[..., HttpResponse]


def requires(code: str) -> Callable[[View], View]:
    """Login required, and the user must hold `code`; the decision lands on request.access."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            decision = decide(request.user, code)
            if not decision:
                refuse(request.user, decision)
            request.access = decision  # type: ignore[attr-defined]  # read by views and templates
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
