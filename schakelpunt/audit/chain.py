"""Appending to the chain: a transaction's entries are sealed and appended in one short step just before it commits.

Why: the chain head is one row that every writer locks. Locked at the first entry of a request,
it stayed locked through everything the request did afterwards (subject matching, reading the
result back) and all intake queued on it. Now ``services.write`` only *buffers* its records on
the database connection; the database backends in ``schakelpunt.audit.db`` call ``flush`` at the
last moment of the transaction (``commit``, or the release of the outermost savepoint inside a
test case's transaction), so the lock is held for the insert and the commit alone. The entries
still commit or roll back together with the data they describe (exactly once): a rolled-back
transaction or savepoint drops its buffered entries, a failed append fails the commit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import DatabaseError

if TYPE_CHECKING:
    from schakelpunt.audit.models import AuditRecord

# The backends import this module while Django sets up its connections, before the apps are
# loaded: the models are imported inside append().


class AuditChainMixin:
    """Mixed into a Django DatabaseWrapper: buffers audit records per transaction and appends them at commit."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.audit_pending: list[AuditRecord] = []
        self.audit_marks: dict[str, int] = {}

    # --- transaction boundaries
    def commit(self):
        self._audit_flush()
        super().commit()

    def rollback(self):
        self._audit_discard()
        super().rollback()

    def close(self):
        # Never connect just to close: without a connection there is no transaction to end.
        if self.connection is None or self.in_atomic_block or not self.autocommit:
            self._audit_discard()  # the database rolls the transaction back by itself
        super().close()

    def _savepoint(self, sid):
        self.audit_marks[sid] = len(self.audit_pending)
        super()._savepoint(sid)

    def _savepoint_rollback(self, sid):
        del self.audit_pending[self.audit_marks.get(sid, 0) :]
        super()._savepoint_rollback(sid)

    def _savepoint_commit(self, sid):
        # Inside a test case's transaction nothing ever commits: the release of the outermost
        # savepoint that is not the test case's own is the end of the "real" transaction.
        if all(getattr(block, "_from_testcase", False) for block in self.atomic_blocks):
            self._audit_flush()
        self.audit_marks.pop(sid, None)
        super()._savepoint_commit(sid)

    # --- the append
    def in_audit_transaction(self) -> bool:
        """Whether an entry written now can wait for the end of the current transaction."""
        return any(not getattr(block, "_from_testcase", False) for block in self.atomic_blocks)

    def _audit_discard(self) -> None:
        self.audit_pending.clear()
        self.audit_marks.clear()

    def _audit_flush(self) -> None:
        if not self.audit_pending:
            return
        records, self.audit_pending = self.audit_pending, []
        try:
            append(records, using=self.alias)
        except DatabaseError:
            raise
        except Exception as exc:  # Django rolls back only on DatabaseError; anything else must be one too
            raise DatabaseError(f"het toegangslog kon niet worden bijgewerkt: {exc}") from exc


def append(records: list[AuditRecord], *, using: str = "default") -> None:
    """Lock the head, give the records the next ids, seal them under the current key, insert them."""
    from schakelpunt.audit import keys
    from schakelpunt.audit.models import GENESIS_HASH, AuditChainHead, AuditRecord

    head = AuditChainHead.objects.using(using).select_for_update().filter(pk=1).first()
    if head is None:
        # The head row is seeded by a migration; after a database flush it is rebuilt from the
        # last record, so that the chain continues (verify_audit still checks every record).
        from schakelpunt.audit.models import AuditPeriode

        last_id, last_hash = 0, GENESIS_HASH
        last = AuditRecord.objects.using(using).order_by("-id").first()
        if last is not None:
            last_id, last_hash = last.id, last.hash
        # A destroyed period may have been the end: its seal still says where the chain stands.
        sealed = AuditPeriode.objects.using(using).order_by("-laatste_id").first()
        if sealed is not None and sealed.laatste_id > last_id:
            last_id, last_hash = sealed.laatste_id, sealed.laatste_hash
        AuditChainHead.objects.using(using).create(pk=1, last_id=last_id, last_hash=last_hash)
        head = AuditChainHead.objects.using(using).select_for_update().get(pk=1)
    from schakelpunt.verwerkingen import register

    # The version in force per activity, read under the lock: what a record names was in force when it was appended.
    versies = register.in_force(head.register_token, using=using)
    key_id = keys.current_key_id()
    prev = head.last_hash
    next_id = head.last_id
    for record in records:
        next_id += 1
        record.id = next_id
        record.prev_hash = prev
        record.key_id = key_id
        record.verwerking_versie_id = versies.get(record.verwerking)
        record.hash = record.compute_hash()
        prev = record.hash
    AuditRecord.objects.using(using).bulk_create(records)
    AuditChainHead.objects.using(using).filter(pk=1).update(last_id=next_id, last_hash=prev)
