"""Demo data: a casusoverleg next week with the CCV casus on the agenda, and a held meeting with its verslag."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from schakelpunt.overleggen import services
from schakelpunt.overleggen.models import Overleg


def seed(stdout) -> None:
    if Overleg.objects.exists():
        return
    from schakelpunt.casussen.models import Casus

    users = get_user_model().objects
    af = users.filter(username="aandachtsfunctionaris").first()
    deelnemer = users.filter(username="deelnemer").first()
    regisseur = users.filter(username="casusregisseur").first()
    casussen = list(Casus.objects.order_by("pk")[:2])
    if af is None or not casussen:
        return
    volgende_week = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0) + datetime.timedelta(
        days=7
    )
    overleg = services.overleg_plannen(
        actor=af,
        titel="Casusoverleg signalering",
        begin=volgende_week,
        einde=volgende_week + datetime.timedelta(hours=2),
        voorzitter=af,
        notulist=af,
        locatie="Stadhuis, vergaderkamer 3",
        reeks="Tweewekelijks casusoverleg",
    )
    for casus in casussen:
        services.agendapunt_toevoegen(
            actor=af, overleg=overleg, casus=casus, deelnemers=[u for u in (deelnemer, regisseur) if u]
        )
    stdout.write(
        f"Overleggen: '{overleg.titel}' op {volgende_week:%d-%m-%Y} met {len(casussen)} casus(sen) op de agenda."
    )
