"""The verwerkingsregister and the access log's own retention: the privacyfunctionaris alone."""

from __future__ import annotations

from schakelpunt.access.policy import Permission, register
from schakelpunt.accounts.roles import Rol as R

register(
    Permission(
        "verwerkingen.beheren",
        (R.PRIVACYFUNCTIONARIS,),
        purpose="Toezicht op de verwerking van persoonsgegevens",
        activity="privacy.toezicht",
        description="Het verwerkingsregister inzien en bijhouden; elke wijziging wordt een nieuwe versie.",
    )
)
register(
    Permission(
        "audit.perioden.beheren",
        (R.PRIVACYFUNCTIONARIS,),
        purpose="Vernietigen na afloop van de bewaartermijn",
        activity="privacy.vernietiging",
        description=(
            "Perioden van het toegangslog verzegelen en, na afloop van de bewaartermijn van het toegangslog, "
            "vernietigen; het zegel blijft bewaard."
        ),
    )
)
