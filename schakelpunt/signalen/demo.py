"""Synthetic demo signals (demo mode only): a few reports in different states, no real persons."""

from django.contrib.auth import get_user_model

from schakelpunt.signalen import services
from schakelpunt.signalen.models import Signaal
from schakelpunt.taxonomie.models import Fenomeen, Indicator

DEMO = [
    # melder, omschrijving, acuut, minderjarigen, fenomeen codes, betrokkenen (indicators: the first two active)
    (
        "melder",
        "Bij een huisbezoek woonden er minstens acht volwassenen in een kleine woning. De man die opendeed "
        "sprak namens iedereen en hield de paspoorten bij zich.",
        False,
        False,
        ["mensenhandel-arbeid"],
        [
            {
                "rol": "mogelijk_slachtoffer",
                "voornamen": "Jan",
                "geslachtsnaam": "Voorbeeld",
                "geboortejaar": 1990,
                "geboortedatum_geschat": True,
                "postcode": "1234AB",
                "huisnummer": 1,
                "woonplaats": "Voorbeeldstad",
            }
        ],
    ),
    (
        "melder2",
        "Een leerling van 14 verzuimt veel, heeft steeds nieuwe dure spullen en wordt na school opgehaald door "
        "oudere jongens in een auto.",
        True,
        True,
        [],
        [
            {"rol": "mogelijk_slachtoffer", "voornamen": "Kim", "geslachtsnaam": "Testpersoon", "geboortejaar": 2011},
            {"rol": "betrokkene", "kenteken": "XX-99-XX"},
        ],
    ),
    (
        "melder",
        "Uitkeringsgerechtigde vertelt tegenstrijdige verhalen over werk; leefstijl past niet bij het inkomen.",
        False,
        False,
        ["uitkeringsfraude"],
        [],
    ),
]


def seed(stdout) -> None:
    users = get_user_model().objects.in_bulk([d[0] for d in DEMO], field_name="username")
    if Signaal.objects.exists():
        # The story of ui/demo.py came first: add only the stated relation and the escalation.
        from schakelpunt.signalen.models import BetrokkeneRelatie

        if not BetrokkeneRelatie.objects.exists():
            seed_werkplek(users, stdout)
        return
    actieve_indicatoren = list(Indicator.objects.filter(actief=True)[:2])
    for username, tekst, acuut, minderjarig, fenomenen, betrokkenen in DEMO:
        melder = users.get(username)
        if melder is None:
            continue
        services.signaal_create(
            actor=melder,
            omschrijving=tekst,
            acuut_gevaar=acuut,
            minderjarigen_betrokken=minderjarig,
            fenomenen=Fenomeen.objects.filter(code__in=fenomenen, actief=True),
            indicatoren=actieve_indicatoren,
            betrokkenen=betrokkenen,
        )
    seed_werkplek(users, stdout)
    stdout.write(f"Signalen: {Signaal.objects.count()} synthetische demosignalen aangemaakt.")


def seed_werkplek(users: dict, stdout) -> None:
    """A child and a parent at one address, their relation stated by the melder, escalated to the
    casusregisseur (who may now read it, until the meldpunt takes that back)."""
    melder, af = users.get("melder2"), get_user_model().objects.filter(username="aandachtsfunctionaris").first()
    regisseur = get_user_model().objects.filter(username="casusregisseur").first()
    if melder is None:
        return
    adres = {"postcode": "1234AB", "huisnummer": 7, "woonplaats": "Voorbeeldstad"}
    signaal = services.signaal_create(
        actor=melder,
        omschrijving="Leerling van 12 is al drie weken niet op school. Vader zegt dat ze ziek is, maar buren zien "
        "haar overdag met volwassenen in een bestelbus stappen.",
        minderjarigen_betrokken=True,
        indicatoren=Indicator.objects.filter(actief=True)[:2],
        betrokkenen=[
            {"rol": "mogelijk_slachtoffer", "voornamen": "Noor", "geslachtsnaam": "Proefkind", "geboortejaar": 2014}
            | adres,
            {"rol": "betrokkene", "voornamen": "Karel", "geslachtsnaam": "Proefkind", "geboortejaar": 1979} | adres,
        ],
        relaties=[(1, "ouder", 0)],
    )
    if af is not None and regisseur is not None:
        services.signaal_triage(
            actor=af,
            signaal=signaal,
            actie="opschalen",
            rationale="Mogelijk criminele uitbuiting van een kind; niet wachten op het casusoverleg.",
            terugkoppeling=services.sjabloon("opschalen"),
            collegas=[regisseur],
            versie=signaal.versie,
        )
