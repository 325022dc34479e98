"""Privacybeheer: retention, destruction lists and legal holds."""

from __future__ import annotations

from schakelpunt.access.policy import Permission, register
from schakelpunt.accounts.roles import Rol as R

register(
    Permission(
        "privacy.bewaartermijn.view",
        (R.BEHEERDER, R.PRIVACYFUNCTIONARIS),
        purpose="Toezicht op de verwerking van persoonsgegevens",
        activity="privacy.toezicht",
    )
)
register(
    Permission(
        "privacy.bewaartermijn.beheren",
        (R.BEHEERDER,),
        purpose="Functioneel beheer",
        activity="beheer.functioneel",
        description="De bewaartermijn per soort gegevens aanpassen (na besluit van de archivaris).",
    )
)
register(
    Permission(
        "privacy.vernietiging.beoordelen",
        (R.PRIVACYFUNCTIONARIS,),
        purpose="Vernietigen na afloop van de bewaartermijn",
        activity="privacy.vernietiging",
        description="Een vernietigingslijst beoordelen, items uitzonderen met een reden, goedkeuren.",
    )
)
register(
    Permission(
        "privacy.blokkade.beheren",
        (R.PRIVACYFUNCTIONARIS,),
        purpose="Toezicht op de verwerking van persoonsgegevens",
        activity="privacy.toezicht",
        description="Een bewaarblokkade (legal hold) instellen of opheffen, met reden en herbeoordelingsdatum.",
    )
)
register(
    Permission(
        "privacy.verzoek.beheren",
        (R.PRIVACYFUNCTIONARIS,),
        purpose="Rechten van betrokkenen (AVG art. 15-19)",
        activity="privacy.rechten",
        description="Verzoeken om inzage, rectificatie en beperking vastleggen en afhandelen; het inzagerapport maken.",
    )
)
