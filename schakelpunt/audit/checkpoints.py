"""Signed checkpoints of the chain head, kept outside the database (AUDIT_CHECKPOINT_DIR).

A checkpoint says "record N had hash H at time T", signed with the audit key. Someone who can
rewrite the database but not this directory cannot make a rewritten chain agree with the
checkpoints: verify_audit compares every checkpoint with the chain.
"""

from __future__ import annotations

import hmac
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings

from schakelpunt.audit import keys

PREFIX = "checkpoint-"


@dataclass(frozen=True)
class Checkpoint:
    last_id: int
    last_hash: str
    created: str
    key_id: str
    path: Path | None = None

    def body(self) -> str:
        data = {"created": self.created, "key_id": self.key_id, "last_hash": self.last_hash, "last_id": self.last_id}
        return json.dumps(data, sort_keys=True, separators=(",", ":"))


class CheckpointError(Exception):
    """A checkpoint file that cannot be trusted: unreadable, unknown key or wrong signature."""


def directory() -> Path | None:
    value = settings.AUDIT_CHECKPOINT_DIR
    return Path(value) if value else None


def write(target: Path, last_id: int, last_hash: str) -> Path:
    """Write one signed checkpoint file; never overwrites one."""
    key_id = keys.current_key_id()
    checkpoint = Checkpoint(last_id, last_hash, datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"), key_id)
    data = json.loads(checkpoint.body())
    data["signature"] = keys.sign_checkpoint(key_id, checkpoint.body())
    target.mkdir(parents=True, exist_ok=True)
    stamp = checkpoint.created.replace("-", "").replace(":", "").replace(".", "")
    path = target / f"{PREFIX}{last_id:012d}-{stamp}.json"
    tmp = target / f".{path.name}.tmp"
    with open(tmp, "x", encoding="utf-8") as handle:
        json.dump(data, handle, sort_keys=True)
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(tmp, 0o444)
    os.link(tmp, path)  # fails rather than overwrite an existing checkpoint
    tmp.unlink()
    return path


def read(path: Path) -> Checkpoint:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        checkpoint = Checkpoint(
            int(data["last_id"]), str(data["last_hash"]), str(data["created"]), str(data["key_id"]), path
        )
        signature = str(data["signature"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CheckpointError(f"{path.name}: onleesbaar ({exc})") from exc
    if checkpoint.key_id not in settings.AUDIT_HMAC_KEYS:
        raise CheckpointError(f"{path.name}: onbekende sleutel {checkpoint.key_id!r}")
    if not hmac.compare_digest(signature, keys.sign_checkpoint(checkpoint.key_id, checkpoint.body())):
        raise CheckpointError(f"{path.name}: handtekening klopt niet")
    return checkpoint


def read_all(target: Path) -> list[Checkpoint]:
    """Every checkpoint in the directory, oldest chain position first; raises on the first bad one."""
    if not target.is_dir():
        return []
    return sorted((read(p) for p in target.glob(f"{PREFIX}*.json")), key=lambda c: (c.last_id, c.created))
