"""Advies vragen: ask without names, answer, the answer in "mijn signalen", one click to a signal."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from schakelpunt.adviesvragen import selectors, services
from schakelpunt.adviesvragen.models import Adviesvraag
from schakelpunt.audit.models import AuditRecord
from schakelpunt.notificaties.models import Notificatie
from schakelpunt.signalen.models import Concept, Signaal
from schakelpunt.signalen.services import signaal_create
from schakelpunt.subjecten.models import Persoon
from schakelpunt.taxonomie.models import Fenomeen

pytestmark = pytest.mark.django_db

SITUATIE = "Een leerling van een jaar of tien blijft steeds vaker weken weg en oogt moe als hij er is."


def _vraag(persona, **kw) -> Adviesvraag:
    return services.adviesvraag_stellen(actor=persona("melder"), situatie=SITUATIE, **kw)


def test_asking_registers_no_person_and_alerts_the_meldpunt(persona):
    af = persona("aandachtsfunctionaris")
    vraag = _vraag(persona, vraag="Moet ik dit melden?")
    assert vraag.status == Adviesvraag.Status.OPEN
    assert vraag.afdeling_id == persona("melder").afdeling_id
    assert Persoon.objects.count() == 0
    assert not Signaal.objects.exists()
    assert Notificatie.objects.filter(ontvanger=af, url=reverse("adviesvragen:detail", args=[vraag.pk])).exists()
    assert AuditRecord.objects.filter(object_type="adviesvraag", object_id=str(vraag.pk), actie="aanmaken").exists()


@pytest.mark.parametrize(
    ("tekst", "wat"),
    [
        ("De moeder, BSN 123456782, komt nooit.", "BSN"),
        ("Het gezin woont op 1234 AB nummer 5.", "postcode"),
        ("Bel de vader op 06-12345678.", "telefoonnummer"),
        ("Mail ouder@voorbeeld.nl", "e-mailadres"),
    ],
)
def test_identifying_data_is_refused_with_a_dutch_message(persona, tekst, wat):
    with pytest.raises(ValidationError) as exc:
        services.adviesvraag_stellen(actor=persona("melder"), situatie=tekst)
    assert wat in exc.value.message_dict["situatie"][0]
    assert not Adviesvraag.objects.exists()


def test_only_a_melder_asks_and_only_the_meldpunt_answers(persona):
    with pytest.raises(PermissionDenied):
        services.adviesvraag_stellen(actor=persona("deelnemer"), situatie=SITUATIE)
    vraag = _vraag(persona)
    for rol in ("melder", "casusregisseur", "beheerder"):
        with pytest.raises(PermissionDenied):
            services.adviesvraag_beantwoorden(actor=persona(rol), adviesvraag=vraag, antwoord="Meld het.")


def test_answer_arrives_with_the_melder_and_points_to_the_wegwijzer(persona):
    vraag = _vraag(persona)
    fenomeen = Fenomeen.objects.filter(actief=True).first()
    services.adviesvraag_beantwoorden(
        actor=persona("aandachtsfunctionaris"), adviesvraag=vraag, antwoord="Dit is een signaal.", wegwijzer=fenomeen
    )
    vraag.refresh_from_db()
    assert vraag.status == Adviesvraag.Status.BEANTWOORD and vraag.ongelezen_antwoord
    assert Notificatie.objects.filter(ontvanger=persona("melder"), onderwerp__contains=vraag.nummer).exists()
    assert selectors.adviesvragen_nieuw_antwoord(user=persona("melder")) == 1


def test_a_second_answer_is_refused_and_keeps_the_text(client_as, persona):
    vraag = _vraag(persona)
    services.adviesvraag_beantwoorden(actor=persona("aandachtsfunctionaris"), adviesvraag=vraag, antwoord="Eerste.")
    client = client_as("aandachtsfunctionaris")
    response = client.post(reverse("adviesvragen:beantwoorden", args=[vraag.pk]), {"antwoord": "Mijn lange tekst"})
    assert response.status_code == 400
    assert "intussen beantwoord" in response.content.decode()
    assert "Mijn lange tekst" in response.content.decode()
    vraag.refresh_from_db()
    assert vraag.antwoord == "Eerste."


def test_mijn_signalen_shows_the_answer_only_to_the_asker(client_as, persona, make_user):
    vraag = _vraag(persona)
    services.adviesvraag_beantwoorden(actor=persona("aandachtsfunctionaris"), adviesvraag=vraag, antwoord="Meld het.")
    page = client_as("melder").get(reverse("signalen:mijn")).content.decode()
    assert vraag.nummer in page and "nieuw antwoord" in page
    collega = make_user("melder")
    from django.test import Client

    from schakelpunt.testing.auth import login

    other = login(Client(), collega)
    assert vraag.nummer not in other.get(reverse("signalen:mijn")).content.decode()
    assert other.get(reverse("adviesvragen:detail", args=[vraag.pk])).status_code == 404
    assert AuditRecord.objects.filter(actor_username=collega.username, uitkomst="geweigerd").exists()


def test_opening_the_answer_marks_it_read(client_as, persona):
    vraag = _vraag(persona)
    services.adviesvraag_beantwoorden(actor=persona("aandachtsfunctionaris"), adviesvraag=vraag, antwoord="Meld het.")
    client_as("melder").get(reverse("adviesvragen:detail", args=[vraag.pk]))
    assert selectors.adviesvragen_nieuw_antwoord(user=persona("melder")) == 0


def test_one_click_turns_it_into_a_signal_keeping_the_text(client_as, persona):
    melder = persona("melder")
    vraag = _vraag(persona)
    services.adviesvraag_beantwoorden(actor=persona("aandachtsfunctionaris"), adviesvraag=vraag, antwoord="Meld het.")
    response = client_as("melder").post(reverse("adviesvragen:omzetten", args=[vraag.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("signalen:nieuw")
    assert Concept.objects.get(user=melder).data["omschrijving"] == [SITUATIE]
    form = client_as("melder").get(reverse("signalen:nieuw")).content.decode()
    assert "oogt moe als hij er is" in form
    # Still nobody registered: that happens when the signal is sent.
    assert Persoon.objects.count() == 0
    signaal = signaal_create(
        actor=melder,
        omschrijving=SITUATIE,
        betrokkenen=[
            {"rol": "mogelijk_slachtoffer", "voornamen": "Tim", "geslachtsnaam": "Proef", "geboortejaar": 2016}
        ],
    )
    vraag.refresh_from_db()
    assert vraag.status == Adviesvraag.Status.SIGNAAL and vraag.signaal == signaal
    assert Persoon.objects.count() == 1


def test_converting_keeps_a_draft_the_melder_already_had(persona):
    from schakelpunt.signalen.services import concept_save

    melder = persona("melder")
    concept_save(actor=melder, data={"omschrijving": ["Half geschreven tekst"], "locatie": ["Stationsplein"]})
    services.adviesvraag_omzetten(actor=melder, adviesvraag=_vraag(persona))
    data = Concept.objects.get(user=melder).data
    assert data["omschrijving"][0].startswith(SITUATIE) and "Half geschreven tekst" in data["omschrijving"][0]
    assert data["locatie"] == ["Stationsplein"]


def test_only_the_asker_converts(persona, make_user):
    vraag = _vraag(persona)
    with pytest.raises(PermissionDenied):
        services.adviesvraag_omzetten(actor=make_user("melder"), adviesvraag=vraag)
    with pytest.raises(PermissionDenied):
        services.adviesvraag_omzetten(actor=persona("aandachtsfunctionaris"), adviesvraag=vraag)


def test_a_signal_without_conversion_links_no_question(persona):
    vraag = _vraag(persona)
    signaal_create(actor=persona("melder"), omschrijving="Iets anders")
    vraag.refresh_from_db()
    assert vraag.signaal is None and vraag.status == Adviesvraag.Status.OPEN


def test_the_count_is_numbers_only_and_for_bestuur(persona):
    vraag = _vraag(persona)
    _vraag(persona)
    services.adviesvraag_omzetten(actor=persona("melder"), adviesvraag=vraag)
    signaal_create(actor=persona("melder"), omschrijving=SITUATIE)
    telling = selectors.adviesvraag_telling(user=persona("bestuur"))
    assert [(t.aantal, t.signaal_geworden) for t in telling] == [(2, 1)]
    with pytest.raises(PermissionDenied):
        selectors.adviesvraag_telling(user=persona("melder"))


def test_form_shows_errors_next_to_the_field(client_as):
    response = client_as("melder").post(reverse("adviesvragen:nieuw"), {"situatie": "Bel 0612345678"})
    assert response.status_code == 400
    assert "telefoonnummer" in response.content.decode()
    assert "Bel 0612345678" in response.content.decode()
