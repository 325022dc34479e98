"""UI: base templates, NL Design System assets, home pages per role, health check."""

from django.apps import AppConfig


class UiConfig(AppConfig):
    name = "schakelpunt.ui"
    label = "ui"
