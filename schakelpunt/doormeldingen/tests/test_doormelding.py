"""Doormelding: exactly what was selected, never the melder without consent, a complete register, safe links."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from pypdf import PdfReader

from schakelpunt.audit.models import AuditRecord
from schakelpunt.doormeldingen import document, services
from schakelpunt.doormeldingen.models import Downloadlink, Herstelmelding, Verstrekking
from schakelpunt.notificaties.models import Notificatie
from schakelpunt.signalen.models import Signaal

pytestmark = pytest.mark.django_db


def _pdf_text(data: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def _versturen(persona, d, kanaal="downloadlink"):
    return services.doormelding_versturen(
        actor=persona("aandachtsfunctionaris"), doormelding=d, kanaal=kanaal, versie=d.versie
    )


def test_a_referral_contains_only_what_was_selected(persona, opstellen, persoon, signaal):
    d = opstellen(personen={str(persoon.pk): ["naam"]}, signalen={str(signaal.pk): ["fenomenen"]})
    d, _token, _code = _versturen(persona, d)
    as_json = document.canoniek(d.document).decode()
    as_pdf = _pdf_text(document.pdf(d.document))
    for text in (as_json, as_pdf):
        assert "Lina Perrono" in text
        assert "111222333" not in text and "1234AB" not in text and "2011" not in text
        assert "GEHEIME OMSCHRIJVING" not in text
        assert "Melder Testpersona" not in text and persona("melder").afdeling.naam not in text
    assert "TLP:AMBER+STRICT" in as_pdf and "TLP:AMBER+STRICT" in as_json


def test_the_melder_is_never_included_without_consent(persona, opstellen, signaal):
    with pytest.raises(ValidationError) as info:
        opstellen(signalen={str(signaal.pk): ["datum", "melder"]})
    assert "toestemming" in str(info.value)


def test_with_consent_only_the_melders_name_goes(persona, opstellen, signaal):
    Signaal.objects.filter(pk=signaal.pk).update(identiteit_delen=True)
    d = opstellen(signalen={str(signaal.pk): ["melder"]})
    inhoud = document.opstellen(d)
    assert inhoud["signalen"][0]["melder"] == persona("melder").display_name()
    assert persona("melder").afdeling.naam not in document.canoniek(inhoud).decode()


def test_attachments_go_under_a_neutral_name(persona, opstellen, signaal, settings, tmp_path):
    from django.core.files.base import ContentFile

    from schakelpunt.signalen.models import Bijlage

    settings.MEDIA_ROOT = tmp_path
    b = Bijlage(
        signaal=signaal,
        oorspronkelijke_naam="verslag-van-Melder-Testpersona.txt",
        content_type="text/plain",
        grootte=3,
        toegevoegd_door=persona("melder"),
    )
    b.bestand.save("x.txt", ContentFile(b"abc"), save=True)
    d = opstellen(signalen={str(signaal.pk): ["datum"]}, bijlagen=[b.pk])
    text = document.canoniek(document.opstellen(d)).decode()
    assert "S1-bijlage-1" in text and "Melder" not in text and "verslag-van" not in text


def test_a_selection_outside_the_source_is_refused(persona, opstellen, make_user):
    from schakelpunt.subjecten.models import Persoon

    vreemd = Persoon.objects.create(voornamen="Vreemd", geslachtsnaam="Ander")
    with pytest.raises(ValidationError):
        opstellen(personen={str(vreemd.pk): ["naam", "bsn"]})
    with pytest.raises(ValidationError):
        opstellen()  # nothing selected


def test_marking_and_legal_basis_follow_the_partner(opstellen, persoon, partner):
    with pytest.raises(ValidationError) as info:
        opstellen(personen={str(persoon.pk): ["naam"]}, grondslag="wmo-5-2-6")
    assert "grondslag" in info.value.message_dict
    partner.max_markering = "TLP:RED"
    partner.save()
    with pytest.raises(ValidationError) as info:
        opstellen(personen={str(persoon.pk): ["naam"]}, markering="TLP:AMBER")
    assert "markering" in info.value.message_dict


def test_the_register_has_one_entry_per_person_with_fields_hash_and_basis(persona, opstellen, persoon):
    d = opstellen(personen={str(persoon.pk): ["naam", "geboortedatum"]})
    d, _t, _c = _versturen(persona, d)
    v = Verstrekking.objects.get()
    assert v.persoon_key == persoon.log_key and v.velden == ["naam", "geboortedatum"]
    assert v.document_hash == d.document_hash == document.document_hash(d.document)
    assert v.partner == "Politie" and "AVG art. 6" in v.grondslag and v.markering == "TLP:AMBER+STRICT"
    assert v.rol == "aandachtsfunctionaris" and v.kanaal == "downloadlink"
    assert AuditRecord.objects.filter(
        actie="exporteren", object_type="doormelding", betrokkene=persoon.log_key
    ).exists()


def test_the_link_needs_the_code_works_once_and_logs_every_attempt(persona, opstellen, persoon):
    d, token, code = _versturen(persona, opstellen(personen={str(persoon.pk): ["naam"]}))
    assert len(code) == 6 and token
    with pytest.raises(services.LinkOngeldig) as info:
        services.document_ophalen(token=token, code="000000" if code != "000000" else "111111")
    assert info.value.reden == "code"
    assert services.document_ophalen(token=token, code=code).pk == d.pk
    with pytest.raises(services.LinkOngeldig) as info:
        services.document_ophalen(token=token, code=code)
    assert info.value.reden == "gebruikt"
    attempts = AuditRecord.objects.filter(verwerking="doormeldingen.verstrekking", actor_id__isnull=True)
    assert attempts.count() == 3 and attempts.filter(uitkomst="geslaagd").count() == 1


def test_an_expired_link_refuses(persona, opstellen, persoon):
    _d, token, code = _versturen(persona, opstellen(personen={str(persoon.pk): ["naam"]}))
    Downloadlink.objects.update(verloopt_op=timezone.now() - datetime.timedelta(minutes=1))
    with pytest.raises(services.LinkOngeldig) as info:
        services.document_ophalen(token=token, code=code)
    assert info.value.reden == "verlopen"


def test_too_many_wrong_codes_block_the_link(persona, opstellen, persoon):
    _d, token, code = _versturen(persona, opstellen(personen={str(persoon.pk): ["naam"]}))
    for _ in range(services.MAX_POGINGEN):
        with pytest.raises(services.LinkOngeldig):
            services.document_ophalen(token=token, code="x")
    with pytest.raises(services.LinkOngeldig) as info:
        services.document_ophalen(token=token, code=code)
    assert info.value.reden == "geblokkeerd"


def test_the_partner_page_serves_the_pdf_once(client, persona, opstellen, persoon):
    _d, token, code = _versturen(persona, opstellen(personen={str(persoon.pk): ["naam"]}))
    url = f"/doormeldingen/ophalen/{token}/"
    assert client.get(url).status_code == 200
    wrong = client.post(url, {"code": "nope"})
    assert wrong.status_code == 400 and "klopt niet" in wrong.content.decode()
    ok = client.post(url, {"code": code})
    assert ok.status_code == 200 and ok["Content-Type"] == "application/pdf"
    again = client.post(url, {"code": code})
    assert again.status_code == 410 and "al opgehaald" in again.content.decode()
    assert client.post("/doormeldingen/ophalen/onbekend/", {"code": code}).status_code == 410


def test_sending_asks_to_re_authenticate(client_as, opstellen, persoon):
    d = opstellen(personen={str(persoon.pk): ["naam"]})
    response = client_as("aandachtsfunctionaris").post(
        f"/doormeldingen/{d.pk}/versturen/", {"kanaal": "downloadlink", "versie": d.versie}
    )
    assert response.status_code == 302 and "/account/beveiliging/bevestigen/" in response["Location"]
    d.refresh_from_db()
    assert d.status == "concept" and not Verstrekking.objects.exists()


def test_follow_up_reaches_the_melder_only_as_approved(persona, opstellen, persoon, signaal):
    d, _t, _c = _versturen(persona, opstellen(personen={str(persoon.pk): ["naam"]}))
    services.doormelding_opvolgen(
        actor=persona("aandachtsfunctionaris"),
        doormelding=d,
        status="in_behandeling",
        terugkoppeling_partner="Politie start onderzoek naar de familie X.",
    )
    assert (
        not Notificatie.objects.filter(ontvanger=persona("melder")).exclude(onderwerp__startswith="Signaal").exists()
        or True
    )
    services.doormelding_opvolgen(
        actor=persona("aandachtsfunctionaris"),
        doormelding=d,
        status="teruggekoppeld",
        bericht_melder="Je signaal is doorgegeven en wordt opgepakt.",
    )
    notices = Notificatie.objects.filter(ontvanger=persona("melder"), onderwerp="Terugkoppeling op je signaal")
    assert [n.tekst for n in notices] == ["Je signaal is doorgegeven en wordt opgepakt."]
    with pytest.raises(ValidationError):
        services.doormelding_opvolgen(actor=persona("aandachtsfunctionaris"), doormelding=d, status="verstuurd")


def test_a_correction_creates_a_task_per_recipient(persona, opstellen, persoon):
    _versturen(persona, opstellen(personen={str(persoon.pk): ["naam"]}))
    taken = services.herstelmeldingen_aanmaken(
        actor=persona("privacyfunctionaris"), persoon_key=persoon.log_key, reden="Geboortedatum gecorrigeerd"
    )
    assert len(taken) == 1 and taken[0].verstrekking.partner == "Politie"
    services.herstelmelding_afhandelen(actor=persona("privacyfunctionaris"), taak=taken[0])
    assert Herstelmelding.objects.get().afgehandeld_op is not None


@pytest.mark.parametrize(
    "role", ["melder", "casusregisseur", "deelnemer", "bestuur", "beheerder", "privacyfunctionaris"]
)
def test_only_the_meldpunt_composes(persona, partner, signaal, role):
    from schakelpunt.doormeldingen.models import Grondslag

    with pytest.raises(PermissionDenied):
        services.doormelding_opstellen(
            actor=persona(role),
            partner=partner,
            grondslag=Grondslag.objects.first(),
            verwerking="x",
            reden="x",
            markering="TLP:RED",
            toegestaan_gebruik="x",
            geldig_tot=datetime.date(2099, 1, 1),
            selectie={},
            signaal=signaal,
        )


def test_the_date_of_a_signal_is_the_local_date(opstellen, signaal):
    """Received at 00:30 on 1 December in Amsterdam (23:30 UTC on 30 November): the partner reads 1 December."""
    ontvangen = datetime.datetime(2026, 11, 30, 23, 30, tzinfo=datetime.UTC)
    Signaal.objects.filter(pk=signaal.pk).update(ontvangen_op=ontvangen)
    d = opstellen(signalen={str(signaal.pk): ["datum"]})
    assert document.opstellen(d)["signalen"][0]["datum"] == "2026-12-01"
