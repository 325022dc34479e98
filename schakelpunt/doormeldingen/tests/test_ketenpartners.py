"""The beheerder configures ketenpartners on screen: contacts, allowed bases, the widest marking."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from schakelpunt.audit.models import AuditRecord
from schakelpunt.doormeldingen import services
from schakelpunt.doormeldingen.models import Grondslag, Ketenpartner


def _post(partner, **overrides):
    data = {
        "naam": partner.naam,
        "contact_naam": "Intake",
        "contact_email": "intake@politie.example",
        "contact_telefoon": "0101234567",
        "grondslagen": [g.pk for g in partner.grondslagen.all()],
        "max_markering": partner.max_markering,
        "actief": "on",
        "versie": partner.versie,
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_the_beheerder_adds_a_partner_that_the_meldpunt_can_then_choose(client_as, partner):
    grondslag = Grondslag.objects.first()
    response = client_as("beheerder").post(
        reverse("doormeldingen:ketenpartner_nieuw"),
        {
            "code": "kinderbescherming",
            "naam": "Raad voor de Kinderbescherming",
            "contact_email": "intake@rvdk.example",
            "grondslagen": [grondslag.pk],
            "max_markering": "TLP:AMBER",
            "actief": "on",
        },
    )
    assert response.status_code == 302
    nieuw = Ketenpartner.objects.get(code="kinderbescherming")
    assert list(nieuw.grondslagen.all()) == [grondslag]
    assert AuditRecord.objects.filter(object_type="ketenpartner", object_id="kinderbescherming").exists()
    from schakelpunt.doormeldingen.forms import DoormeldingForm

    assert nieuw in DoormeldingForm().fields["partner"].queryset


def test_an_active_partner_needs_a_basis_and_an_address_said_next_to_the_field(client_as, partner):
    response = client_as("beheerder").post(
        reverse("doormeldingen:ketenpartner", args=[partner.pk]),
        _post(partner, grondslagen=[], contact_email=""),
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Kies minstens één grondslag" in html and "e-mailadres nodig" in html
    assert 'value="Intake"' in html  # what was typed is still there
    partner.refresh_from_db()
    assert partner.grondslagen.exists()


def test_a_duplicate_code_is_refused(client_as, partner):
    response = client_as("beheerder").post(
        reverse("doormeldingen:ketenpartner_nieuw"),
        {"code": "politie", "naam": "Nog een politie", "max_markering": "TLP:AMBER"},
    )
    assert response.status_code == 400
    assert "Er is al een ketenpartner met de code politie" in response.content.decode()
    assert Ketenpartner.objects.filter(code="politie").count() == 1


def test_switching_a_partner_off_removes_it_from_new_referrals(client_as, partner):
    response = client_as("beheerder").post(
        reverse("doormeldingen:ketenpartner", args=[partner.pk]), _post(partner, actief=None)
    )
    assert response.status_code == 302
    partner.refresh_from_db()
    assert not partner.actief and partner.versie == 2
    from schakelpunt.doormeldingen.forms import DoormeldingForm

    assert partner not in DoormeldingForm().fields["partner"].queryset
    record = AuditRecord.objects.filter(object_type="ketenpartner", actie="wijzigen").first()
    assert "actief: True → False" in record.toelichting


def test_an_edit_conflict_keeps_the_typed_text_and_changes_nothing(client_as, partner):
    stale = partner.versie
    client = client_as("beheerder")
    assert client.post(reverse("doormeldingen:ketenpartner", args=[partner.pk]), _post(partner)).status_code == 302
    response = client.post(
        reverse("doormeldingen:ketenpartner", args=[partner.pk]),
        _post(partner, versie=stale, contact_naam="Mijn getypte tekst", max_markering="TLP:RED"),
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "intussen gewijzigd" in html and 'value="Mijn getypte tekst"' in html
    partner.refresh_from_db()
    assert partner.contact_naam == "Intake" and partner.max_markering != "TLP:RED"


@pytest.mark.parametrize("role", ["aandachtsfunctionaris", "privacyfunctionaris", "melder", "casusregisseur"])
def test_only_the_beheerder_configures_partners(persona, partner, role):
    with pytest.raises(PermissionDenied):
        services.ketenpartner_update(
            actor=persona(role),
            partner=partner,
            versie=partner.versie,
            naam="Anders",
            contact_naam="",
            contact_email="x@politie.example",
            contact_telefoon="",
            grondslagen=list(partner.grondslagen.all()),
            max_markering=partner.max_markering,
            actief=True,
        )
    partner.refresh_from_db()
    assert partner.naam != "Anders"


def test_an_unknown_marking_is_refused_by_the_service(persona, partner):
    with pytest.raises(ValidationError) as exc:
        services.ketenpartner_update(
            actor=persona("beheerder"),
            partner=partner,
            versie=partner.versie,
            naam=partner.naam,
            contact_naam="",
            contact_email="x@politie.example",
            contact_telefoon="",
            grondslagen=list(partner.grondslagen.all()),
            max_markering="TLP:ZWART",
            actief=True,
        )
    assert "max_markering" in exc.value.message_dict
