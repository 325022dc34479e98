"""Destruction by list: on time, complete (rows and files), nothing else, holds honoured, interruption-proof."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from schakelpunt.audit.models import AuditRecord
from schakelpunt.audit.verify import verify_chain
from schakelpunt.privacy import retention, services
from schakelpunt.privacy.models import Bewaartermijn, LijstItem, Vernietigingslijst
from schakelpunt.signalen import services as signalen_services
from schakelpunt.signalen.models import Betrokkene, Bijlage, Concept, Signaal
from schakelpunt.subjecten.models import BetrokkeneKoppeling, Persoon

pytestmark = pytest.mark.django_db
OUD = timezone.now() - datetime.timedelta(days=800)


def _meld(persona, naam, *, afgesloten=OUD, bestand=False):
    signaal = signalen_services.signaal_create(
        actor=persona("melder"),
        omschrijving="Zorgen over deze persoon.",
        betrokkenen=[
            {
                "rol": "betrokkene",
                "voornamen": naam,
                "geslachtsnaam": "Testpersoon",
                "geboortejaar": 1980,
                "geboortemaand": 4,
                "geboortedag": 12,
                "postcode": "1234AB",
                "huisnummer": 7,
            }
        ],
    )
    if bestand:
        b = Bijlage(
            signaal=signaal,
            oorspronkelijke_naam="n.txt",
            content_type="text/plain",
            grootte=3,
            toegevoegd_door=persona("melder"),
        )
        b.bestand.save("n.txt", ContentFile(b"abc"), save=True)
    if afgesloten is not None:
        Signaal.objects.filter(pk=signaal.pk).update(is_open=False, afgesloten_op=afgesloten, status="afgesloten")
    return signaal


def _persoon(signaal):
    return BetrokkeneKoppeling.objects.get(signaal=signaal).persoon


def _goedgekeurd(persona):
    lijst = services.lijst_voorstellen()
    return services.lijst_goedkeuren(actor=persona("privacyfunctionaris"), lijst=lijst, versie=lijst.versie)


def test_only_what_expired_is_proposed(persona):
    oud = _meld(persona, "Oud")
    _meld(persona, "Recent", afgesloten=timezone.now() - datetime.timedelta(days=10))
    _meld(persona, "Open", afgesloten=None)
    lijst = services.lijst_voorstellen()
    assert [(i.object_type, i.object_id) for i in lijst.items.all()] == [("signaal", oud.pk)]
    assert services.lijst_voorstellen() is None  # not proposed twice


def test_destruction_removes_rows_files_and_orphan_persons_and_nothing_else(persona, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    oud = _meld(persona, "Weg", bestand=True)
    pad = Bijlage.objects.get(signaal=oud).bestand.path
    blijft = _meld(persona, "Blijft", afgesloten=None)
    weg_persoon, blijft_persoon = _persoon(oud), _persoon(blijft)
    lijst = _goedgekeurd(persona)
    verslag = services.lijst_uitvoeren(lijst=lijst)
    assert not Signaal.objects.filter(pk=oud.pk).exists()
    assert not Betrokkene.objects.filter(signaal_id=oud.pk).exists()
    assert not Bijlage.objects.filter(signaal_id=oud.pk).exists()
    import os

    assert not os.path.exists(pad)
    assert not Persoon.objects.filter(pk=weg_persoon.pk).exists()
    assert Signaal.objects.filter(pk=blijft.pk).exists() and Persoon.objects.filter(pk=blijft_persoon.pk).exists()
    assert verslag.aantallen == {"signaal_zonder_vervolg": 1} and lijst.pk == verslag.lijst_id
    assert verify_chain().ok


def test_a_person_known_from_another_signal_stays(persona):
    oud = _meld(persona, "Gedeeld")
    ander = _meld(persona, "Gedeeld", afgesloten=None)
    assert _persoon(oud) == _persoon(ander)
    services.lijst_uitvoeren(lijst=_goedgekeurd(persona))
    assert Persoon.objects.filter(pk=_persoon(ander).pk).exists()


def test_nothing_is_destroyed_before_approval(persona):
    _meld(persona, "Wacht")
    lijst = services.lijst_voorstellen()
    with pytest.raises(ValidationError):
        services.lijst_uitvoeren(lijst=lijst)
    call_command("vernietigingslijst_uitvoeren")
    assert Signaal.objects.count() == 1


def test_holds_on_a_signal_or_a_person_stop_proposal_and_execution(persona):
    a = _meld(persona, "Anna")
    b = _meld(persona, "Bert")
    services.blokkade_create(
        actor=persona("privacyfunctionaris"),
        reden="Lopend onderzoek",
        beoordelen_op=datetime.date(2099, 1, 1),
        signaal=a,
    )
    lijst = services.lijst_voorstellen()
    assert [i.object_id for i in lijst.items.all()] == [b.pk]
    lijst = services.lijst_goedkeuren(actor=persona("privacyfunctionaris"), lijst=lijst, versie=lijst.versie)
    # A hold placed after approval still wins.
    services.blokkade_create(
        actor=persona("privacyfunctionaris"),
        reden="Inzageverzoek loopt",
        beoordelen_op=datetime.date(2099, 1, 1),
        persoon=_persoon(b),
    )
    verslag = services.lijst_uitvoeren(lijst=lijst)
    assert Signaal.objects.filter(pk__in=[a.pk, b.pk]).count() == 2
    assert verslag.uitgezonderd == 1 and verslag.aantallen == {}


def test_an_excepted_item_is_kept_with_its_reason(persona):
    _meld(persona, "Uitzondering")
    lijst = services.lijst_voorstellen()
    item = lijst.items.get()
    with pytest.raises(ValidationError):
        services.item_uitzonderen(actor=persona("privacyfunctionaris"), item=item, reden=" ")
    services.item_uitzonderen(actor=persona("privacyfunctionaris"), item=item, reden="Nodig voor bezwaarprocedure")
    lijst = services.lijst_goedkeuren(actor=persona("privacyfunctionaris"), lijst=lijst, versie=lijst.versie)
    services.lijst_uitvoeren(lijst=lijst)
    assert Signaal.objects.count() == 1


def test_destruction_killed_halfway_is_finished_by_a_rerun(persona, monkeypatch):
    for naam in ("Een", "Twee", "Drie"):
        _meld(persona, naam)
    lijst = _goedgekeurd(persona)
    echte = retention.vernietig
    calls = {"n": 0}

    def stopt_bij_twee(object_type, object_id):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt  # the process is killed
        return echte(object_type, object_id)

    monkeypatch.setattr(retention, "vernietig", stopt_bij_twee)
    with pytest.raises(KeyboardInterrupt):
        services.lijst_uitvoeren(lijst=lijst)
    assert Signaal.objects.count() == 2 and not hasattr(Vernietigingslijst.objects.get(pk=lijst.pk), "verslag")
    monkeypatch.setattr(retention, "vernietig", echte)
    call_command("vernietigingslijst_uitvoeren")
    lijst.refresh_from_db()
    assert Signaal.objects.count() == 0 and lijst.status == Vernietigingslijst.Status.UITGEVOERD
    assert lijst.verslag.aantallen == {"signaal_zonder_vervolg": 3}
    assert (
        AuditRecord.objects.filter(actie="verwijderen", object_type="signaal").values("object_id").distinct().count()
        == 3
    )
    assert verify_chain().ok


def test_old_drafts_are_destroyed(persona):
    Concept.objects.create(user=persona("melder"), data={"omschrijving": "half"})
    Concept.objects.update(bijgewerkt_op=timezone.now() - datetime.timedelta(days=60))
    services.lijst_uitvoeren(lijst=_goedgekeurd(persona))
    assert not Concept.objects.exists()


def test_a_record_without_a_start_date_is_listed_not_kept_silently(persona):
    s = _meld(persona, "Zonderdatum", afgesloten=None)
    Signaal.objects.filter(pk=s.pk).update(is_open=False, afgesloten_op=None)
    assert [o.object_id for o in retention.onberekenbaar()] == [s.pk]


@override_settings(VERNIETIGING_TWEE_BEOORDELAARS=True)
def test_four_eyes_when_configured(persona, make_user):
    _meld(persona, "Vieroog")
    lijst = services.lijst_voorstellen()
    pf = persona("privacyfunctionaris")
    lijst = services.lijst_goedkeuren(actor=pf, lijst=lijst, versie=lijst.versie)
    assert lijst.status == Vernietigingslijst.Status.TER_BEOORDELING
    with pytest.raises(ValidationError):
        services.lijst_goedkeuren(actor=pf, lijst=lijst, versie=lijst.versie)
    tweede = make_user("privacyfunctionaris")
    lijst = services.lijst_goedkeuren(actor=tweede, lijst=lijst, versie=lijst.versie)
    assert lijst.status == Vernietigingslijst.Status.GOEDGEKEURD


def test_the_retention_period_is_configurable_and_changes_what_expires(persona):
    s = _meld(persona, "Kort", afgesloten=timezone.now() - datetime.timedelta(days=100))
    assert retention.kandidaten(timezone.localdate()) == []
    termijn = Bewaartermijn.objects.get(soort="signaal_zonder_vervolg")
    services.bewaartermijn_update(
        actor=persona("beheerder"),
        termijn=termijn,
        versie=termijn.versie,
        termijn_dagen=90,
        toelichting="Besluit archivaris",
    )
    assert [k.object_id for k in retention.kandidaten(timezone.localdate())] == [s.pk]
    with pytest.raises(services.ConflictError):
        services.bewaartermijn_update(
            actor=persona("beheerder"), termijn=termijn, versie=termijn.versie, termijn_dagen=30, toelichting=""
        )


def test_a_melder_cannot_review_lists(persona):
    from django.core.exceptions import PermissionDenied

    _meld(persona, "Niet")
    lijst = services.lijst_voorstellen()
    with pytest.raises(PermissionDenied):
        services.lijst_goedkeuren(actor=persona("melder"), lijst=lijst, versie=lijst.versie)
    assert LijstItem.objects.filter(vernietigd_op__isnull=False).count() == 0


def test_the_expiry_date_is_counted_from_the_local_day(persona):
    """Closed at 00:30 on 1 March in Amsterdam (still 28 February in UTC): it expires a year after 1 March,
    the same day the list first proposes it."""
    from zoneinfo import ZoneInfo

    afgesloten = datetime.datetime(2025, 3, 1, 0, 30, tzinfo=ZoneInfo("Europe/Amsterdam")).astimezone(datetime.UTC)
    s = _meld(persona, "Middernacht", afgesloten=afgesloten)
    termijn = retention._termijn("signaal_zonder_vervolg")
    verwacht = datetime.date(2025, 3, 1) + termijn
    assert [k.object_id for k in retention.kandidaten(verwacht - datetime.timedelta(days=1))] == []
    [kandidaat] = [k for k in retention.kandidaten(verwacht) if k.object_id == s.pk]
    assert kandidaat.vervaldatum == verwacht
