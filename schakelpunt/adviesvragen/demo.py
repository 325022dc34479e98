"""Demo adviesvragen: one waiting, one answered with a pointer to the wegwijzer, one that became the
teacher's signal in the demo story (ui/demo.py). Synthetic, the same every run."""

import datetime

from django.utils import timezone

from schakelpunt.accounts.models import User
from schakelpunt.adviesvragen import services
from schakelpunt.adviesvragen.models import Adviesvraag
from schakelpunt.taxonomie.models import Fenomeen

VRAGEN = [
    # melder, days ago, situatie, vraag, fenomeen, answer (or ""), wegwijzer, story signal it became
    (
        "melder2",
        121,
        "Een leerling van een jaar of tien blijft steeds vaker weken weg. Als hij er is, is hij erg moe. De "
        "moeder is onbereikbaar. Is dit iets voor het meldpunt of alleen voor leerplicht?",
        "Moet ik dit melden, of is het gewoon verzuim?",
        "",
        "Verzuim met vermoeidheid en een onbereikbare ouder is precies waar je een signaal voor maakt; je hoeft "
        "niet zeker te zijn. Vraag school wie het kind brengt en haalt, en meld het dan.",
        "mensenhandel-crimineel",
        "ccv_school",
    ),
    (
        "wonen",
        9,
        "Bij een woningcontrole zag ik matrassen in een schuur achter een bedrijfspand. Niemand wilde zeggen wie "
        "daar slaapt. Waar moet ik op letten als ik terugga?",
        "Wat kan ik bij een volgende controle vragen?",
        "mensenhandel-arbeid",
        "Let op wie het woord voert, of mensen zelf over hun paspoort beschikken en of de huur via de werkgever "
        "loopt. De wegwijzer noemt de vragen die je kunt stellen. Zie je het terug: meld het.",
        "mensenhandel-arbeid",
        None,
    ),
    (
        "sociaalteam",
        1,
        "Een cliënt van in de twintig krijgt steeds cadeaus van een veel oudere 'vriend' en trekt zich terug uit "
        "haar familie. Ik weet niet of ik me zorgen moet maken.",
        "Is dit een signaal of zie ik spoken?",
        "mensenhandel-seksueel",
        "",
        "",
        None,
    ),
]


# Shorter questions over the last two months, so the figures (inzicht) have cells above the threshold.
KORT = [
    ("Een uitzendkracht slaapt volgens collega's in het bedrijfspand. Moet ik iets doen?", "mensenhandel-arbeid"),
    ("Een jongere vertelt over een 'vriend' die alles voor haar betaalt. Is dit een signaal?", "mensenhandel-seksueel"),
    ("Een cliënt moet een deel van zijn loon afstaan aan de man die het werk regelde.", "mensenhandel-arbeid"),
    ("Een leerling heeft ineens dure spullen en zegt klusjes te doen. Waar let ik op?", "mensenhandel-crimineel"),
]
KORT_DAGEN = (3, 6, 9, 12, 15, 18, 24, 33, 38, 41, 45, 50, 54, 58)


def _kort(users, af, fenomenen) -> None:
    melders = [users[n] for n in ("wonen", "sociaalteam", "melder2") if n in users]
    if not melders:
        return
    for i, dagen in enumerate(KORT_DAGEN):
        situatie, fenomeen = KORT[i % len(KORT)]
        adviesvraag = services.adviesvraag_stellen(
            actor=melders[i % len(melders)], situatie=situatie, vraag="", fenomeen=fenomenen.get(fenomeen)
        )
        gesteld = timezone.now() - datetime.timedelta(days=dagen, hours=3)
        velden = {"gesteld_op": gesteld}
        if af and dagen > 4:
            services.adviesvraag_beantwoorden(
                actor=af,
                adviesvraag=adviesvraag,
                antwoord="Twijfel is genoeg: maak er een signaal van. De wegwijzer noemt wat je kunt vragen.",
                wegwijzer=fenomenen.get(fenomeen),
            )
            velden["beantwoord_op"] = gesteld + datetime.timedelta(hours=6)
        Adviesvraag.objects.filter(pk=adviesvraag.pk).update(**velden)


def seed(stdout) -> None:
    if Adviesvraag.objects.exists():
        return
    users = {u.username: u for u in User.objects.all()}
    af = users.get("aandachtsfunctionaris")
    fenomenen = {f.code: f for f in Fenomeen.objects.filter(actief=True)}
    from schakelpunt.ui.demo import verhaal_signaal

    for melder, dagen, situatie, vraag, fenomeen, antwoord, wegwijzer, signaal_key in VRAGEN:
        if melder not in users:
            continue
        adviesvraag = services.adviesvraag_stellen(
            actor=users[melder], situatie=situatie, vraag=vraag, fenomeen=fenomenen.get(fenomeen)
        )
        gesteld = timezone.now() - datetime.timedelta(days=dagen, hours=2)
        velden = {"gesteld_op": gesteld}
        if antwoord and af:
            services.adviesvraag_beantwoorden(
                actor=af, adviesvraag=adviesvraag, antwoord=antwoord, wegwijzer=fenomenen.get(wegwijzer)
            )
            velden["beantwoord_op"] = gesteld + datetime.timedelta(hours=5)
        signaal = verhaal_signaal(signaal_key) if signaal_key else None
        if signaal is not None:
            velden.update(status=Adviesvraag.Status.SIGNAAL, signaal=signaal, gelezen_op=velden["beantwoord_op"])
        Adviesvraag.objects.filter(pk=adviesvraag.pk).update(**velden)
    _kort(users, af, fenomenen)
    stdout.write(f"Adviesvragen: {Adviesvraag.objects.count()} synthetische vragen.")
