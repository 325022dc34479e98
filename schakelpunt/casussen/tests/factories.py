"""Building casussen for tests and benchmarks without going through every service."""

from django.utils import timezone

from schakelpunt.casussen.constants import FASE_START
from schakelpunt.casussen.models import Casus, Fase


def casus_bare(*, regievoerder, titel: str = "Casus", fase_code: str = FASE_START, **extra) -> Casus:
    fase = Fase.objects.get(code=fase_code)
    return Casus.objects.create(
        titel=titel,
        regievoerder=regievoerder,
        aangemaakt_door=regievoerder,
        fase=fase,
        fase_sinds=timezone.now(),
        **extra,
    )
