"""Demo data of the register: the meldpunt has given the demo deelnemer sight of one person.

The register itself fills from the demo signals (every betrokkene is resolved when a signal is
reported). Here the aandachtsfunctionaris grants the deelnemer inzage in the person known at the
most departments, so the deelnemer finds a notice with a link and the person under Mijn personen.
Runs after signalen's demo (app order); the same every time.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Count

from schakelpunt.subjecten.models import Persoon, SubjectInzage
from schakelpunt.subjecten.services import subject_inzage_verlenen


def seed(stdout) -> None:
    User = get_user_model()
    af = User.objects.filter(username="aandachtsfunctionaris").first()
    deelnemer = User.objects.filter(username="deelnemer").first()
    if af is None or deelnemer is None or SubjectInzage.objects.filter(user=deelnemer).exists():
        return
    persoon = (
        Persoon.objects.filter(samengevoegd_in__isnull=True)
        .annotate(afdelingen=Count("koppelingen__signaal__afdeling", distinct=True))
        .filter(afdelingen__gte=2)
        .order_by("-afdelingen", "pk")
        .first()
    )
    if persoon is None:
        return
    subject_inzage_verlenen(
        actor=af, user=deelnemer, persoon=persoon, reden="Demo: casusoverleg over dit gezin met het jeugdteam."
    )
    stdout.write(f"Inzage voor de deelnemer in persoon {persoon.pk}.\n")
