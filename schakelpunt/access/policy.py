"""The access-control point: every view, API endpoint, export and service asks this module.

A permission names the roles that may use it, the purpose of use (doelbinding) and the
processing activity that the audit log records (by its stable key in the verwerkingsregister),
and optionally a queryset scope (which objects may this user see in this role?). The object
rule ("may this user act on this object?") is derived from the scope, so a list and a detail
can never disagree; only where no queryset exists is an object rule written by hand (and a
test proves it agrees).
Nothing else in the code base decides who may see what.

The permissions themselves live per domain in ``access/rules/<domain>.py``; they are all
registered when this module is imported. Three questions are asked of this module:

- ``decide(user, code, obj=None)``: may the user (on this object)? In which role, for which purpose?
- ``scope(user, code, queryset)``: which part of a list may the user see?
- ``fetch(user, code, queryset, pk)``: the one "get it and check it" for a single object: the
  object and the decision, or ``NotFound`` alike for a missing and a hidden object, the refusal
  logged. Every view, API endpoint, selector and service that is handed an id uses it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeAlias, TypeGuard

from django.db.models import Model, QuerySet
from django.http import Http404

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from schakelpunt.accounts.models import User

# Who asks: a user, an anonymous visitor, or nobody (a background job without a user).
Actor: TypeAlias = "User | AnonymousUser | None"

ObjectRule = Callable[["User", Any, str], bool]  # (user, obj, role) -> allowed; only where no scope can say it
Scope = Callable[["User", "QuerySet[Any]", str], "QuerySet[Any]"]  # (user, queryset, role) -> visible part


# A processing activity is named by its stable key in the verwerkingsregister (verwerkingen app),
# e.g. "meldpunt.intake"; a test proves every key exists there.
ACTIVITY_KEY = re.compile(r"^[a-z][a-z_]*(\.[a-z][a-z_]*)+$")


@dataclass(frozen=True)
class Permission:
    code: str
    roles: tuple[str, ...]
    purpose: str
    activity: str
    object_rule: ObjectRule | None = None
    scope: Scope | None = None
    description: str = ""


@dataclass(frozen=True)
class Decision:
    permission: str
    allowed: bool
    role: str | None
    purpose: str
    activity: str
    reason: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return self.allowed


PERMISSIONS: dict[str, Permission] = {}


def register(permission: Permission) -> Permission:
    if permission.code in PERMISSIONS:
        raise ValueError(f"permission {permission.code} registered twice")
    if not ACTIVITY_KEY.match(permission.activity):
        raise ValueError(f"permission {permission.code}: activity must be a register key, not {permission.activity!r}")
    PERMISSIONS[permission.code] = permission
    return permission


def get(code: str) -> Permission:
    try:
        return PERMISSIONS[code]
    except KeyError:
        raise KeyError(f"unknown permission {code!r}: add it to schakelpunt.access.policy") from None


def _usable(user: Actor) -> TypeGuard[User]:
    return user is not None and bool(getattr(user, "is_authenticated", False)) and user.is_active


def _object_allowed(perm: Permission, user: User, obj: Any, role: str) -> bool:
    """The object rule: hand-written where there is one, else "is `obj` inside the scope?"."""
    if perm.object_rule is not None:
        return perm.object_rule(user, obj, role)
    if perm.scope is None or not isinstance(obj, Model):
        return True
    one = type(obj)._default_manager.filter(pk=obj.pk)
    visible = perm.scope(user, one, role)
    # A scope that leaves the queryset as it is (an unrestricted role) needs no query.
    return visible is one or visible.exists()


def decide(user: Actor, code: str, obj: Any = None) -> Decision:
    """May `user` use permission `code` (on `obj`)? Returns the role it is allowed in."""
    perm = get(code)
    if not _usable(user):
        return Decision(code, False, None, perm.purpose, perm.activity, "niet ingelogd")
    for role in perm.roles:
        if not user.has_role(role):
            continue
        if obj is not None and not _object_allowed(perm, user, obj, role):
            continue
        return Decision(code, True, role, perm.purpose, perm.activity)
    return Decision(code, False, None, perm.purpose, perm.activity, "geen passende rol")


def scope(user: Actor, code: str, queryset: QuerySet[Any]) -> tuple[QuerySet[Any], Decision]:
    """The part of `queryset` the user may see under `code`, union over the user's roles."""
    perm = get(code)
    if not _usable(user):
        return queryset.none(), Decision(code, False, None, perm.purpose, perm.activity, "niet ingelogd")
    visible = None
    acting_role = None
    for role in perm.roles:
        if not user.has_role(role):
            continue
        part = queryset if perm.scope is None else perm.scope(user, queryset, role)
        if perm.scope is None:
            # Unrestricted in this role: nothing can widen it further.
            return part, Decision(code, True, role, perm.purpose, perm.activity)
        visible = part if visible is None else (visible | part)
        acting_role = acting_role or role
    if visible is None:
        return queryset.none(), Decision(code, False, None, perm.purpose, perm.activity, "geen passende rol")
    return visible.distinct(), Decision(code, True, acting_role, perm.purpose, perm.activity)


class NotFound(Http404):
    """A missing object and one the user may not see get the same answer, so ids cannot be probed."""


def as_pk(value: Any) -> int | None:
    """An id from user input as a number the database can hold, or None (never an error)."""
    try:
        pk = int(value)
    except (TypeError, ValueError):
        return None
    return pk if 0 < pk < 2**63 else None


def fetch(
    user: Actor,
    code: str,
    queryset: QuerySet[Any],
    pk: Any,
    *,
    object_type: str,
    about: Callable[[Any], Any] | None = None,
    message: str = "Niet gevonden",
    betrokkenen: Callable[[Any], list[str]] | None = None,
) -> tuple[Any, Decision]:
    """Fetch object `pk` of `queryset` and check `code` on it: the one fetch-and-check.

    Returns ``(object, decision)``. Raises ``NotFound`` (a 404 on pages and in the API) for a
    missing object and for one the user may not see alike; a refusal is written to the access
    log (once), a missing object is not (nothing was refused). `about` maps the fetched object
    to the object the permission is about (e.g. a bijlage to its signaal); `betrokkenen` gives
    the person keys of that object for a refusal, so a person can find attempts on their data too.
    """
    key = as_pk(pk)
    obj = queryset.filter(pk=key).first() if key is not None else None
    if obj is None:
        # Nothing to refuse when nothing exists, unless the role alone already refuses.
        decision = decide(user, code)
        if not decision:
            _log_refusal(user, decision, object_type, key if key is not None else pk, ())
        raise NotFound(message)
    target = about(obj) if about else obj
    decision = verify(
        user, code, target, object_type=object_type, object_id=key, message=message, betrokkenen=betrokkenen
    )
    return obj, decision


def verify(
    user: Actor,
    code: str,
    obj: Any,
    *,
    object_type: str,
    object_id: Any = None,
    message: str = "Niet gevonden",
    betrokkenen: Callable[[Any], list[str]] | None = None,
) -> Decision:
    """For an object already in hand: the decision for `code` on it, or ``NotFound`` (refusal logged).

    Use this where a service or selector is passed an object another fetch already returned;
    it answers exactly as `fetch` does, so a hidden object still looks like a missing one.
    """
    decision = decide(user, code, obj)
    if not decision:
        keys = betrokkenen(obj) if betrokkenen else ()
        _log_refusal(user, decision, object_type, object_id if object_id is not None else obj.pk, keys)
        raise NotFound(message)
    return decision


def _log_refusal(user: Actor, decision: Decision, object_type: str, object_id: Any, betrokkenen: Iterable[str]) -> None:
    from schakelpunt.audit.services import log_access

    log_access(
        actor=user, decision=decision, object_type=object_type, object_id=str(object_id)[:64], betrokkenen=betrokkenen
    )


from schakelpunt.access import rules  # noqa: E402,F401  (registers every permission)
