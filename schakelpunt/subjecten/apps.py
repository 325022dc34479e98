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
        from schakelpunt.subjecten.services import signaal_betrokkenen_koppelen

        if signaal_betrokkenen_koppelen not in signalen_services.NA_REGISTRATIE:
            signalen_services.NA_REGISTRATIE.append(signaal_betrokkenen_koppelen)

        # The beheerder's roepnamen extend the engine's table (read by nicknames.refresh(), not here).
        from schakelpunt.matching import nicknames

        nicknames.set_source(_roepnamen)


def _roepnamen() -> list[tuple[str, str]]:
    from schakelpunt.subjecten.models import Roepnaam

    return list(Roepnaam.objects.values_list("naam", "roepnaam"))
