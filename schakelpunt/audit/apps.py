"""Audit: the keyed hash-chained, append-only access log and the privacyfunctionaris' screens."""

from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "schakelpunt.audit"
    label = "audit"
    verbose_name = "Toegangslog"

    def ready(self):
        from schakelpunt.audit import checks  # noqa: F401 - registers the deployment check
