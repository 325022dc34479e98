"""Taxonomie: fenomenen, levensdomeinen and indicatoren, and the wegwijzer built on them."""

from django.apps import AppConfig


class TaxonomieConfig(AppConfig):
    name = "schakelpunt.taxonomie"
    label = "taxonomie"
    verbose_name = "Taxonomie"
