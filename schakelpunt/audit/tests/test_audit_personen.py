"""Who looked at this person: the search finds every record that touched the person's data."""

import pytest

from schakelpunt.audit.models import AuditRecord
from schakelpunt.audit.selectors import AuditQuery, audit_record_list
from schakelpunt.signalen import selectors as signalen_selectors
from schakelpunt.signalen import services as signalen_services
from schakelpunt.subjecten import selectors as subjecten_selectors
from schakelpunt.subjecten import services as subjecten_services
from schakelpunt.subjecten.models import BetrokkeneKoppeling

pytestmark = pytest.mark.django_db


@pytest.fixture
def meld(persona):
    def _meld(voornamen, geslachtsnaam, **kw):
        signaal = signalen_services.signaal_create(
            actor=persona("melder"),
            omschrijving="Zorgen.",
            betrokkenen=[{"rol": "betrokkene", "voornamen": voornamen, "geslachtsnaam": geslachtsnaam, **kw}],
        )
        return signaal, BetrokkeneKoppeling.objects.get(signaal=signaal).persoon

    return _meld


def found(persona, persoon):
    records = audit_record_list(user=persona("privacyfunctionaris"), query=AuditQuery(betrokkene=persoon.log_key))
    return [r for r in records if r.actie != "zoeken"]


def test_reads_of_a_signal_are_found_under_the_person(meld, persona):
    # Before: the signal read was logged under betrokkene:N and the search for persoon:M missed it.
    signaal, persoon = meld("Ali", "Yilmaz", geboortejaar=1980)
    af = persona("aandachtsfunctionaris")
    signalen_selectors.signaal_get(user=af, pk=signaal.pk)
    subjecten_selectors.persoon_get(user=af, pk=persoon.pk)
    rows = found(persona, persoon)
    assert {(r.object_type, r.object_id) for r in rows if r.actor_id == af.pk} == {
        ("signaal", str(signaal.pk)),
        ("persoon", str(persoon.pk)),
    }
    # The melder's own record of reporting it is part of the answer as well.
    assert any(r.actor_id == persona("melder").pk and r.actie == "aanmaken" for r in rows)


def test_merged_persons_answer_together(meld, persona):
    af = persona("aandachtsfunctionaris")
    _s1, a = meld("Ali", "Yilmaz", geboortejaar=1980, postcode="1111AA", huisnummer=1)
    s2, b = meld("Mo", "Amrani", geboortejaar=1975, postcode="2222BB", huisnummer=2)
    assert a.pk != b.pk
    subjecten_selectors.persoon_get(user=af, pk=b.pk)
    subjecten_services.personen_samenvoegen(actor=af, bron=b, doel=a, reden="Zelfde persoon volgens Burgerzaken.")
    signalen_selectors.signaal_get(user=af, pk=s2.pk)
    for who in (a, b):
        rows = found(persona, who)
        assert ("persoon", str(b.pk)) in {(r.object_type, r.object_id) for r in rows if r.actie == "lezen"}
        assert ("signaal", str(s2.pk)) in {(r.object_type, r.object_id) for r in rows if r.actor_id == af.pk}


def test_a_split_off_person_finds_the_old_pages_only_until_the_split(meld, persona):
    af = persona("aandachtsfunctionaris")
    s1, p = meld("Ali", "Yilmaz", geboortejaar=1980, bsn="111222333")
    s2, p2 = meld("Ali", "Yilmaz", geboortejaar=1980, bsn="111222333")
    assert p.pk == p2.pk  # linked on the BSN
    subjecten_selectors.persoon_get(user=af, pk=p.pk)
    voor = AuditRecord.objects.order_by("-id").first()
    koppeling = BetrokkeneKoppeling.objects.get(signaal=s2)
    split = subjecten_services.persoon_afsplitsen(
        actor=af, persoon=p, koppelingen=[koppeling], reden="Tweeling, andere persoon."
    )
    subjecten_selectors.persoon_get(user=af, pk=p.pk)
    na = AuditRecord.objects.filter(object_type="persoon", object_id=str(p.pk)).order_by("-id").first()
    rows = {r.id for r in found(persona, split.doel)}
    assert voor.id in rows  # p's page showed the split-off person's signal then
    assert na.id not in rows  # and no longer after the split


def test_a_refusal_carries_the_person_key(meld, persona):
    _signaal, persoon = meld("Ali", "Yilmaz", geboortejaar=1980)
    with pytest.raises(Exception):  # noqa: B017 - 404 for whoever may not see the person
        subjecten_selectors.persoon_get(user=persona("melder"), pk=persoon.pk)
    refused = AuditRecord.objects.get(uitkomst="geweigerd")
    assert refused.betrokkene == persoon.log_key
    assert refused.id in {r.id for r in found(persona, persoon)}


def test_a_refused_signal_read_carries_the_keys_of_its_betrokkenen(meld, persona):
    signaal, persoon = meld("Ali", "Yilmaz", geboortejaar=1980)
    with pytest.raises(Exception):  # noqa: B017
        signalen_selectors.signaal_get(user=persona("casusregisseur"), pk=signaal.pk)
    refused = AuditRecord.objects.filter(uitkomst="geweigerd").get()
    assert refused.betrokkene == f"betrokkene:{signaal.betrokkenen.get().pk}"
    assert refused.id in {r.id for r in found(persona, persoon)}


def test_the_api_logs_showing_the_full_bsn_like_the_page(meld, persona, api_client_as):
    from schakelpunt.subjecten.models import SubjectInzage

    _signaal, persoon = meld("Ali", "Yilmaz", geboortejaar=1980, bsn="111222333")
    deelnemer = persona("deelnemer")
    SubjectInzage.objects.create(
        user=deelnemer, persoon=persoon, reden="Casusoverleg", verleend_door=persona("aandachtsfunctionaris")
    )
    data = api_client_as(deelnemer).get(f"/api/v1/personen/{persoon.pk}").json()
    assert data["bsn"] == "111222333"
    shown = AuditRecord.objects.filter(actor_id=deelnemer.pk, toelichting="BSN getoond")
    assert shown.count() == 1 and shown.get().betrokkene == persoon.log_key
