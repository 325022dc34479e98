"""Screens: report with validation and draft, mijn signalen, detail need-to-know, triage, attachments."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from schakelpunt.signalen import services
from schakelpunt.signalen.models import Concept, Signaal
from schakelpunt.signalen.tests.conftest import ONGELDIG_BSN
from schakelpunt.signalen.tests.factories import BetrokkeneFactory, SignaalFactory
from schakelpunt.testing.auth import login

NIEUW = reverse("signalen:nieuw")


def _form(**extra):
    data = {
        "omschrijving": "Acht mensen op één adres.",
        "onderbuikgevoel": "2",
        "acuut_gevaar": "nee",
        "minderjarigen_betrokken": "nee",
        "bron": "eigen_waarneming",
        "identiteit_delen": "nee",
        "betrokkenen-TOTAL_FORMS": "1",
        "betrokkenen-INITIAL_FORMS": "0",
        "betrokkenen-MIN_NUM_FORMS": "0",
        "betrokkenen-MAX_NUM_FORMS": "20",
        "betrokkenen-0-rol": "mogelijk_slachtoffer",
        "betrokkenen-0-geslachtsnaam": "Proef",
        "betrokkenen-0-land": "Nederland",
        "actie": "versturen",
    }
    data.update(extra)
    return data


def test_report_form_shows_112_and_guidance_space(client_as):
    html = client_as("melder").get(NIEUW).content.decode()
    assert "Bel eerst 112" in html and 'id="wegwijzer-hulp"' in html and "<legend" in html


def test_report_creates_signal_and_redirects(client_as, persona):
    response = client_as("melder").post(NIEUW, _form())
    signaal = Signaal.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("signalen:detail", args=[signaal.pk])
    assert signaal.betrokkenen.get().geslachtsnaam == "Proef"
    assert signaal.identiteit_delen is False


def test_validation_errors_in_dutch_next_to_field_and_nothing_lost(client_as, melder):
    response = client_as("melder").post(
        NIEUW, _form(omschrijving="", **{"betrokkenen-0-bsn": ONGELDIG_BSN, "betrokkenen-0-voornamen": "Karel"})
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Beschrijf wat je hebt gezien of gehoord." in html
    assert "elfproef" in html
    assert 'aria-describedby="id_betrokkenen-0-bsn_fout"' in html or "id_betrokkenen-0-bsn_fout" in html
    assert 'value="Karel"' in html and f'value="{ONGELDIG_BSN}"' in html
    assert Concept.objects.get(user=melder).data["betrokkenen-0-voornamen"] == ["Karel"]
    assert not Signaal.objects.exists()


def test_draft_survives_a_new_login(client, melder):
    login(client, melder)
    assert (
        client.post(
            reverse("signalen:concept"), {"omschrijving": "Halverwege getypt", "betrokkenen-TOTAL_FORMS": "1"}
        ).status_code
        == 200
    )
    client.logout()
    login(client, melder)
    html = client.get(NIEUW).content.decode()
    assert "Halverwege getypt" in html and "Concept bewaard" in html


def test_add_betrokkene_button_keeps_input(client_as):
    response = client_as("melder").post(NIEUW, _form(actie="betrokkene_toevoegen", omschrijving="bezig"))
    html = response.content.decode()
    assert response.status_code == 200 and "Betrokkene 2" in html and "bezig" in html
    assert "utrecht-form-field-error-message" not in html


def test_mijn_signalen_lists_only_own(client_as, persona, andere_melder):
    eigen = SignaalFactory(melder=persona("melder"))
    ander = SignaalFactory(melder=andere_melder)
    html = client_as("melder").get(reverse("signalen:mijn")).content.decode()
    assert eigen.nummer in html and ander.nummer not in html


def test_other_melder_gets_404(client, persona, andere_melder):
    signaal = SignaalFactory(melder=persona("melder"))
    login(client, andere_melder)
    assert client.get(reverse("signalen:detail", args=[signaal.pk])).status_code == 404
    assert client.post(reverse("signalen:aanvullen", args=[signaal.pk]), {"tekst": "x"}).status_code == 404


def test_melder_does_not_see_rationale_or_own_identity_block(client, persona, af):
    melder = persona("melder")
    signaal = SignaalFactory(melder=melder)
    services.signaal_triage(
        actor=af,
        signaal=signaal,
        actie="meer_informatie",
        rationale="GEHEIME OVERWEGING",
        terugkoppeling="We hebben een vraag.",
        vraag="Wanneer precies?",
    )
    html = login(client, melder).get(reverse("signalen:detail", args=[signaal.pk])).content.decode()
    assert "We hebben een vraag." in html and "Wanneer precies?" in html
    assert "GEHEIME OVERWEGING" not in html and 'id="melder-titel"' not in html and "triage-form" not in html


def test_meldpunt_sees_melder_identity(client_as, persona):
    melder = persona("melder")
    signaal = SignaalFactory(melder=melder)
    html = client_as("aandachtsfunctionaris").get(reverse("signalen:detail", args=[signaal.pk])).content.decode()
    assert melder.display_name() in html and "niet gedeeld worden" in html


def test_triage_via_the_screen(client_as, persona):
    signaal = SignaalFactory(melder=persona("melder"))
    client = client_as("aandachtsfunctionaris")
    response = client.post(
        reverse("signalen:triage", args=[signaal.pk]),
        {
            "actie": "afsluiten",
            "afsluitreden": "elders_belegd",
            "rationale": "Jeugdteam is al betrokken.",
            "terugkoppeling": services.sjabloon("in_behandeling"),
            "versie": "1",
        },
    )
    assert response.status_code == 302
    signaal.refresh_from_db()
    assert signaal.status == "afgesloten"
    # The untouched default text was swapped for the template that fits the action.
    assert signaal.terugkoppelingen.last().tekst == services.sjabloon("afsluiten", "elders_belegd")


def test_triage_errors_are_shown(client_as):
    signaal = SignaalFactory()
    response = client_as("aandachtsfunctionaris").post(
        reverse("signalen:triage", args=[signaal.pk]), {"actie": "meer_informatie", "versie": "1"}
    )
    html = response.content.decode()
    assert response.status_code == 400 and "Leg kort uit waarom" in html and "Schrijf de vraag" in html


def test_triage_refused_for_melder(client_as, persona):
    signaal = SignaalFactory(melder=persona("melder"))
    assert client_as("melder").post(reverse("signalen:triage", args=[signaal.pk]), {}).status_code == 403


def test_attachment_upload_checked_by_content_and_served_only_via_access_point(client, persona, andere_melder):
    melder = persona("melder")
    login(client, melder)
    pdf = SimpleUploadedFile("verslag.pdf", b"%PDF-1.4 synthetic", content_type="application/pdf")
    assert client.post(NIEUW, _form(bijlagen=pdf)).status_code == 302
    bijlage = Signaal.objects.get().bijlagen.get()
    assert bijlage.content_type == "application/pdf" and "verslag" not in bijlage.bestand.name
    response = client.get(reverse("signalen:bijlage", args=[bijlage.pk]))
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    login(client, andere_melder)
    assert client.get(reverse("signalen:bijlage", args=[bijlage.pk])).status_code == 404


def test_fake_attachment_is_refused_and_form_kept(client_as):
    fake = SimpleUploadedFile("foto.jpg", b"MZ\x90\x00" + b"\x00" * 50, content_type="image/jpeg")
    response = client_as("melder").post(NIEUW, _form(bijlagen=fake))
    assert response.status_code == 400 and "geen toegestaan bestandstype" in response.content.decode()
    assert not Signaal.objects.exists()


def test_inbox_lists_signals_and_marks_flags(client_as):
    s = SignaalFactory(acuut_gevaar=True)
    BetrokkeneFactory(signaal=s)
    html = client_as("aandachtsfunctionaris").get(reverse("signalen:inbox")).content.decode()
    assert s.nummer in html and "Acuut gevaar" in html


def test_who_added_information_and_from_where_only_for_the_meldpunt(client, client_as, persona):
    melder = persona("melder")
    signaal = SignaalFactory(melder=melder)
    services.signaal_aanvullen(actor=melder, signaal=signaal, tekst="Nog iets gezien.")
    url = reverse("signalen:detail", args=[signaal.pk])
    eigen = login(client, melder).get(url).content.decode()
    assert "Nog iets gezien." in eigen
    assert f"vanuit {signaal.afdeling}" not in eigen and f"· {melder.display_name()}" not in eigen
    meldpunt = client_as("aandachtsfunctionaris").get(url).content.decode()
    assert f"vanuit {signaal.afdeling}" in meldpunt and f"· {melder.display_name()}" in meldpunt


def test_detail_query_count_does_not_grow_with_feedback(client, persona, af):
    melder = persona("melder")
    signaal = SignaalFactory(melder=melder)
    url = reverse("signalen:detail", args=[signaal.pk])
    client = login(client, melder)

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    def vraag():
        services.signaal_triage(
            actor=af, signaal=signaal, actie="meer_informatie", rationale="r", terugkoppeling="t", vraag="Wanneer?"
        )
        services.signaal_aanvullen(actor=melder, signaal=signaal, tekst="Gisteren.")

    vraag()
    few = queries()
    vraag()
    vraag()
    assert queries() == few


def test_adding_a_betrokkene_with_a_tampered_form_count_keeps_the_form(client_as):
    data = _form(actie="betrokkene_toevoegen", omschrijving="bezig", **{"betrokkenen-TOTAL_FORMS": "veel"})
    response = client_as("melder").post(NIEUW, data)
    assert response.status_code == 200 and "bezig" in response.content.decode()


def test_attachment_help_text_follows_the_configured_limits(client_as, settings):
    settings.SIGNAAL_BIJLAGE_MAX_BYTES = 3 * 1024 * 1024
    settings.SIGNAAL_BIJLAGEN_MAX = 2
    html = client_as("melder").get("/signalen/nieuw/").content.decode()
    assert "hoogstens 2, elk hoogstens 3 MB" in html


def test_triage_conflict_keeps_the_typed_text_and_offers_the_new_version(client_as):
    signaal = SignaalFactory()
    Signaal.objects.filter(pk=signaal.pk).update(versie=2)  # someone else saved in between
    response = client_as("aandachtsfunctionaris").post(
        reverse("signalen:triage", args=[signaal.pk]),
        {
            "actie": "opschalen",
            "rationale": "Mijn zorgvuldige onderbouwing.",
            "terugkoppeling": "Mijn eigen bericht.",
            "versie": "1",
        },
    )
    html = response.content.decode()
    assert response.status_code == 409
    assert "intussen gewijzigd" in html
    assert "Mijn zorgvuldige onderbouwing." in html and "Mijn eigen bericht." in html
    assert 'name="versie" value="2"' in html
    signaal.refresh_from_db()
    assert signaal.triagestappen.count() == 0


def test_concept_wissen_asks_first(client_as, persona):
    client = client_as("melder")
    response = client.post(NIEUW, _form(actie="concept_wissen", omschrijving="Niet kwijtraken."))
    assert response.status_code == 200 and "Wil je dit concept echt wissen?" in response.content.decode()
    assert Concept.objects.get(user=persona("melder")).data["omschrijving"] == ["Niet kwijtraken."]
    client.post(NIEUW, {"actie": "concept_wissen_bevestigd"})
    assert not Concept.objects.filter(user=persona("melder")).exists()


def test_a_betrokkene_is_added_in_place_with_the_count_going_along(client_as):
    client = client_as("melder")
    html = client.get(reverse("signalen:betrokkene"), {"betrokkenen-TOTAL_FORMS": "1"}).content.decode()
    assert 'id="betrokkene-2"' in html and 'name="betrokkenen-1-voornamen"' in html
    assert 'name="betrokkenen-TOTAL_FORMS" value="2"' in html and 'hx-swap-oob="true"' in html
    assert "Zelfde adres als betrokkene 1" in html and 'data-betrokkene="1"' in html
    vol = client.get(reverse("signalen:betrokkene"), {"betrokkenen-TOTAL_FORMS": "20"}).content.decode()
    assert "hoogstens 20 betrokkenen" in vol and "<fieldset" not in vol
    assert client.get(reverse("signalen:betrokkene"), {"betrokkenen-TOTAL_FORMS": "x"}).status_code == 200


def test_the_form_states_a_relation_and_a_shared_address(client_as, persona):
    response = client_as("melder").post(
        NIEUW,
        _form(
            **{
                "betrokkenen-TOTAL_FORMS": "2",
                "betrokkenen-0-voornamen": "Noor",
                "betrokkenen-0-postcode": "1234 AB",
                "betrokkenen-0-huisnummer": "7",
                "betrokkenen-1-rol": "betrokkene",
                "betrokkenen-1-geslachtsnaam": "Vader",
                "betrokkenen-1-land": "Nederland",
                "betrokkenen-1-zelfde_adres": "on",
                "betrokkenen-1-relatie": "ouder",
                "betrokkenen-1-relatie_met": "1",
            }
        ),
    )
    assert response.status_code == 302
    signaal = Signaal.objects.get()
    kind, vader = signaal.betrokkenen.order_by("pk")
    assert (vader.postcode, vader.huisnummer) == ("1234AB", 7)
    assert signaal.relaties.get().van == vader


def test_a_relation_to_a_betrokkene_that_is_not_there_is_refused_beside_the_field(client_as):
    response = client_as("melder").post(
        NIEUW,
        _form(
            **{
                "betrokkenen-TOTAL_FORMS": "3",
                "betrokkenen-1-rol": "betrokkene",
                "betrokkenen-2-rol": "betrokkene",
                "betrokkenen-2-geslachtsnaam": "Vader",
                "betrokkenen-2-relatie": "ouder",
                "betrokkenen-2-relatie_met": "2",
            }
        ),
    )
    assert response.status_code == 400
    assert "Kies een betrokkene die je hierboven hebt ingevuld." in response.content.decode()
    assert not Signaal.objects.exists()
