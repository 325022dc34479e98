"""Inzicht: figures without personal data on a fixed grid, protected against disclosure."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate


class InzichtConfig(AppConfig):
    name = "schakelpunt.inzicht"
    label = "inzicht"
    verbose_name = "Inzicht"

    def ready(self) -> None:
        # The pre-aggregated counts follow every write to signals, in the same transaction (ADR 0018).
        from schakelpunt.inzicht import tellingen
        from schakelpunt.signalen import services as signalen_services
        from schakelpunt.signalen.hertellen import HERTELLEN

        if tellingen.signaal_geteld not in signalen_services.NA_REGISTRATIE:
            signalen_services.NA_REGISTRATIE.append(tellingen.signaal_geteld)
        if tellingen.hertellen not in HERTELLEN:
            HERTELLEN.append(tellingen.hertellen)
        # A database that has signals but no counts yet (the first migrate with ADR 0018) gets them built.
        post_migrate.connect(tellingen.opbouwen_na_migreren, sender=self, dispatch_uid="inzicht-tellingen")
