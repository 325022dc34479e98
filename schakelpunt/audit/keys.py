"""The keys of the access log's chain and checkpoints: HMAC-SHA256 with key ids from the environment.

A record names the key id it was sealed with (``AuditRecord.key_id``); an empty key id marks a
record of the old, unkeyed scheme (plain SHA-256), written before the chain became keyed.
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings

LEGACY_KEY_ID = ""


def current_key_id() -> str:
    return settings.AUDIT_HMAC_KEY_ID


def key(key_id: str) -> bytes:
    try:
        return settings.AUDIT_HMAC_KEYS[key_id].encode()
    except KeyError:
        raise KeyError(key_id) from None


def known(key_id: str) -> bool:
    return key_id == LEGACY_KEY_ID or key_id in settings.AUDIT_HMAC_KEYS


def seal(key_id: str, message: str) -> str:
    """The chain hash of one record: HMAC-SHA256 under `key_id`, plain SHA-256 for legacy records."""
    if key_id == LEGACY_KEY_ID:
        return hashlib.sha256(message.encode()).hexdigest()
    return hmac.new(key(key_id), message.encode(), hashlib.sha256).hexdigest()


def sign_checkpoint(key_id: str, message: str) -> str:
    """A checkpoint's signature; domain-separated from record hashes so neither can stand in for the other."""
    return hmac.new(key(key_id), b"checkpoint\x00" + message.encode(), hashlib.sha256).hexdigest()


def sign_period(key_id: str, message: str) -> str:
    """The seal of a period of the chain (audit.AuditPeriode); domain-separated like a checkpoint."""
    return hmac.new(key(key_id), b"auditperiode\x00" + message.encode(), hashlib.sha256).hexdigest()
