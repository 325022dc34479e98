"""Subjecten: persons, addresses, organisations, vehicles, their relations, matching and samenloop."""

from django.apps import AppConfig


class SubjectenConfig(AppConfig):
    name = "schakelpunt.subjecten"
    label = "subjecten"
    verbose_name = "Subjecten"

    def ready(self) -> None:
        # Resolve every betrokkene of a new signal to a subject, inside the signal's transaction.
        # Registered here so that the signalen app needs no knowledge of the register.
        from schakelpunt.signalen import services as signalen_services
        from schakelpunt.subjecten.services.koppelen import signaal_betrokkenen_koppelen

        if signaal_betrokkenen_koppelen not in signalen_services.NA_REGISTRATIE:
            signalen_services.NA_REGISTRATIE.append(signaal_betrokkenen_koppelen)

        # The signal screens ask the register through one narrow door (signalen.register).
        from schakelpunt.signalen import register
        from schakelpunt.subjecten.models import Methode
        from schakelpunt.subjecten.selectors import betrokkene_subjecten, samenloop_prefetch

        register.aansluiten(
            register.Register(
                betrokkene_subjecten=betrokkene_subjecten,
                samenloop_prefetch=samenloop_prefetch,
                methode_label=lambda m: str(Methode(m).label) if m in Methode.values else m,
            )
        )
