"""Permission matrix rows for privacybeheer."""

from schakelpunt.testing.matrix import page


def _lijst(persona):
    from schakelpunt.privacy.models import LijstItem, Vernietigingslijst

    lijst = Vernietigingslijst.objects.create(peildatum="2026-12-31")
    LijstItem.objects.create(
        lijst=lijst, soort="concept", object_type="concept", object_id=1, label="Concept 1", vervaldatum="2026-12-01"
    )
    return {"pk": lijst.pk}


def _item(persona):
    from schakelpunt.privacy.models import LijstItem

    return {"pk": LijstItem.objects.get(lijst_id=_lijst(persona)["pk"]).pk}


def _blokkade(persona):
    from schakelpunt.privacy.models import Bewaarblokkade
    from schakelpunt.signalen.tests.factories import SignaalFactory

    b = Bewaarblokkade.objects.create(
        reden="onderzoek", beoordelen_op="2099-01-01", signaal=SignaalFactory(), door=persona("privacyfunctionaris")
    )
    return {"pk": b.pk}


PF = "privacyfunctionaris"
MATRIX = {
    "privacy:bewaartermijnen": page("beheerder", PF),
    "privacy:lijsten": page(PF),
    "privacy:lijst": page(PF, kwargs=_lijst),
    "privacy:lijst_goedkeuren": page(PF, method="POST", data={"versie": "1"}, ok=302, kwargs=_lijst),
    # Without a reason: the Dutch message, status 400 (a valid reason redirects; see test_views).
    "privacy:item_uitzonderen": page(PF, method="POST", ok=400, kwargs=_item),
    "privacy:blokkades": page(PF),
    "privacy:blokkade_opheffen": page(PF, method="POST", ok=302, kwargs=_blokkade),
}
