"""Notificaties: in-app notices and e-mail, sent outside the request through the task API."""

from django.apps import AppConfig


class NotificatiesConfig(AppConfig):
    name = "schakelpunt.notificaties"
    label = "notificaties"
    verbose_name = "Notificaties"
