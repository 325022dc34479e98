"""The version in force per activity key, cached per process for the access-log writer.

The writer (audit/chain.py) calls ``in_force`` under the chain lock with the head row's
``register_token``; a new version changes that token in the same transaction (``changed``), so a
process reloads its cache the first time it appends after a change, and never otherwise: no query
per log entry, and no record refers to a version that was already replaced when it was appended.
The token is random (not a counter), so a rolled-back change or a rebuilt head row can never
make a stale cache look current.
"""

from __future__ import annotations

import threading

from django.db.models import Max

_lock = threading.Lock()
_cache: dict[str, tuple[str, dict[str, int]]] = {}  # per database alias: (head token, {key: version id})


def _load(using: str) -> dict[str, int]:
    from schakelpunt.verwerkingen.models import VerwerkingVersie

    newest = dict(
        VerwerkingVersie.objects.using(using)
        .values("verwerking__key")
        .annotate(laatste=Max("nummer"))
        .values_list("verwerking__key", "laatste")
    )
    return {
        key: pk
        for pk, key, nummer in VerwerkingVersie.objects.using(using).values_list("pk", "verwerking__key", "nummer")
        if newest.get(key) == nummer
    }


def in_force(token: str, *, using: str = "default") -> dict[str, int]:
    """{activity key: id of its version in force}, valid for the head's `token`."""
    with _lock:
        cached = _cache.get(using)
    if cached is not None and cached[0] == token:
        return cached[1]
    loaded = _load(using)
    with _lock:
        _cache[using] = (token, loaded)
    return loaded


def changed(*, using: str = "default") -> None:
    """Call in the transaction that adds a version: every writer reloads at its next append."""
    from schakelpunt.audit.models import AuditChainHead, new_register_token

    AuditChainHead.objects.using(using).filter(pk=1).update(register_token=new_register_token())
    forget()


def forget() -> None:
    with _lock:
        _cache.clear()
