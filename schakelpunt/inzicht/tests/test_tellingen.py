"""Pre-aggregated counts (tellingen.py, ADR 0018): kept right by every write, and the figures they give
are the figures the one-row-per-signal computation gives — suppression included."""

import datetime
import random
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone

from schakelpunt.accounts.models import Afdeling
from schakelpunt.inzicht import selectors, tellingen
from schakelpunt.inzicht.grid import Kwartaal
from schakelpunt.inzicht.models import FenomeenTelling, PersoonTelling, SignaalTelling
from schakelpunt.privacy import retention
from schakelpunt.signalen import services as signalen_services
from schakelpunt.signalen.models import Betrokkene, Signaal, Terugkoppeling, TriageStap
from schakelpunt.subjecten.models import BetrokkeneKoppeling, Persoon
from schakelpunt.taxonomie.models import Fenomeen

pytestmark = pytest.mark.django_db


def _moment(dag: datetime.date, uur: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(dag, datetime.time(uur)))


def _stored() -> tuple[list, list, list]:
    s = SignaalTelling.objects.filter(aantal__gt=0)
    f = FenomeenTelling.objects.filter(aantal__gt=0)
    return (
        sorted(s.values_list("maand", "afdeling_pk", "triage", "terugkoppeling", "aantal")),
        sorted(f.values_list("maand", "fenomeen_pk", "aantal")),
        sorted(PersoonTelling.objects.values_list("maand", "persoon_pk", "aantal")),
    )


def _same_figures(kwartaal: Kwartaal) -> None:
    assert selectors.figuren_kwartaal(kwartaal) == selectors.figuren_kwartaal(kwartaal, live=True)


@pytest.fixture
def kwartaal():
    return Kwartaal.van(timezone.localdate()).vorige()


def test_services_keep_the_counts_right_as_signals_arrive_are_triaged_and_destroyed(kwartaal, persona):
    melder, af = persona("melder"), persona("aandachtsfunctionaris")
    hoofd = list(Fenomeen.objects.filter(parent__isnull=True, actief=True).order_by("naam")[:2])
    sub = Fenomeen.objects.filter(parent__isnull=False, actief=True).first()
    maandag = kwartaal.begin + datetime.timedelta(days=(7 - kwartaal.begin.weekday()) % 7)
    signalen = []
    with mock.patch("django.utils.timezone.now", return_value=_moment(maandag)):
        for i in range(14):
            fenomenen = [hoofd[i % 2]] + ([sub] if sub and i % 3 == 0 else [])
            betrokkenen = [{"rol": "betrokkene", "voornamen": f"Persoon{i % 5}", "geslachtsnaam": "Bench"}]
            signalen.append(
                signalen_services.signaal_create(
                    actor=melder, omschrijving="Iets", fenomenen=fenomenen, betrokkenen=betrokkenen
                )
            )
    assert SignaalTelling.objects.get().aantal == 14  # one cell: this month, this afdeling, not yet triaged
    for dagen, groep in ((1, signalen[:8]), (9, signalen[8:11])):  # within the term, and late
        with mock.patch("django.utils.timezone.now", return_value=_moment(maandag + datetime.timedelta(days=dagen))):
            for signaal in groep:
                signalen_services.signaal_triage(
                    actor=af, signaal=signaal, actie="in_behandeling", rationale="r", terugkoppeling="t"
                )
    retention.vernietig("signaal", signalen[0].pk)
    retention.vernietig("signaal", signalen[9].pk)
    banden = dict(SignaalTelling.objects.filter(aantal__gt=0).values_list("triage", "aantal"))
    assert banden == {tellingen.BINNEN: 7, tellingen.NA: 2, tellingen.NOG_NIET: 3}
    # What the writes left is what a rebuild from the source gives, and the figures agree with the live path.
    na_writes = _stored()
    call_command("inzicht_tellingen", stdout=mock.MagicMock())
    assert _stored() == na_writes
    _same_figures(kwartaal)


def test_a_first_terugkoppeling_from_a_casus_moves_the_count(kwartaal, persona):
    """A signal without terugkoppeling that gets one when taken into a casus (casussen.services)."""
    from schakelpunt.signalen.hertellen import hertellen

    signaal = signalen_services.signaal_create(actor=persona("melder"), omschrijving="Iets")
    Terugkoppeling.objects.filter(signaal=signaal).delete()
    tellingen.opbouwen()
    assert SignaalTelling.objects.get().terugkoppeling == tellingen.NOG_NIET
    with hertellen([signaal.pk]):
        Terugkoppeling.objects.create(signaal=signaal, tekst="In een casus")
    assert SignaalTelling.objects.get(aantal=1).terugkoppeling == tellingen.BINNEN


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_generated_data_gives_the_same_suppressed_figures_both_ways(seed, kwartaal, persona):
    """Random signals over two quarters — afdelingen, fenomenen and sub-fenomenen, triage and
    terugkoppeling early, late or not at all — written directly, then counted by a rebuild."""
    rng = random.Random(seed)
    melder = persona("melder")
    afdelingen = [None, *Afdeling.objects.all()[:3]]
    fenomenen = list(Fenomeen.objects.all())
    huidig = Kwartaal.van(timezone.localdate())
    dagen = (timezone.localdate() - kwartaal.begin).days
    personen = [Persoon.objects.create(geslachtsnaam=f"P{i}") for i in range(rng.randint(1, 8))]
    for _ in range(rng.randint(20, 120)):
        ontvangen = _moment(kwartaal.begin + datetime.timedelta(days=rng.randint(0, dagen)), rng.randint(0, 23))
        afdeling = rng.choice(afdelingen)
        s = Signaal.objects.create(melder=melder, afdeling=afdeling, omschrijving="x")
        Signaal.objects.filter(pk=s.pk).update(ontvangen_op=ontvangen)
        s.fenomenen.set(rng.sample(fenomenen, rng.choice([0, 1, 1, 2])))
        for _ in range(rng.choice([0, 1, 1, 2])):  # the same few persons again and again
            b = Betrokkene.objects.create(signaal=s, voornamen="x")
            BetrokkeneKoppeling.objects.create(betrokkene=b, signaal=s, persoon=rng.choice(personen))
        for model, veld in ((TriageStap, "tijdstip"), (Terugkoppeling, "verzonden_op")):
            if rng.random() < 0.7:
                if model is TriageStap:
                    row = TriageStap.objects.create(
                        signaal=s, actie="in_behandeling", rationale="r", van_status="nieuw",
                        naar_status="in_behandeling", door=melder,
                    )  # fmt: skip
                else:
                    row = Terugkoppeling.objects.create(signaal=s, tekst="t")
                na = datetime.timedelta(days=rng.choice([0, 1, 2, 3, 5, 12]), hours=rng.randint(0, 8))
                model.objects.filter(pk=row.pk).update(**{veld: ontvangen + na})
    tellingen.opbouwen()
    for k in (kwartaal, huidig):
        _same_figures(k)
    # The data had small cells: the equality covers suppression, not only raw numbers.
    figuren = selectors.figuren_kwartaal(kwartaal) + selectors.figuren_kwartaal(huidig)
    assert any(f.tabel.onderdrukt for f in figuren)


def test_distinct_persons_follow_registration_merge_and_undo(kwartaal, persona):
    """Two signals about two persons the register keeps apart; merged, the month has one person."""
    from schakelpunt.subjecten.services import personen_samenvoegen, samenvoeging_ongedaan_maken

    melder = persona("melder")
    for naam, jaar in (("Karim", 1990), ("Sanne", 1985)):
        signalen_services.signaal_create(
            actor=melder,
            omschrijving="Zorgen.",
            betrokkenen=[{"rol": "betrokkene", "voornamen": naam, "geslachtsnaam": "Bench", "geboortejaar": jaar}],
        )
    huidig = Kwartaal.van(timezone.localdate())

    def personen() -> list:
        return selectors.personen_per_maand(huidig).tabel.cellen[0]

    assert PersoonTelling.objects.count() == 2
    personen_ids = sorted(set(BetrokkeneKoppeling.objects.values_list("persoon_id", flat=True)))
    bron, doel = Persoon.objects.get(pk=personen_ids[0]), Persoon.objects.get(pk=personen_ids[1])
    record = personen_samenvoegen(actor=persona("aandachtsfunctionaris"), bron=bron, doel=doel, reden="zelfde")
    assert list(PersoonTelling.objects.values_list("persoon_pk", "aantal")) == [(doel.pk, 2)]
    _same_figures(huidig)
    samenvoeging_ongedaan_maken(actor=persona("aandachtsfunctionaris"), samenvoeging=record, reden="toch niet")
    assert sorted(PersoonTelling.objects.values_list("persoon_pk", flat=True)) == personen_ids
    _same_figures(huidig)
    assert personen() == selectors.personen_per_maand(huidig, live=True).tabel.cellen[0]


def test_linking_betrokkenen_later_counts_their_persons(persona):
    """`manage.py betrokkenen_koppelen` resolves betrokkenen saved without a subject: the month gains them."""
    from schakelpunt.signalen.tests.factories import BetrokkeneFactory, SignaalFactory

    s = SignaalFactory(melder=persona("melder"))
    BetrokkeneFactory(signaal=s, voornamen="Later", geslachtsnaam="Gekoppeld", geboortejaar=1990)
    tellingen.opbouwen()
    assert not PersoonTelling.objects.exists()
    call_command("betrokkenen_koppelen", stdout=mock.MagicMock())
    assert PersoonTelling.objects.count() == 1
    _same_figures(Kwartaal.van(timezone.localdate()))


def test_the_first_migrate_with_the_count_tables_counts_the_signals_already_there(kwartaal, persona):
    from django.apps import apps
    from django.db.models.signals import post_migrate

    signaal = signalen_services.signaal_create(actor=persona("melder"), omschrijving="Iets")
    geteld = _stored()
    for model in (SignaalTelling, FenomeenTelling, PersoonTelling):
        model.objects.all().delete()  # as before the tables existed
    post_migrate.send(sender=apps.get_app_config("inzicht"), app_config=apps.get_app_config("inzicht"), using="default")
    assert _stored() == geteld and SignaalTelling.objects.get().aantal == 1
    # A database that has its counts is left alone (no rebuild on every migrate).
    with mock.patch.object(tellingen, "opbouwen") as opbouwen:
        post_migrate.send(
            sender=apps.get_app_config("inzicht"), app_config=apps.get_app_config("inzicht"), using="default"
        )
    opbouwen.assert_not_called()
    assert signaal.pk
