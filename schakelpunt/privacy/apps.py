"""Privacybeheer: bewaartermijnen, vernietigingslijsten with their reports, and legal holds."""

from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "schakelpunt.privacy"
    label = "privacy"
    verbose_name = "Privacybeheer"
