"""Signalen: the report form, drafts, mijn signalen, the meldpunt inbox, triage and terugkoppeling."""

from django.apps import AppConfig


class SignalenConfig(AppConfig):
    name = "schakelpunt.signalen"
    label = "signalen"
    verbose_name = "Signalen"
