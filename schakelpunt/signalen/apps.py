"""Signalen: the report form, drafts, mijn signalen, the meldpunt inbox, triage and terugkoppeling."""

from django.apps import AppConfig, apps


class SignalenConfig(AppConfig):
    name = "schakelpunt.signalen"
    label = "signalen"
    verbose_name = "Signalen"

    def ready(self) -> None:
        if not apps.is_installed("schakelpunt.subjecten"):
            return
        # The stated relations go to the register after it linked the betrokkenen to subjects:
        # the register's own hook first (subjecten adds the same one; it is only added once).
        from schakelpunt.signalen.register import relaties_naar_register
        from schakelpunt.signalen.services import NA_REGISTRATIE
        from schakelpunt.subjecten.services import signaal_betrokkenen_koppelen

        for hook in (signaal_betrokkenen_koppelen, relaties_naar_register):
            if hook not in NA_REGISTRATIE:
                NA_REGISTRATIE.append(hook)
