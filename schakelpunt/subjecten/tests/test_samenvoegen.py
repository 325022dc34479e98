"""Merges and splits: reversible, recorded with who and why, and never losing a signal."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from schakelpunt.audit.models import AuditRecord
from schakelpunt.subjecten import services
from schakelpunt.subjecten.models import (
    Adres,
    BetrokkeneKoppeling,
    MogelijkeMatch,
    Persoon,
    Relatie,
    RelatieSoort,
    SamenloopAlert,
    Samenvoeging,
    SubjectInzage,
)

from .conftest import persoon

pytestmark = pytest.mark.django_db


def signalen_per_persoon() -> dict[int, set[int]]:
    result: dict[int, set[int]] = {}
    for persoon_id, signaal_id in BetrokkeneKoppeling.objects.values_list("persoon_id", "signaal_id"):
        result.setdefault(persoon_id, set()).add(signaal_id)
    return result


@pytest.fixture
def twee_personen(meld):
    """Two persons (no automatic link), each with two signals, a relation and a grant."""
    geboren = {"geboortejaar": 1988, "geboortemaand": 2, "geboortedag": 3}
    s1 = meld(persoon(voornamen="Ali", geslachtsnaam="Yilmaz", **geboren, postcode="1111AA", huisnummer=1))
    s2 = meld(persoon(voornamen="Ali", geslachtsnaam="Yilmaz", **geboren), afdeling="Jeugd")
    s3 = meld(persoon(voornamen="Aly", geslachtsnaam="Yilmas", geboortejaar=1988, postcode="2222BB", huisnummer=2))
    a = BetrokkeneKoppeling.objects.get(signaal=s1).persoon
    b = BetrokkeneKoppeling.objects.get(signaal=s3).persoon
    assert a != b and BetrokkeneKoppeling.objects.get(signaal=s2).persoon == a
    assert MogelijkeMatch.objects.get().kandidaat == a
    return a, b


def test_merge_and_split_lose_no_signal(af, twee_personen, make_user):
    a, b = twee_personen
    deelnemer = make_user("deelnemer")
    SubjectInzage.objects.create(user=deelnemer, persoon=a, reden="casus")
    voor = signalen_per_persoon()
    alle_signalen = set().union(*voor.values())

    record = services.personen_samenvoegen(actor=af, bron=a, doel=b, reden="Zelfde persoon: BRP bevestigt.")
    a.refresh_from_db()
    assert a.samengevoegd_in == b and not a.actief
    na_samenvoegen = signalen_per_persoon()
    assert na_samenvoegen == {b.pk: alle_signalen}
    assert Relatie.objects.filter(van_persoon=b, soort=RelatieSoort.WOONT_OP).count() == 2
    assert SubjectInzage.objects.get(user=deelnemer).persoon == b
    assert (record.door, record.reden, record.soort) == (af, "Zelfde persoon: BRP bevestigt.", "samenvoegen")
    assert set(record.verplaatst["koppelingen"]) == set(
        BetrokkeneKoppeling.objects.filter(signaal__in=voor[a.pk]).values_list("pk", flat=True)
    )

    terug = services.samenvoeging_ongedaan_maken(actor=af, samenvoeging=record, reden="Toch twee personen.")
    a.refresh_from_db()
    record.refresh_from_db()
    assert a.actief and record.ongedaan_gemaakt_door == terug
    assert terug.soort == "afsplitsen" and terug.reden == "Toch twee personen."
    assert signalen_per_persoon() == voor
    assert SubjectInzage.objects.get(user=deelnemer).persoon == a
    assert Relatie.objects.filter(van_persoon=a).count() == 1
    assert MogelijkeMatch.objects.get().status == "afgewezen"
    with pytest.raises(ValidationError):
        services.samenvoeging_ongedaan_maken(actor=af, samenvoeging=record, reden="nog eens")
    # Both directions are in the access log, with who did it.
    entries = AuditRecord.objects.filter(actor_id=af.pk, object_type="persoon", actie="wijzigen")
    assert {f"persoon:{a.pk}", f"persoon:{b.pk}"} <= set(entries.values_list("betrokkene", flat=True))


def test_a_signal_linked_after_the_merge_stays_with_the_survivor(af, twee_personen, meld):
    a, b = twee_personen
    record = services.personen_samenvoegen(actor=af, bron=a, doel=b, reden="zelfde")
    later = meld(persoon(voornamen="Aly", geslachtsnaam="Yilmas", geboortejaar=1988, postcode="2222BB", huisnummer=2))
    assert BetrokkeneKoppeling.objects.get(signaal=later).persoon == b
    services.samenvoeging_ongedaan_maken(actor=af, samenvoeging=record, reden="toch niet")
    assert BetrokkeneKoppeling.objects.get(signaal=later).persoon == b


def test_split_off_and_undo_the_split(af, twee_personen):
    a, _b = twee_personen
    koppelingen = list(BetrokkeneKoppeling.objects.filter(persoon=a).order_by("pk"))
    record = services.persoon_afsplitsen(
        actor=af, persoon=a, koppelingen=koppelingen[1:], reden="Het tweede signaal gaat over een neef."
    )
    nieuw = record.doel
    assert nieuw != a and nieuw.actief
    assert set(BetrokkeneKoppeling.objects.filter(persoon=nieuw)) == set(koppelingen[1:])
    assert set(BetrokkeneKoppeling.objects.filter(persoon=a)) == {koppelingen[0]}
    assert Samenvoeging.objects.filter(soort="afsplitsen", bron=a, doel=nieuw, door=af).exists()

    terug = services.samenvoeging_ongedaan_maken(actor=af, samenvoeging=record, reden="Toch dezelfde.")
    nieuw.refresh_from_db()
    assert terug.soort == "samenvoegen" and nieuw.samengevoegd_in == a
    assert set(BetrokkeneKoppeling.objects.filter(persoon=a)) == set(koppelingen)


def test_undo_in_the_wrong_order_is_refused(af, meld):
    personen = [
        BetrokkeneKoppeling.objects.get(signaal=meld(persoon(voornamen=n, geslachtsnaam="Smit"))).persoon
        for n in ("Anna", "Bea", "Cor")
    ]
    eerste = services.personen_samenvoegen(actor=af, bron=personen[0], doel=personen[1], reden="a")
    services.personen_samenvoegen(actor=af, bron=personen[1], doel=personen[2], reden="b")
    with pytest.raises(ValidationError):
        services.samenvoeging_ongedaan_maken(actor=af, samenvoeging=eerste, reden="c")


def test_merge_needs_a_reason_and_the_meldpunt(af, persona, twee_personen):
    a, b = twee_personen
    with pytest.raises(ValidationError):
        services.personen_samenvoegen(actor=af, bron=a, doel=b, reden="  ")
    for role in ("melder", "deelnemer", "casusregisseur"):
        with pytest.raises(PermissionDenied):
            services.personen_samenvoegen(actor=persona(role), bron=a, doel=b, reden="zelfde")
    with pytest.raises(ValidationError):
        services.personen_samenvoegen(actor=af, bron=a, doel=a, reden="zelfde")
    assert Persoon.objects.filter(samengevoegd_in__isnull=False).count() == 0


def test_confirming_a_mogelijke_match_merges(af, twee_personen):
    match = MogelijkeMatch.objects.get()
    services.mogelijke_match_bevestigen(actor=af, match=match, rationale="Zelfde BSN in het dossier.")
    match.refresh_from_db()
    assert match.status == "bevestigd" and match.beoordeeld_door == af and match.samenvoeging
    assert match.rationale == "Zelfde BSN in het dossier."
    assert not match.persoon.__class__.objects.get(pk=match.persoon_id).actief
    with pytest.raises(ValidationError):
        services.mogelijke_match_afwijzen(actor=af, match=match, rationale="toch niet")


def test_rejecting_a_mogelijke_match_keeps_two_persons(af, twee_personen):
    match = MogelijkeMatch.objects.get()
    with pytest.raises(ValidationError):
        services.mogelijke_match_afwijzen(actor=af, match=match, rationale="")
    services.mogelijke_match_afwijzen(actor=af, match=match, rationale="Andere geboortedatum volgens de school.")
    match.refresh_from_db()
    assert match.status == "afgewezen" and match.samenvoeging is None
    assert Persoon.objects.filter(samengevoegd_in__isnull=True).count() == 2


def test_merging_closes_the_alert_of_the_merged_person_and_recomputes(af, meld):
    a = BetrokkeneKoppeling.objects.get(signaal=meld(persoon(voornamen="Eva", geslachtsnaam="Bos"), afdeling="A"))
    b = BetrokkeneKoppeling.objects.get(signaal=meld(persoon(voornamen="Eef", geslachtsnaam="Bos"), afdeling="B"))
    assert not SamenloopAlert.objects.exists()
    record = services.personen_samenvoegen(actor=af, bron=a.persoon, doel=b.persoon, reden="zelfde")
    alert = SamenloopAlert.objects.get(status="open")
    assert alert.persoon == b.persoon and alert.aantal_afdelingen == 2
    services.samenvoeging_ongedaan_maken(actor=af, samenvoeging=record, reden="toch niet")
    assert not SamenloopAlert.objects.filter(status="open").exists()


def test_a_merged_person_gets_no_new_relations_or_grants(af, twee_personen, make_user, client_as):
    a, b = twee_personen
    services.personen_samenvoegen(actor=af, bron=a, doel=b, reden="Zelfde persoon.")
    a.refresh_from_db()
    with pytest.raises(ValidationError) as exc:
        services.relatie_create(actor=af, soort=RelatieSoort.FAMILIE, van=a, naar=b)
    assert f"samengevoegd met persoon {b.pk}" in exc.value.message_dict["van"][0]
    with pytest.raises(ValidationError) as exc:
        services.relatie_create(actor=af, soort=RelatieSoort.FAMILIE, van=b, naar=a)
    assert "naar" in exc.value.message_dict
    with pytest.raises(ValidationError):
        services.subject_inzage_verlenen(actor=af, user=make_user(), persoon=a, reden="Casusoverleg.")
    # Also not by posting the form to the merged person's page, which does not show it.
    adres = Adres.objects.create(sleutel="NL|1234AB|1||", postcode="1234AB", huisnummer=1)
    response = client_as("aandachtsfunctionaris").post(
        reverse("subjecten:persoon_relatie", args=[a.pk]),
        {"relatie-soort": RelatieSoort.WOONT_OP, "relatie-richting": "van", "relatie-subject": f"adres:{adres.pk}"},
    )
    assert response.status_code == 400
    assert not Relatie.objects.filter(van_persoon=a, soort=RelatieSoort.FAMILIE).exists()
    assert not Relatie.objects.filter(van_persoon=a, naar_adres=adres).exists()
    assert not SubjectInzage.objects.filter(persoon=a).exists()
