"""The permission matrix format. Each app lists its URLs in `<app>/tests/matrix.py` as MATRIX.

A Row says, for one named URL, which roles may use it and what everyone else gets. The
central test (access/tests/test_permission_matrix.py) asks every URL of the project for every
role and for anonymous users, and fails on a URL that no app's MATRIX mentions.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from schakelpunt.accounts.roles import ALL_ROLES

EVERY_ROLE = frozenset(ALL_ROLES)
# Every logged-in user, including one who has no role yet (None in the matrix).
ANY_USER = EVERY_ROLE | {None}


@dataclass(frozen=True)
class Row:
    allowed: frozenset[str]  # roles that get `ok`
    ok: int = 200
    denied: int = 403  # what a logged-in user without the right role gets (404 hides existence)
    anon: int = 302  # anonymous: redirect to login for pages, 401 for the API
    method: str = "GET"
    data: dict = field(default_factory=dict)
    api: bool = False
    # Builds URL kwargs from the persona factory, e.g. an object owned by the melder persona.
    kwargs: Callable | None = None
    # Roles that may use the page but not this object (not invited, not theirs): 404, as for a missing one.
    hidden: frozenset[str] = frozenset()


def page(*roles: str, **kw) -> Row:
    return Row(allowed=frozenset(roles), **kw)


def api(*roles: str, **kw) -> Row:
    kw.setdefault("anon", 401)
    return Row(allowed=frozenset(roles), api=True, **kw)


def public(**kw) -> Row:
    """Reachable without login, identical for everyone."""
    return Row(allowed=ANY_USER, anon=200, ok=200, **kw)
