"""Inzicht: figures without personal data, for bestuur, beleid and the aandachtsfunctionaris."""

from __future__ import annotations

from schakelpunt.access.policy import Permission, register
from schakelpunt.accounts.roles import Rol as R

register(
    Permission(
        "inzicht.view",
        (R.BESTUUR, R.AANDACHTSFUNCTIONARIS),
        purpose="Sturing en bewustwording",
        activity="Inzien van cijfers zonder persoonsgegevens",
        description="Aantallen op een vast raster (kwartalen en hun maanden), kleine aantallen afgeschermd.",
    )
)
