"""Advies vragen ("leg de casus voor"): a melder asks the meldpunt about a situation, without names."""

from django.apps import AppConfig


class AdviesvragenConfig(AppConfig):
    name = "schakelpunt.adviesvragen"
    label = "adviesvragen"
    verbose_name = "Adviesvragen"

    def ready(self) -> None:
        # A question the melder chose to turn into a signal is linked to the signal they send next.
        from schakelpunt.adviesvragen.services import adviesvraag_signaal_koppelen
        from schakelpunt.signalen import services as signalen_services

        if adviesvraag_signaal_koppelen not in signalen_services.NA_REGISTRATIE:
            signalen_services.NA_REGISTRATIE.append(adviesvraag_signaal_koppelen)
