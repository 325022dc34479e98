"""The start page as a desk: per role, what waits for this user, each a link.

Every app may add a `desk.py` with `taken(user, rol) -> list[Taak]`; the desk asks each one for
each role the user holds, in app order. A function checks its own permission (through the access
point) and returns [] when the user has none. Counts say how much waits; items name a single
thing (a signal number, never a person's name unless the user may see the person).
A later part (e.g. casussen) adds its own `casussen/desk.py`; nothing here needs to change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module

from django.apps import apps


@dataclass(frozen=True)
class Item:
    label: str
    url: str


@dataclass(frozen=True)
class Taak:
    titel: str
    url: str
    aantal: int | None = None
    tekst: str = ""
    dringend: bool = False
    items: list[Item] = field(default_factory=list)
    leeg_tekst: str = ""  # shown when a task without a count has no items

    @property
    def wacht(self) -> bool:
        """Something is waiting: a count above zero, or a task without a count that names items."""
        return bool(self.aantal) or (self.aantal is None and bool(self.items))


def _modules():
    for config in apps.get_app_configs():
        if not config.name.startswith("schakelpunt.") or f"{config.name}.desk" == __name__:
            continue
        try:
            yield import_module(f"{config.name}.desk")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.desk":
                raise


def taken(user, rol: str) -> list[Taak]:
    result: list[Taak] = []
    for module in _modules():
        result.extend(module.taken(user, rol))
    return result
