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
        from schakelpunt.subjecten.services.relaties_uit_signaal import signaal_relaties_overnemen

        # Then the relations the melder stated between the betrokkenen, now that they have subjects.
        for hook in (signaal_betrokkenen_koppelen, signaal_relaties_overnemen):
            if hook not in signalen_services.NA_REGISTRATIE:
                signalen_services.NA_REGISTRATIE.append(hook)

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
        # The beheerder's roepnamen extend the engine's table (read by nicknames.refresh(), not here).
        from schakelpunt.matching import nicknames

        nicknames.set_source(_roepnamen)
        # A change of the table in this process counts at the next lookup; other processes (the
        # other web workers) read it again within ROEPNAMEN_MAX_AGE (services.kandidaten).
        from django.db.models.signals import post_delete, post_save

        from schakelpunt.subjecten.models import Roepnaam

        post_save.connect(_roepnamen_gewijzigd, sender=Roepnaam, dispatch_uid="roepnamen_gewijzigd_save")
        post_delete.connect(_roepnamen_gewijzigd, sender=Roepnaam, dispatch_uid="roepnamen_gewijzigd_delete")


def _roepnamen() -> list[tuple[str, str]]:
    from schakelpunt.subjecten.models import Roepnaam

    return list(Roepnaam.objects.values_list("naam", "roepnaam"))


def _roepnamen_gewijzigd(**kwargs) -> None:
    from schakelpunt.matching import nicknames

    nicknames.mark_stale()
