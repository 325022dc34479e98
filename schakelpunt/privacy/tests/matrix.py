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


def _verzoek(persona, soort="inzage"):
    from schakelpunt.privacy.models import Verzoek
    from schakelpunt.subjecten.models import Persoon

    persoon = Persoon.objects.create(voornamen="Matrix", geslachtsnaam="Persoon")
    v = Verzoek.objects.create(
        soort=soort,
        persoon=persoon,
        persoon_key=persoon.log_key,
        ontvangen_op="2026-01-05",
        omschrijving="Verzoek",
        door=persona("privacyfunctionaris"),
    )
    return {"pk": v.pk}


def _beperking(persona):
    from schakelpunt.privacy.models import Verzoek

    kw = _verzoek(persona, soort="beperking")
    Verzoek.objects.filter(pk=kw["pk"]).update(status="afgehandeld", beperking_actief=True)
    return kw


def _inhouding(persona):
    from schakelpunt.privacy.models import Inhouding

    kw = _verzoek(persona)
    i = Inhouding.objects.create(
        verzoek_id=kw["pk"], item="persoon:1", reden="onderzoek", beoordelen_op="2099-01-01", door=persona(PF)
    )
    return {"pk": i.pk}


def _periode(persona):
    from django.utils import timezone

    from schakelpunt.audit.models import AuditPeriode

    nu = timezone.now()
    periode = AuditPeriode(
        eerste_id=1,
        laatste_id=1,
        aantal=1,
        vorige_hash="0" * 64,
        laatste_hash="1" * 64,
        van=nu,
        tot=nu,
        verzegeld_op=nu,
        verzegeld_door="matrix",
        key_id="dev",
    )
    periode.zegel = periode.compute_zegel()
    periode.save()
    return {"pk": periode.pk}


PF = "privacyfunctionaris"
MATRIX = {
    "privacy:toegangslog": page(PF),
    # Without a date: the Dutch message beside the field, status 400.
    "privacy:toegangslog_verzegelen": page(PF, method="POST", ok=400),
    # Within its retention: nothing is destroyed, the page says why (a redirect with the message).
    "privacy:toegangslog_vernietigen": page(PF, method="POST", ok=302, kwargs=_periode),
    "privacy:bewaartermijnen": page("beheerder", PF),
    "privacy:lijsten": page(PF),
    "privacy:lijst": page(PF, kwargs=_lijst),
    "privacy:lijst_goedkeuren": page(PF, method="POST", data={"versie": "1"}, ok=302, kwargs=_lijst),
    # Without a reason: the Dutch message, status 400 (a valid reason redirects; see test_views).
    "privacy:item_uitzonderen": page(PF, method="POST", ok=400, kwargs=_item),
    "privacy:blokkades": page(PF),
    "privacy:blokkade_opheffen": page(PF, method="POST", ok=302, kwargs=_blokkade),
    "privacy:verzoeken": page(PF),
    "privacy:verzoek": page(PF, kwargs=_verzoek),
    # Without a reason or outcome: the Dutch message beside the field, status 400.
    "privacy:verzoek_verlengen": page(PF, method="POST", ok=400, kwargs=_verzoek),
    "privacy:verzoek_namen": page(PF, method="POST", data={"versie": "1"}, ok=302, kwargs=_verzoek),
    "privacy:verzoek_afhandelen": page(PF, method="POST", ok=400, kwargs=_verzoek),
    "privacy:beperking_opheffen": page(PF, method="POST", ok=302, kwargs=_beperking),
    "privacy:inzagerapport": page(PF, kwargs=_verzoek),
    "privacy:inzagerapport_pdf": page(PF, kwargs=_verzoek),
    "privacy:inhouden": page(PF, method="POST", data={"item": "persoon:1"}, ok=400, kwargs=_verzoek),
    "privacy:inhouding_opheffen": page(PF, method="POST", ok=302, kwargs=_inhouding),
}
