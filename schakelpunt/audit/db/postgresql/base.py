"""Django's postgresql backend with the access log appended just before each commit."""

from django.db.backends.postgresql import base

from schakelpunt.audit.chain import AuditChainMixin


class DatabaseWrapper(AuditChainMixin, base.DatabaseWrapper):
    pass
