"""Tiny helpers that read configuration from the environment (the only source of settings)."""

import os

from django.core.exceptions import ImproperlyConfigured


def env(name: str, default: str | None = None) -> str | None:
    return os.environ.get(name, default)


def envbool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false), got {value!r}")


def envint(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, got {value!r}") from exc


def envlist(name: str, default: str = "") -> list[str]:
    return [part.strip() for part in os.environ.get(name, default).split(",") if part.strip()]


def envkeys(name: str) -> dict[str, str]:
    """Named secrets, 'kid1:secret1,kid2:secret2' -> {'kid1': 'secret1', 'kid2': 'secret2'}."""
    keys: dict[str, str] = {}
    for part in os.environ.get(name, "").split(","):
        kid, sep, secret = (x.strip() for x in part.strip().partition(":"))
        if not kid and not secret:
            continue
        if not sep or not kid or not secret:
            raise ImproperlyConfigured(f"{name} must look like 'kid1:secret1,kid2:secret2'.")
        if len(kid) > 20 or kid in keys:
            raise ImproperlyConfigured(f"{name}: key id {kid!r} is longer than 20 characters or occurs twice.")
        keys[kid] = secret
    return keys
