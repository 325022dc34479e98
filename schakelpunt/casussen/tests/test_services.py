"""Casus services: opening from signals, participants, the phase gate, decisions, conflicts."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from schakelpunt.access.policy import NotFound, decide
from schakelpunt.audit.models import AuditRecord
from schakelpunt.casussen import selectors, services, stappen
from schakelpunt.casussen.constants import BesluitSoort, GebeurtenisSoort, MeldenUitkomst, Partner, PlanStatus
from schakelpunt.casussen.models import CasusSubject, Fase, Gebeurtenis
from schakelpunt.signalen.constants import Status, TriageActie
from schakelpunt.signalen.models import Terugkoppeling
from schakelpunt.signalen.services import signaal_triage

from .conftest import RIA, TIM

pytestmark = pytest.mark.django_db


def fase(code):
    return Fase.objects.get(code=code)


# --- Opening ----------------------------------------------------------------------------------


def test_open_from_signals_takes_subjects_and_tells_the_melder_without_naming_the_casus(af, regisseur, meld):
    s1 = meld()
    s2 = meld("Uitkering: leefstijl past niet bij inkomen.", (TIM, RIA))
    casus = services.casus_open(actor=af, titel="Gezin K.", signalen=[s1, s2], regievoerder=regisseur)
    assert casus.fase.code == "signalen_opvangen"
    assert casus.fase_deadline is not None
    # Tim is one person in the register: one subject, not two.
    assert sorted(s.naam for s in CasusSubject.objects.filter(casus=casus)) == ["Ria Kwakman", "Tim Kwakman"]
    s1.refresh_from_db()
    assert s1.status == Status.IN_BEHANDELING
    laatste = Terugkoppeling.objects.filter(signaal=s1).order_by("-id").first()
    assert laatste.tekst == services.TERUGKOPPELING_IN_CASUS
    assert casus.nummer not in laatste.tekst and "Gezin" not in laatste.tekst


def test_only_the_aandachtsfunctionaris_opens_a_casus(regisseur, meld):
    with pytest.raises(PermissionDenied):
        services.casus_open(actor=regisseur, titel="X", signalen=[meld()])


def test_a_closed_signal_joins_only_with_a_reason_and_is_reopened(af, casus, meld):
    signaal = meld()
    signaal_triage(
        actor=af, signaal=signaal, actie=TriageActie.AFSLUITEN, rationale="Niets", terugkoppeling="Dank",
        afsluitreden="geen_vervolg",
    )  # fmt: skip
    with pytest.raises(ValidationError) as exc:
        services.casus_signaal_toevoegen(actor=af, casus=casus, signaal=signaal)
    assert "heropen_reden" in exc.value.message_dict
    services.casus_signaal_toevoegen(
        actor=af, casus=casus, signaal=signaal, heropen_reden="Past nu in het beeld van het gezin."
    )
    signaal.refresh_from_db()
    assert signaal.status == Status.IN_BEHANDELING and signaal.is_open and signaal.afgesloten_op is None
    assert Gebeurtenis.objects.filter(casus=casus, soort=GebeurtenisSoort.SIGNAAL, tekst__contains="heropend").exists()


# --- Need to know -------------------------------------------------------------------------------


def test_participant_sees_only_their_casus_and_loses_access_when_removed(af, regisseur, deelnemer, meld):
    a = services.casus_open(actor=af, titel="A", signalen=[meld()], regievoerder=regisseur)
    b = services.casus_open(actor=af, titel="B", signalen=[meld()], regievoerder=regisseur)
    rij = services.deelnemer_toevoegen(actor=regisseur, casus=a, user=deelnemer)
    assert selectors.casus_get(user=deelnemer, pk=a.pk) == a
    with pytest.raises(NotFound):
        selectors.casus_get(user=deelnemer, pk=b.pk)
    assert [c.pk for c in selectors.casus_list(user=deelnemer).items] == [a.pk]
    services.deelnemer_verwijderen(actor=regisseur, casus=a, deelnemer=rij, reden="Niet meer betrokken")
    with pytest.raises(NotFound):
        selectors.casus_get(user=deelnemer, pk=a.pk)
    assert selectors.casus_list(user=deelnemer).items == []


def test_participant_cannot_invite_and_uninvited_regisseur_sees_nothing(casus_met_deelnemer, deelnemer, make_user):
    andere = make_user("casusregisseur")
    with pytest.raises(PermissionDenied):
        services.deelnemer_toevoegen(actor=deelnemer, casus=casus_met_deelnemer, user=andere)
    assert not decide(andere, "casus.view", casus_met_deelnemer)


def test_casus_view_is_logged_per_person_concerned(casus, regisseur):
    before = AuditRecord.objects.order_by("-id").first().id
    selectors.casus_get(user=regisseur, pk=casus.pk)
    rows = AuditRecord.objects.filter(id__gt=before, object_type="casus")
    assert {r.doel for r in rows} == {"Behandelen van een casus"}
    assert set(rows.values_list("betrokkene", flat=True)) == set(services.casus_log_keys(casus.pk))
    assert len(services.casus_log_keys(casus.pk)) >= 2  # the person and the betrokkene as reported


# --- The phase gate -------------------------------------------------------------------------------


def test_step_one_has_no_gate_but_step_two_does(casus, regisseur, af):
    services.casus_fase_wijzigen(actor=regisseur, casus=casus, naar=fase("uitvraag_quickscan"), versie=casus.versie)
    with pytest.raises(ValidationError) as exc:
        services.casus_fase_wijzigen(actor=regisseur, casus=casus, naar=fase("plan_van_aanpak"), versie=casus.versie)
    assert "Quickscan" in exc.value.message_dict["naar"][0]
    # The casusregisseur may not override; the aandachtsfunctionaris may, with a reason.
    with pytest.raises(PermissionDenied):
        services.casus_fase_wijzigen(
            actor=regisseur, casus=casus, naar=fase("plan_van_aanpak"), versie=casus.versie,
            reden="Spoed: kind niet veilig", doorbreken=True,
        )  # fmt: skip
    with pytest.raises(ValidationError):
        services.casus_fase_wijzigen(
            actor=af, casus=casus, naar=fase("plan_van_aanpak"), versie=casus.versie, doorbreken=True
        )
    services.casus_fase_wijzigen(
        actor=af, casus=casus, naar=fase("plan_van_aanpak"), versie=casus.versie,
        reden="Spoed: het kind is niet veilig, plan nu maken.", doorbreken=True,
    )  # fmt: skip
    assert casus.fase.code == "plan_van_aanpak"
    assert Gebeurtenis.objects.filter(casus=casus, tekst__contains="poort doorbroken: Spoed").exists()


def test_no_uitvoering_without_an_approved_plan(casus, regisseur):
    services.casus_fase_wijzigen(actor=regisseur, casus=casus, naar=fase("uitvraag_quickscan"), versie=None)
    stappen.quickscan_opslaan(
        actor=regisseur, casus=casus, versie=0, probleemdefinitie="Kind mogelijk uitgebuit.", probleemeigenaar="ZVH"
    )
    services.besluit_vastleggen(
        actor=regisseur, casus=casus, soort=BesluitSoort.REGIE, overwegingen="Kent het gezin", besluit="",
        regie_user=regisseur,
    )  # fmt: skip
    services.besluit_vastleggen(
        actor=regisseur, casus=casus, soort=BesluitSoort.MELDEN, overwegingen="Eerst beeld compleet", besluit="",
        melden=MeldenUitkomst.NOG_NIET, geldig_tot=timezone.localdate() + datetime.timedelta(days=14),
    )  # fmt: skip
    services.casus_fase_wijzigen(actor=regisseur, casus=casus, naar=fase("plan_van_aanpak"), versie=None)
    plan = stappen.plan_opslaan(actor=regisseur, casus=casus, versie=0, doelen="Kind veilig naar school.")
    with pytest.raises(ValidationError):
        services.casus_fase_wijzigen(actor=regisseur, casus=casus, naar=fase("uitvoering"), versie=None)
    stappen.plan_goedkeuren(actor=regisseur, casus=casus, plan=plan)
    services.casus_fase_wijzigen(actor=regisseur, casus=casus, naar=fase("uitvoering"), versie=None)
    assert casus.fase.code == "uitvoering"


def test_a_transition_outside_the_table_is_refused(casus, regisseur):
    with pytest.raises(ValidationError):
        services.casus_fase_wijzigen(actor=regisseur, casus=casus, naar=fase("evaluatie"), versie=None)


# --- Conflicts ------------------------------------------------------------------------------------


def test_two_editors_never_overwrite_each_other(casus, regisseur, af):
    gezien = casus.versie
    services.casus_bijwerken(actor=af, casus=casus, versie=gezien, titel="Titel van de een")
    with pytest.raises(services.ConflictError):
        services.casus_bijwerken(actor=regisseur, casus=casus, versie=gezien, titel="Titel van de ander")
    casus.refresh_from_db()
    assert casus.titel == "Titel van de een"


def test_plan_concept_edits_conflict_on_the_revision(casus, regisseur, af):
    plan = stappen.plan_opslaan(actor=regisseur, casus=casus, versie=0, doelen="Eerste opzet")
    stappen.plan_opslaan(actor=af, casus=casus, versie=plan.versie, revisie=plan.revisie, doelen="Aanvulling AF")
    with pytest.raises(services.ConflictError):
        stappen.plan_opslaan(actor=regisseur, casus=casus, versie=plan.versie, revisie=plan.revisie, doelen="Oud")


def test_approved_plan_is_kept_and_a_new_version_is_a_concept(casus, regisseur):
    v1 = stappen.plan_opslaan(actor=regisseur, casus=casus, versie=0, doelen="Doel 1")
    stappen.plan_goedkeuren(actor=regisseur, casus=casus, plan=v1)
    v2 = stappen.plan_opslaan(actor=regisseur, casus=casus, versie=1, doelen="Doel 1 en 2")
    assert (v2.versie, v2.status) == (2, PlanStatus.CONCEPT)
    stappen.plan_goedkeuren(actor=regisseur, casus=casus, plan=v2)
    v1.refresh_from_db()
    assert v1.status == PlanStatus.VERVANGEN and v1.doelen == "Doel 1"


# --- Decisions ------------------------------------------------------------------------------------


def test_melden_decisions_ask_what_each_answer_needs(casus, regisseur):
    with pytest.raises(ValidationError) as exc:
        services.besluit_vastleggen(
            actor=regisseur, casus=casus, soort=BesluitSoort.MELDEN, overwegingen="x", besluit="", melden="ja"
        )
    assert "melden_partner" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.besluit_vastleggen(
            actor=regisseur, casus=casus, soort=BesluitSoort.MELDEN, overwegingen="x", besluit="", melden="nog_niet"
        )
    assert "geldig_tot" in exc.value.message_dict
    besluit = services.besluit_vastleggen(
        actor=regisseur, casus=casus, soort=BesluitSoort.MELDEN, overwegingen="Signalen van uitbuiting",
        besluit="", melden="ja", melden_partner=Partner.RIEC,
    )  # fmt: skip
    assert besluit.besluit == "Ja, melden: aan RIEC" and besluit.vraag == "Gaan we melden?"


def test_regie_is_a_person_or_a_partner_not_both(casus, regisseur):
    with pytest.raises(ValidationError):
        services.besluit_vastleggen(
            actor=regisseur, casus=casus, soort=BesluitSoort.REGIE, overwegingen="x", besluit="",
            regie_user=regisseur, regie_partner=Partner.ZVH,
        )  # fmt: skip
    b = services.besluit_vastleggen(
        actor=regisseur, casus=casus, soort=BesluitSoort.REGIE, overwegingen="ZVH heeft procesregie",
        besluit="", regie_partner=Partner.ZVH,
    )  # fmt: skip
    assert b.besluit == "Regie bij Zorg- en Veiligheidshuis"


def test_participant_cannot_decide(casus_met_deelnemer, deelnemer):
    with pytest.raises(PermissionDenied):
        services.besluit_vastleggen(
            actor=deelnemer, casus=casus_met_deelnemer, soort="overig", vraag="?", overwegingen="x", besluit="y"
        )


# --- Monitoring alert -----------------------------------------------------------------------------


def test_new_signal_about_a_monitored_subject_alerts_regie_and_meldpunt(casus, regisseur, af, meld):
    from schakelpunt.notificaties.models import Notificatie

    casus.fase = fase("monitoring")
    casus.save()
    meld("Tim weer gezien bij de snackbar 's nachts.", (TIM,))
    assert Notificatie.objects.filter(ontvanger=regisseur, onderwerp__contains=casus.nummer).exists()
    assert Notificatie.objects.filter(ontvanger=af, onderwerp__contains=casus.nummer).exists()
    assert Gebeurtenis.objects.filter(casus=casus, soort=GebeurtenisSoort.SIGNAAL_NA_AFSCHALEN).exists()


def test_new_signal_about_a_subject_of_a_running_casus_does_not_alert(casus, regisseur, meld):
    from schakelpunt.notificaties.models import Notificatie

    meld("Tim weer gezien.", (TIM,))
    assert not Notificatie.objects.filter(ontvanger=regisseur, onderwerp__contains="Nieuw signaal").exists()


def test_reminders_for_overdue_actions_and_ended_monitoring(casus, regisseur, deelnemer, af):
    from django.core.management import call_command

    from schakelpunt.casussen.models import Monitoring
    from schakelpunt.notificaties.models import Notificatie

    services.deelnemer_toevoegen(actor=af, casus=casus, user=deelnemer)
    gisteren = timezone.localdate() - datetime.timedelta(days=1)
    stappen.actie_toevoegen(actor=regisseur, casus=casus, titel="Huisbezoek", eigenaar=deelnemer, deadline=gisteren)
    casus.fase = fase("monitoring")
    casus.save()
    Monitoring.objects.create(casus=casus, door=deelnemer, tot=gisteren, opschalen_als="Nieuw verzuim")
    call_command("casussen_herinneringen")
    assert Notificatie.objects.filter(ontvanger=deelnemer, onderwerp__startswith="Actie over de deadline").count() == 1
    assert Notificatie.objects.filter(ontvanger=regisseur, onderwerp__contains="is afgelopen").count() == 1
    call_command("casussen_herinneringen")  # at most once a day / once per period
    assert Notificatie.objects.filter(ontvanger=deelnemer, onderwerp__startswith="Actie over de deadline").count() == 1
    assert Notificatie.objects.filter(ontvanger=regisseur, onderwerp__contains="is afgelopen").count() == 1


def _net_na_middernacht():
    """00:30 on 1 December in Amsterdam: still 30 November in UTC."""
    from zoneinfo import ZoneInfo

    # In UTC, as timezone.now() gives it.
    return datetime.datetime(2026, 12, 1, 0, 30, tzinfo=ZoneInfo("Europe/Amsterdam")).astimezone(datetime.UTC)


def test_a_deadline_of_yesterday_is_overdue_just_after_local_midnight(casus, regisseur, deelnemer, af):
    """'Today' is the municipality's day, not UTC's: between 00:00 and 01:00/02:00 local time the
    UTC date is still yesterday, and a deadline of yesterday was not yet seen as passed."""
    from unittest import mock

    from schakelpunt.casussen.models import Monitoring
    from schakelpunt.casussen.selectors import casus_pagina
    from schakelpunt.notificaties.models import Notificatie

    nu = _net_na_middernacht()
    gisteren = datetime.date(2026, 11, 30)
    services.deelnemer_toevoegen(actor=af, casus=casus, user=deelnemer)
    stappen.actie_toevoegen(actor=regisseur, casus=casus, titel="Huisbezoek", eigenaar=deelnemer, deadline=gisteren)
    casus.fase = fase("monitoring")
    casus.save()
    Monitoring.objects.create(casus=casus, door=deelnemer, tot=datetime.date(2026, 12, 1), opschalen_als="Verzuim")

    assert stappen.acties_herinneringen(now=nu) == 1
    assert Notificatie.objects.filter(ontvanger=deelnemer, onderwerp__startswith="Actie over de deadline").count() == 1
    assert stappen.monitoring_herinneringen(now=nu) == 1  # the period ends today, local time
    with mock.patch("django.utils.timezone.now", return_value=nu):
        pagina = casus_pagina(user=regisseur, casus=casus)
    assert [a.te_laat for a in pagina.acties] == [True]
