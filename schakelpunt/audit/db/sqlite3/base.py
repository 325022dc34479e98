"""Django's sqlite3 backend with the access log appended just before each commit."""

from django.db.backends.sqlite3 import base

from schakelpunt.audit.chain import AuditChainMixin


class DatabaseWrapper(AuditChainMixin, base.DatabaseWrapper):
    pass
