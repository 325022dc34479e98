"""Privacybeheer: retention, destruction lists and legal holds."""

from __future__ import annotations

from schakelpunt.access.policy import Permission, register
from schakelpunt.accounts.roles import Rol as R

register(
    Permission(
        "privacy.bewaartermijn.view",
        (R.BEHEERDER, R.PRIVACYFUNCTIONARIS),
        purpose="Toezicht op de verwerking van persoonsgegevens",
        activity="Inzien van bewaartermijnen",
    )
)
register(
    Permission(
        "privacy.bewaartermijn.beheren",
        (R.BEHEERDER,),
        purpose="Functioneel beheer",
        activity="Beheer van bewaartermijnen",
        description="De bewaartermijn per soort gegevens aanpassen (na besluit van de archivaris).",
    )
)
register(
    Permission(
        "privacy.vernietiging.beoordelen",
        (R.PRIVACYFUNCTIONARIS,),
        purpose="Vernietigen na afloop van de bewaartermijn",
        activity="Beoordelen en uitvoeren van vernietigingslijsten",
        description="Een vernietigingslijst beoordelen, items uitzonderen met een reden, goedkeuren.",
    )
)
register(
    Permission(
        "privacy.blokkade.beheren",
        (R.PRIVACYFUNCTIONARIS,),
        purpose="Toezicht op de verwerking van persoonsgegevens",
        activity="Beheer van bewaarblokkades",
        description="Een bewaarblokkade (legal hold) instellen of opheffen, met reden en herbeoordelingsdatum.",
    )
)
