"""Demo data for inzicht: trend notes the meldpunt wrote, and some leerlijn progress (synthetic)."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from schakelpunt.inzicht import tellingen
from schakelpunt.inzicht.models import Module, Trendnotitie, Voortgang
from schakelpunt.taxonomie.models import Fenomeen, Indicator

NOTITIES = [
    (
        "Ronselen via berichtenapps",
        "Jongeren van 12 tot 16 worden via berichtenapps benaderd voor 'klusjes' met snel geld: pakketjes "
        "wegbrengen, een bankpas uitlenen. Let op plotselinge nieuwe spullen, vermoeidheid en schoolverzuim. "
        "Vraag open: hoe kom je aan die nieuwe telefoon?",
        ["mensenhandel-crimineel"],
        ["schoolverzuim", "vermoeidheid"],
        "Casusoverleg van oktober",
    ),
    (
        "Veel inschrijvingen op één adres",
        "Burgerzaken ziet vaker dat tien of meer mensen op één adres worden ingeschreven, kort na elkaar, met "
        "dezelfde contactpersoon. Dat kan wijzen op malafide verhuur of arbeidsuitbuiting. Meld het, ook als je "
        "twijfelt.",
        ["malafide-verhuur"],
        [],
        "",
    ),
]


def seed(stdout) -> None:
    # The demo story backdates its signals past the services (ui/demo.py): count them from the source.
    aantal = tellingen.opbouwen()
    stdout.write(f"Inzicht: voorgetelde cijfers van {aantal} signalen.")
    if Trendnotitie.objects.exists():
        return
    users = get_user_model().objects
    af = users.filter(rollen__rol="aandachtsfunctionaris").order_by("pk").first()
    if af is None:
        return
    for titel, tekst, fenomenen, indicatoren, bron in NOTITIES:
        notitie = Trendnotitie.objects.create(
            titel=titel,
            tekst=tekst,
            bron=bron,
            actueel_tot=timezone.localdate() + datetime.timedelta(days=90),
            auteur=af,
        )
        notitie.fenomenen.set(Fenomeen.objects.filter(code__in=fenomenen))
        notitie.indicatoren.set(Indicator.objects.filter(code__in=indicatoren))
    eerste = Module.objects.order_by("volgorde").first()
    if eerste is not None:
        for user in users.filter(rollen__rol="melder").order_by("pk")[:3]:
            Voortgang.objects.get_or_create(user=user, module=eerste, defaults={"afgerond_op": timezone.now()})
    stdout.write(
        f"Inzicht: {Trendnotitie.objects.count()} trendnotities, leerlijn met {Module.objects.count()} modules."
    )
