"""Permission matrix rows for the beheer screens."""

from schakelpunt.testing.matrix import page


def _gebruiker(persona):
    return {"pk": persona("melder").pk}


def _voorstel(persona):
    from schakelpunt.beheer.models import RolVoorstel

    voorstel = RolVoorstel.objects.filter(status="open").first() or RolVoorstel.objects.create(
        user=persona("melder"), rol="aandachtsfunctionaris", reden="Vervanging", voorgesteld_door=persona(None)
    )
    return {"pk": voorstel.pk}


def _afdeling(persona):
    from schakelpunt.accounts.models import Afdeling

    return {"pk": Afdeling.objects.get_or_create(naam="Lege afdeling")[0].pk}


MATRIX = {
    "beheer:gebruiker_nieuw": page("beheerder"),
    "beheer:gebruiker": page("beheerder", kwargs=_gebruiker),
    "beheer:rol_geven": page("beheerder", ok=302, method="POST", data={"rol": "deelnemer"}, kwargs=_gebruiker),
    "beheer:rol_intrekken": page(
        "beheerder", ok=302, method="POST", kwargs=lambda p: {"pk": p("melder").pk, "rol": "melder"}
    ),
    "beheer:voorstel_besluiten": page(
        "beheerder", ok=302, method="POST", data={"besluit": "goedkeuren"}, kwargs=_voorstel
    ),
    "beheer:afdelingen": page("beheerder"),
    "beheer:afdeling": page("beheerder", ok=302, method="POST", data={"naam": "Nieuwe naam"}, kwargs=_afdeling),
}
