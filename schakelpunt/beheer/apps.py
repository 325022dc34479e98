"""Functioneel beheer on screen: users, roles (four eyes for the roles that see most) and departments."""

from django.apps import AppConfig


class BeheerConfig(AppConfig):
    name = "schakelpunt.beheer"
    label = "beheer"
    verbose_name = "Beheer"
