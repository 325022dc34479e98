"""The verwerkingsregister: versions are never edited, every permission names a key in it, and every
access-log record names the version in force when it was written."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from schakelpunt.access.policy import PERMISSIONS, decide
from schakelpunt.audit.models import AuditRecord
from schakelpunt.audit.services import log_access, log_event
from schakelpunt.audit.verify import verify_chain
from schakelpunt.verwerkingen import services
from schakelpunt.verwerkingen.models import Verwerking, VerwerkingVersie

pytestmark = pytest.mark.django_db

# Keys that writes outside a permission use (log_event and the direct writes).
DIRECT_KEYS = {"beveiliging.toegang", "beheer.functioneel", "doormeldingen.verstrekking", "privacy.vernietiging"}

VELDEN = {
    "naam": "Behandelen van signalen",
    "doel": "Signalen beoordelen.",
    "grondslag": "AVG art. 6 lid 1 sub e",
    "categorieen_gegevens": "Naam, adres",
    "categorieen_betrokkenen": "Betrokkenen",
    "bewaartermijn": "1 jaar",
    "vertrouwelijkheid": "vertrouwelijk",
}


def _log(user, code="signaal.view", betrokkene="persoon:1"):
    log_access(actor=user, decision=decide(user, code), object_type="signaal", object_id="1", betrokkenen=[betrokkene])
    return AuditRecord.objects.order_by("-id").first()


def _wijzig(pf, key="meldpunt.behandeling", **changes):
    verwerking = Verwerking.objects.get(key=key)
    huidig = verwerking.versies.order_by("-nummer").first()
    velden = {k: getattr(huidig, k) for k in VELDEN} | changes
    return services.verwerking_wijzigen(
        actor=pf, verwerking=verwerking, versie=huidig.nummer, reden="Besluit van de FG", **velden
    )


def test_every_permission_names_an_activity_that_is_in_the_register():
    keys = set(Verwerking.objects.values_list("key", flat=True))
    missing = {p.code: p.activity for p in PERMISSIONS.values() if p.activity not in keys}
    assert not missing, f"permissions whose activity is not in the verwerkingsregister: {missing}"
    assert keys >= DIRECT_KEYS


def test_every_seeded_activity_has_a_first_version_with_all_fields():
    for verwerking in Verwerking.objects.all():
        versie = verwerking.versies.get()
        assert versie.nummer == 1
        assert all(getattr(versie, name) for name in VELDEN), verwerking.key


def test_a_permission_with_free_text_as_activity_is_refused():
    from schakelpunt.access.policy import Permission, register

    with pytest.raises(ValueError, match="register key"):
        register(Permission("test.vrije.tekst", ("melder",), purpose="x", activity="Inzien van signalen"))


def test_a_log_record_names_the_version_in_force_and_an_old_record_keeps_its_own(persona):
    af, pf = persona("aandachtsfunctionaris"), persona("privacyfunctionaris")
    oud = _log(af)
    assert oud.verwerking == "meldpunt.behandeling"
    assert (oud.verwerking_versie.nummer, oud.verwerking_versie.grondslag) == (1, oud.verwerking_versie.grondslag)
    grondslag_1 = oud.verwerking_versie.grondslag

    nieuw_versie = _wijzig(pf, grondslag="AVG art. 6 lid 1 sub e; Wet gegevensverwerking door samenwerkingsverbanden")
    assert nieuw_versie.nummer == 2
    nieuw = _log(af)
    assert nieuw.verwerking_versie_id == nieuw_versie.pk
    oud.refresh_from_db()
    assert oud.verwerking_versie.nummer == 1 and oud.verwerking_versie.grondslag == grondslag_1
    assert VerwerkingVersie.objects.filter(verwerking__key="meldpunt.behandeling").count() == 2
    assert verify_chain().ok


def test_the_search_page_shows_each_record_with_the_basis_of_its_own_version(persona, client_as):
    af, pf = persona("aandachtsfunctionaris"), persona("privacyfunctionaris")
    _log(af, betrokkene="persoon:7")
    _wijzig(pf, grondslag="Nieuwe grondslag versie twee")
    _log(af, betrokkene="persoon:7")
    html = client_as("privacyfunctionaris").get("/toegangslog/", {"betrokkene": "persoon:7"}).content.decode()
    assert "Behandelen van signalen (versie 1)" in html
    assert "Behandelen van signalen (versie 2)" in html
    assert html.count("Nieuwe grondslag versie twee") == 1


def test_versions_are_never_changed_or_deleted_in_place():
    versie = VerwerkingVersie.objects.first()
    versie.doel = "anders"
    with pytest.raises(TypeError):
        versie.save()
    with pytest.raises(TypeError):
        VerwerkingVersie.objects.filter(pk=versie.pk).update(doel="anders")
    with pytest.raises(TypeError):
        versie.delete()


def test_the_version_is_covered_by_the_record_hash(persona):
    af = persona("aandachtsfunctionaris")
    _log(af)
    record = _log(af)
    anders = VerwerkingVersie.objects.exclude(pk=record.verwerking_versie_id).first()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditrecord SET verwerking_versie_id = %s WHERE id = %s", [anders.pk, record.id])
    result = verify_chain()
    assert not result.ok and result.broken_id == record.id
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditrecord SET verwerking_versie_id = NULL WHERE id = %s", [record.id])
    assert verify_chain().broken_id == record.id


def test_records_without_a_version_hash_as_before_the_register(persona):
    log_event(actor=None, actie="inloggen", verwerking="Geen sleutel uit het register")
    record = AuditRecord.objects.get()
    assert record.verwerking_versie_id is None
    # The payload of a record without a version is exactly the one before the register existed.
    fields = dict.fromkeys(AuditRecord.HASHED_FIELDS)
    assert "verwerking_versie" not in fields
    assert record.compute_hash() == record.hash and verify_chain().ok


def test_the_writer_reads_the_register_once_until_a_new_version(persona):
    af, pf = persona("aandachtsfunctionaris"), persona("privacyfunctionaris")
    _log(af)  # loads the cache
    with CaptureQueriesContext(connection) as queries:
        _log(af)
    assert not [q for q in queries.captured_queries if "verwerkingen_verwerkingversie" in q["sql"]]
    nieuw = _wijzig(pf, doel="Ander doel")
    assert _log(af).verwerking_versie_id == nieuw.pk


def test_a_change_based_on_an_old_version_is_a_conflict(persona):
    pf = persona("privacyfunctionaris")
    _wijzig(pf, doel="Eerste wijziging")
    verwerking = Verwerking.objects.get(key="meldpunt.behandeling")
    with pytest.raises(services.ConflictError):
        services.verwerking_wijzigen(actor=pf, verwerking=verwerking, versie=1, reden="oud", **VELDEN)


def test_a_change_needs_a_reason_and_a_difference(persona):
    pf = persona("privacyfunctionaris")
    verwerking = Verwerking.objects.get(key="meldpunt.behandeling")
    huidig = verwerking.versies.get()
    velden = {k: getattr(huidig, k) for k in VELDEN}
    with pytest.raises(ValidationError) as info:
        services.verwerking_wijzigen(actor=pf, verwerking=verwerking, versie=1, reden=" ", **velden)
    assert "reden" in info.value.message_dict
    with pytest.raises(ValidationError, match="niets veranderd"):
        services.verwerking_wijzigen(actor=pf, verwerking=verwerking, versie=1, reden="geen", **velden)


def test_only_the_privacyfunctionaris_changes_the_register(persona):
    from django.core.exceptions import PermissionDenied

    for role in ("beheerder", "aandachtsfunctionaris"):
        with pytest.raises(PermissionDenied):
            _wijzig(persona(role), doel="Gekaapt")
    assert not VerwerkingVersie.objects.filter(doel="Gekaapt").exists()
    assert AuditRecord.objects.filter(object_type="verwerkingen.beheren", uitkomst="geweigerd").count() == 2


def test_the_screens_change_and_show_the_history(client_as):
    client = client_as("privacyfunctionaris")
    verwerking = Verwerking.objects.get(key="meldpunt.intake")
    huidig = verwerking.versies.get()
    assert "Registratie van signalen" in client.get("/verwerkingsregister/").content.decode()
    form = client.get(f"/verwerkingsregister/{verwerking.pk}/wijzigen/")
    assert form.status_code == 200
    data = {k: getattr(huidig, k) for k in VELDEN} | {"doel": "Nieuw doel", "reden": "", "versie": "1"}
    response = client.post(f"/verwerkingsregister/{verwerking.pk}/wijzigen/", data)
    assert response.status_code == 400 and "Leg uit waarom de verwerking verandert." in response.content.decode()
    data["reden"] = "Besluit FG 30 november"
    response = client.post(f"/verwerkingsregister/{verwerking.pk}/wijzigen/", data)
    assert response.status_code == 302
    html = client.get(f"/verwerkingsregister/{verwerking.pk}/").content.decode()
    assert "Versie 2 (geldt nu)" in html and "Versie 1" in html and "Besluit FG 30 november" in html
    stale = client.post(f"/verwerkingsregister/{verwerking.pk}/wijzigen/", data | {"doel": "Nog eens"})
    assert stale.status_code == 409


def test_a_new_activity_needs_a_valid_unique_key(client_as):
    client = client_as("privacyfunctionaris")
    data = VELDEN | {"key": "Geen Sleutel"}
    response = client.post("/verwerkingsregister/nieuw/", data)
    assert response.status_code == 400 and "kleine letters" in response.content.decode()
    response = client.post("/verwerkingsregister/nieuw/", data | {"key": "meldpunt.intake"})
    assert response.status_code == 400 and "bestaat al" in response.content.decode()
    response = client.post("/verwerkingsregister/nieuw/", data | {"key": "meldpunt.proef"})
    assert response.status_code == 302
    assert Verwerking.objects.get(key="meldpunt.proef").versies.get().nummer == 1


def test_the_inzage_report_gives_each_consultation_the_purpose_and_basis_of_its_own_version(persona):
    from django.utils import timezone

    from schakelpunt.privacy import inzage, verzoeken
    from schakelpunt.subjecten.models import Persoon

    af, pf = persona("aandachtsfunctionaris"), persona("privacyfunctionaris")
    persoon = Persoon.objects.create(voornamen="Oud", geslachtsnaam="Register")
    _log(af, code="subject.view", betrokkene=persoon.log_key)
    grondslag_1 = Verwerking.objects.get(key="subjecten.register").versies.get().grondslag
    _wijzig(pf, key="subjecten.register", grondslag="Versie twee: ook de WGS")
    _log(af, code="subject.view", betrokkene=persoon.log_key)
    verzoek = verzoeken.verzoek_create(
        actor=pf, soort="inzage", persoon=persoon, ontvangen_op=timezone.localdate(), omschrijving="Brief"
    )
    lees = [dict(i.details) for i in inzage.rapport_maken(verzoek=verzoek).raadplegingen if i.titel == "Lezen"]
    assert [d["Rechtsgrond"] for d in lees] == [grondslag_1, "Versie twee: ook de WGS"]
    assert lees[0]["Verwerking"].endswith("(versie 1 van het verwerkingsregister)")
