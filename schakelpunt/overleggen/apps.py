"""Casusoverleggen: meetings with an agenda of casussen, each participant seeing only their own items."""

from django.apps import AppConfig


class OverleggenConfig(AppConfig):
    name = "schakelpunt.overleggen"
    label = "overleggen"
    verbose_name = "Casusoverleggen"
