"""The selectors the subject page builds on: persoon_get, persoon_signalen, persoon_netwerk, samenloop_hit."""

import datetime

import pytest
from django.http import Http404
from django.utils import timezone

from schakelpunt.signalen.models import Signaal
from schakelpunt.subjecten import selectors, services
from schakelpunt.subjecten.models import BetrokkeneKoppeling, RelatieSoort, SubjectInzage

from .conftest import BSN_A, persoon

pytestmark = pytest.mark.django_db


def test_persoon_signalen_newest_first_with_the_persons_role(af, meld):
    eerste = meld({**persoon(bsn=BSN_A), "rol": "mogelijk_slachtoffer"}, afdeling="A")
    tweede = meld(persoon(bsn=BSN_A), persoon(voornamen="Kees", geslachtsnaam="Kist"), afdeling="B")
    p = BetrokkeneKoppeling.objects.filter(signaal=eerste).get().persoon
    signalen = selectors.persoon_signalen(user=af, persoon=p)
    assert signalen == [tweede, eerste]
    assert signalen[1].rollen == ["mogelijk_slachtoffer"]
    assert signalen[0].rollen == ["betrokkene"]


def test_persoon_get_of_a_merged_person_shows_where_it_went(af, meld):
    a = BetrokkeneKoppeling.objects.get(signaal=meld(persoon(voornamen="Eva", geslachtsnaam="Bos"))).persoon
    b = BetrokkeneKoppeling.objects.get(signaal=meld(persoon(voornamen="Eef", geslachtsnaam="Bos"))).persoon
    services.personen_samenvoegen(actor=af, bron=a, doel=b, reden="zelfde")
    opgehaald = selectors.persoon_get(user=af, pk=a.pk)
    assert not opgehaald.actief and opgehaald.samengevoegd_in == b
    with pytest.raises(Http404):
        selectors.persoon_get(user=af, pk=999999)


def test_network_hops_and_relation_details(af, meld):
    def p(naam, jaar):
        return BetrokkeneKoppeling.objects.get(
            signaal=meld(persoon(voornamen=naam, geslachtsnaam="Kowalski", geboortejaar=jaar))
        ).persoon

    opa, vader, kind = p("Jan", 1940), p("Piet", 1970), p("Kim", 2005)
    services.relatie_create(actor=af, soort=RelatieSoort.OUDER, van=opa, naar=vader)
    services.relatie_create(
        actor=af, soort=RelatieSoort.OUDER, van=vader, naar=kind, geldig_van=datetime.date(2005, 1, 1)
    )
    een = selectors.persoon_netwerk(user=af, persoon=kind)
    assert {k.pk for k in een.knopen} == {kind.pk, vader.pk}
    assert [k for k in een.knopen if k.start][0].pk == kind.pk
    assert een.verbindingen[0].label == "ouder van" and een.verbindingen[0].geldig_van == datetime.date(2005, 1, 1)
    twee = selectors.persoon_netwerk(user=af, persoon=kind, hops=2)
    assert {k.pk for k in twee.knopen} == {kind.pk, vader.pk, opa.pk}
    nul = selectors.persoon_netwerk(user=af, persoon=kind, hops=0)
    assert [k.pk for k in nul.knopen] == [kind.pk] and not nul.verbindingen


def test_relatie_create_checks_its_input(af, meld):
    from django.core.exceptions import ValidationError

    k = BetrokkeneKoppeling.objects.get(signaal=meld(persoon(postcode="1234AB", huisnummer=1)))
    with pytest.raises(ValidationError):
        services.relatie_create(actor=af, soort=RelatieSoort.OUDER, van=k.persoon, naar=k.adres)
    with pytest.raises(ValidationError):
        services.relatie_create(actor=af, soort=RelatieSoort.PARTNER, van=k.persoon, naar=k.persoon)
    with pytest.raises(ValidationError):
        services.relatie_create(
            actor=af,
            soort=RelatieSoort.WOONT_OP,
            van=k.persoon,
            naar=k.adres,
            geldig_van=datetime.date(2024, 1, 1),
            geldig_tot=datetime.date(2023, 1, 1),
        )


def test_hit_text_and_month(af, persona, meld):
    signaal = meld(persoon(bsn=BSN_A), afdeling="Jeugd")
    # 00:30 on 1 March in Amsterdam, still February in UTC: the month is the local one.
    Signaal.objects.filter(pk=signaal.pk).update(
        ontvangen_op=timezone.make_aware(datetime.datetime(2025, 3, 1, 0, 30)).astimezone(datetime.UTC)
    )
    p = BetrokkeneKoppeling.objects.get(signaal=signaal).persoon
    deelnemer = persona("deelnemer")
    SubjectInzage.objects.create(user=deelnemer, persoon=p, reden="casus")
    assert (
        selectors.samenloop_hit(user=deelnemer, persoon=p).tekst == "Ook bekend bij 1 andere afdeling sinds maart 2025."
    )
    assert selectors.SamenloopHit(0, None).tekst == "Niet bekend bij andere afdelingen."
    with pytest.raises(Http404):
        selectors.samenloop_hit(user=persona("melder"), persoon=p)
