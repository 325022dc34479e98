"""Doormeldingen: referrals to ketenpartners with exactly the data needed, and the register of disclosures."""

from django.apps import AppConfig


class DoormeldingenConfig(AppConfig):
    name = "schakelpunt.doormeldingen"
    label = "doormeldingen"
    verbose_name = "Doormeldingen"
