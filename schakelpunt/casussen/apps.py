"""Casussen: signals and subjects bundled for joint work through the five CCV steps."""

from django.apps import AppConfig


class CasussenConfig(AppConfig):
    name = "schakelpunt.casussen"
    label = "casussen"
    verbose_name = "Casussen"

    def ready(self) -> None:
        # A new signal about a subject of a monitored or recently closed casus alerts its
        # regievoerder and the aandachtsfunctionaris. Registered after the subject register's
        # hook (app order), so the betrokkenen are already linked to persons.
        from schakelpunt.casussen.services import signaal_monitoring_check
        from schakelpunt.signalen import services as signalen_services

        if signaal_monitoring_check not in signalen_services.NA_REGISTRATIE:
            signalen_services.NA_REGISTRATIE.append(signaal_monitoring_check)
