"""Inzicht: figures without personal data on a fixed grid, protected against disclosure."""

from django.apps import AppConfig


class InzichtConfig(AppConfig):
    name = "schakelpunt.inzicht"
    label = "inzicht"
    verbose_name = "Inzicht"
