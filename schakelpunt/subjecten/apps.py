"""Subjecten: persons, addresses, organisations, vehicles, their relations, matching and samenloop."""

from django.apps import AppConfig


class SubjectenConfig(AppConfig):
    name = "schakelpunt.subjecten"
    label = "subjecten"
    verbose_name = "Subjecten"
