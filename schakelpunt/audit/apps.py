"""Audit: the hash-chained, append-only access log and the privacyfunctionaris' screens."""

from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "schakelpunt.audit"
    label = "audit"
    verbose_name = "Toegangslog"
