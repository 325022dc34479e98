"""Services: report, triage, aanvullen, drafts and reminders; the wrong role is refused."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from schakelpunt.audit.models import AuditRecord
from schakelpunt.notificaties.models import Notificatie
from schakelpunt.signalen import services
from schakelpunt.signalen.constants import Status, TriageActie
from schakelpunt.signalen.models import Concept, Signaal, Terugkoppeling
from schakelpunt.signalen.tests.conftest import GELDIG_BSN, ONGELDIG_BSN
from schakelpunt.signalen.tests.factories import SignaalFactory

PERSOON = {
    "rol": "mogelijk_slachtoffer",
    "voornamen": "Eva",
    "geslachtsnaam": "Proef",
    "geboortejaar": 1999,
    "geboortedatum_geschat": True,
}


def _create(actor, **kwargs):
    kwargs.setdefault("omschrijving", "Veel mensen op één adres.")
    return services.signaal_create(actor=actor, **kwargs)


def test_create_stores_betrokkenen_and_logs_one_entry_per_person(melder, indicator, fenomeen):
    signaal = _create(
        melder,
        indicatoren=[indicator],
        fenomenen=[fenomeen],
        betrokkenen=[
            PERSOON,
            {"rol": "betrokkene", "postcode": "1234 ab", "huisnummer": 5, "woonplaats": "Proefdorp"},
            {"rol": "betrokkene", "kenteken": "xx-99-xx"},
            {"rol": "betrokkene"},  # an empty one is skipped
        ],
    )
    assert signaal.melder == melder and signaal.status == Status.NIEUW and signaal.afdeling == melder.afdeling
    soorten = list(signaal.betrokkenen.values_list("soort", flat=True))
    assert soorten == ["persoon", "adres", "voertuig"]
    assert signaal.betrokkenen.get(soort="adres").postcode == "1234AB"
    entries = AuditRecord.objects.filter(object_type="signaal", object_id=str(signaal.pk), actie="aanmaken")
    assert sorted(entries.values_list("betrokkene", flat=True)) == sorted(
        f"betrokkene:{pk}" for pk in signaal.betrokkenen.values_list("pk", flat=True)
    )
    # The melder gets an acknowledgement at once.
    assert Terugkoppeling.objects.filter(signaal=signaal).count() == 1


def test_create_refuses_wrong_role(persona):
    with pytest.raises(PermissionDenied):
        _create(persona("deelnemer"))
    assert not Signaal.objects.exists()
    assert AuditRecord.objects.filter(uitkomst="geweigerd").exists()


def test_invalid_bsn_is_refused(melder):
    with pytest.raises(ValidationError) as exc:
        _create(melder, betrokkenen=[{**PERSOON, "bsn": ONGELDIG_BSN}])
    assert "bsn" in exc.value.message_dict
    signaal = _create(melder, betrokkenen=[{**PERSOON, "bsn": GELDIG_BSN}])
    assert signaal.betrokkenen.get().bsn == GELDIG_BSN


def test_inactive_indicator_is_not_offered_on_new_signals(melder, indicator):
    indicator.actief = False
    indicator.save()
    with pytest.raises(ValidationError):
        _create(melder, indicatoren=[indicator])


def test_acute_signal_alerts_every_aandachtsfunctionaris(melder, af, make_user, django_capture_on_commit_callbacks):
    tweede = make_user("aandachtsfunctionaris", username="af2")
    with django_capture_on_commit_callbacks(execute=True):
        signaal = _create(melder, acuut_gevaar=True)
    assert set(Notificatie.objects.values_list("ontvanger", flat=True)) == {af.pk, tweede.pk}
    assert len(mail.outbox) == 2
    assert signaal.nummer in mail.outbox[0].subject
    assert "Proef" not in mail.outbox[0].body  # no personal data in the mail


def test_create_deletes_the_draft(melder):
    services.concept_save(actor=melder, data={"omschrijving": ["half"]})
    _create(melder)
    assert not Concept.objects.filter(user=melder).exists()


def test_idempotent_create_returns_the_first_signal(melder):
    first, created = services.signaal_create_idempotent(actor=melder, key="k1", request_hash="h", omschrijving="x")
    again, created_again = services.signaal_create_idempotent(
        actor=melder, key="k1", request_hash="h", omschrijving="x"
    )
    assert created and not created_again and first == again
    assert Signaal.objects.count() == 1
    with pytest.raises(services.IdempotencyKeyReused):
        services.signaal_create_idempotent(actor=melder, key="k1", request_hash="other", omschrijving="y")


def _triage(actor, signaal, actie=TriageActie.IN_BEHANDELING, **kwargs):
    kwargs.setdefault("rationale", "Past in het beeld van de wijk.")
    kwargs.setdefault("terugkoppeling", services.sjabloon(actie, kwargs.get("afsluitreden", "")) or "Bericht")
    return services.signaal_triage(actor=actor, signaal=signaal, actie=actie, **kwargs)


def test_triage_keeps_rationale_sends_terugkoppeling_and_notifies_melder(
    af, melder, django_capture_on_commit_callbacks
):
    signaal = SignaalFactory(melder=melder)
    with django_capture_on_commit_callbacks(execute=True):
        stap = _triage(af, signaal, TriageActie.MEER_INFORMATIE, vraag="Hoe vaak zag je dit?")
    signaal.refresh_from_db()
    assert signaal.status == Status.MEER_INFORMATIE and signaal.versie == 2
    assert stap.rationale == "Past in het beeld van de wijk." and stap.van_status == Status.NIEUW
    assert signaal.terugkoppelingen.get().triagestap == stap
    assert Notificatie.objects.get().ontvanger == melder
    assert mail.outbox and mail.outbox[0].to == [melder.email]


def test_triage_requires_a_rationale_and_a_reason_to_close(af):
    signaal = SignaalFactory()
    with pytest.raises(ValidationError) as exc:
        _triage(af, signaal, TriageActie.AFSLUITEN, rationale="", afsluitreden="")
    assert {"rationale", "afsluitreden"} <= set(exc.value.message_dict)


def test_close_then_no_more_triage(af):
    signaal = SignaalFactory()
    _triage(af, signaal, TriageActie.AFSLUITEN, afsluitreden="geen_vervolg")
    signaal.refresh_from_db()
    assert signaal.status == Status.AFGESLOTEN and not signaal.is_open and signaal.afgesloten_op
    with pytest.raises(ValidationError):
        _triage(af, signaal, TriageActie.IN_BEHANDELING)


def test_escalation_marks_urgent_and_notifies_chosen_colleagues(af, make_user):
    regisseur = make_user("casusregisseur", username="regie")
    signaal = SignaalFactory()
    stap = _triage(af, signaal, TriageActie.OPSCHALEN, collegas=[regisseur])
    signaal.refresh_from_db()
    assert signaal.urgent and signaal.prioriteit >= 4
    assert list(stap.genotificeerd.all()) == [regisseur]
    assert Notificatie.objects.filter(ontvanger=regisseur).exists()


def test_escalation_refuses_colleagues_outside_the_meldpunt(af, persona):
    with pytest.raises(ValidationError):
        _triage(af, SignaalFactory(), TriageActie.OPSCHALEN, collegas=[persona("bestuur")])


def test_triage_refuses_the_melder(melder):
    with pytest.raises(PermissionDenied):
        _triage(melder, SignaalFactory(melder=melder))


def test_triage_detects_a_concurrent_change(af):
    signaal = SignaalFactory()
    _triage(af, signaal, versie=1)
    with pytest.raises(services.ConflictError):
        _triage(af, signaal, TriageActie.OPSCHALEN, versie=1)


def test_answer_puts_the_signal_back_with_the_meldpunt(af, melder):
    signaal = SignaalFactory(melder=melder)
    _triage(af, signaal, TriageActie.MEER_INFORMATIE, vraag="Wanneer?")
    aanvulling = services.signaal_aanvullen(actor=melder, signaal=signaal, tekst="Elke dinsdag.")
    signaal.refresh_from_db()
    assert aanvulling.is_antwoord and signaal.status == Status.IN_BEHANDELING
    assert Notificatie.objects.filter(ontvanger=af, onderwerp__startswith="Antwoord").exists()


def test_another_melder_cannot_add_to_a_signal(melder, andere_melder):
    with pytest.raises(PermissionDenied):
        services.signaal_aanvullen(actor=andere_melder, signaal=SignaalFactory(melder=melder), tekst="x")


def test_reminder_for_signals_waiting_longer_than_the_term(af, settings, django_capture_on_commit_callbacks):
    settings.SIGNAAL_TERMIJN_WERKDAGEN = 2
    oud = SignaalFactory()
    vers = SignaalFactory()
    Signaal.objects.filter(pk=oud.pk).update(ontvangen_op=timezone.now() - datetime.timedelta(days=6))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.herinneringen_versturen() == 1
    notice = Notificatie.objects.get(ontvanger=af)
    assert oud.nummer in notice.tekst and vers.nummer not in notice.tekst
    assert len(mail.outbox) == 1
    # Not again within a day.
    assert services.herinneringen_versturen() == 0


def test_reminder_command(af, capsys):
    from django.core.management import call_command

    call_command("signalen_herinneringen")
    assert "Geen signalen" in capsys.readouterr().out


def test_create_enforces_the_betrokkenen_limit_for_every_caller(melder, settings):
    """The form allows SIGNAAL_BETROKKENEN_MAX; the service itself refuses more, so the API cannot."""
    settings.SIGNAAL_BETROKKENEN_MAX = 3
    te_veel = [{"rol": "betrokkene", "kenteken": f"XX-{n:02d}-XX"} for n in range(4)]
    with pytest.raises(ValidationError) as exc:
        _create(melder, betrokkenen=te_veel)
    assert "Hoogstens 3 betrokkenen" in exc.value.message_dict["betrokkenen"][0]
    assert not Signaal.objects.exists()
    assert _create(melder, betrokkenen=te_veel[:3]).betrokkenen.count() == 3


def test_create_enforces_the_attachment_and_text_limits(melder, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.SIGNAAL_BIJLAGEN_MAX = 1
    files = [SimpleUploadedFile(f"{n}.pdf", b"%PDF-1.7 x") for n in range(2)]
    with pytest.raises(ValidationError) as exc:
        _create(melder, bijlagen=files)
    assert "bijlagen" in exc.value.message_dict
    settings.SIGNAAL_OMSCHRIJVING_MAX = 10
    with pytest.raises(ValidationError) as exc:
        _create(melder, omschrijving="x" * 11)
    assert "omschrijving" in exc.value.message_dict
    assert not Signaal.objects.exists()


def test_aanvulling_enforces_the_attachment_limit(melder, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    signaal = _create(melder)
    settings.SIGNAAL_BIJLAGEN_MAX = 1
    files = [SimpleUploadedFile(f"{n}.pdf", b"%PDF-1.7 x") for n in range(2)]
    with pytest.raises(ValidationError):
        services.signaal_aanvullen(actor=melder, signaal=signaal, tekst="Nog iets.", bijlagen=files)
    assert not signaal.aanvullingen.exists()
