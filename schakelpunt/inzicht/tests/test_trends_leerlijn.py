"""Wat speelt er and the leerlijn: writing notes, new since the last visit, the digest, self-checks, beheer."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from schakelpunt.inzicht import selectors, services
from schakelpunt.inzicht.models import Module, Trendnotitie, TrendVolger, Voortgang
from schakelpunt.notificaties.models import Notificatie

pytestmark = pytest.mark.django_db

MORGEN = (timezone.localdate() + datetime.timedelta(days=30)).isoformat()


def _notitie(af, titel="Ronselen via sociale media", **kw):
    return services.trendnotitie_create(
        actor=af,
        titel=titel,
        tekst="Jongeren worden benaderd via berichtenapps.",
        actueel_tot=datetime.date(2099, 1, 1),
        **kw,
    )


def test_meldpunt_publishes_a_note_that_every_professional_reads(client_as, persona):
    response = client_as("aandachtsfunctionaris").post(
        "/inzicht/trends/nieuw/", {"titel": "Nieuwe werkwijze", "tekst": "Let op X.", "actueel_tot": MORGEN}
    )
    assert response.status_code == 302
    page = client_as("melder").get("/inzicht/trends/").content.decode()
    assert "Nieuwe werkwijze" in page and "nieuw</span>" in page


def test_a_note_is_new_only_until_seen(persona):
    melder = persona("melder")
    _notitie(persona("aandachtsfunctionaris"))
    assert selectors.trendnotities_nieuw(user=melder) == 1
    services.trends_gezien(actor=melder)
    assert selectors.trendnotities_nieuw(user=melder) == 0
    _notitie(persona("aandachtsfunctionaris"), titel="Tweede")
    assert selectors.trendnotities_nieuw(user=melder) == 1


def test_expired_notes_are_not_shown(persona):
    n = _notitie(persona("aandachtsfunctionaris"))
    Trendnotitie.objects.filter(pk=n.pk).update(actueel_tot=datetime.date(2000, 1, 1))
    assert selectors.trendnotities_actueel(user=persona("melder")) == []


def test_bad_input_gets_dutch_messages_and_keeps_the_text(client_as):
    response = client_as("aandachtsfunctionaris").post(
        "/inzicht/trends/nieuw/", {"titel": "", "tekst": "Mijn tekst blijft staan", "actueel_tot": "2001-01-01"}
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Geef de notitie een titel." in page and "Kies een datum vandaag of later." not in page
    assert "Mijn tekst blijft staan" in page


def test_an_edit_conflict_keeps_the_second_persons_text(client_as, persona):
    n = _notitie(persona("aandachtsfunctionaris"))
    services.trendnotitie_update(
        actor=persona("aandachtsfunctionaris"),
        notitie=n,
        versie=1,
        titel="Eerst",
        tekst="A",
        actueel_tot=datetime.date(2099, 1, 1),
    )
    response = client_as("aandachtsfunctionaris").post(
        f"/inzicht/trends/{n.pk}/bewerken/",
        {"titel": "Tweede versie", "tekst": "Mijn getypte tekst", "actueel_tot": MORGEN, "versie": 1},
    )
    page = response.content.decode()
    assert response.status_code == 409 and "intussen gewijzigd" in page and "Mijn getypte tekst" in page
    assert Trendnotitie.objects.get(pk=n.pk).titel == "Eerst"


def test_only_the_meldpunt_writes_notes(client_as):
    response = client_as("melder").post("/inzicht/trends/nieuw/", {"titel": "x", "tekst": "y", "actueel_tot": MORGEN})
    assert response.status_code == 403 and not Trendnotitie.objects.exists()


def test_the_digest_goes_to_subscribers_once(persona, client_as, django_capture_on_commit_callbacks):
    client_as("melder").post("/inzicht/trends/overzicht-per-mail/", {"digest": "aan"})
    assert TrendVolger.objects.get(user=persona("melder")).digest
    _notitie(persona("aandachtsfunctionaris"))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("trendnotities_overzicht")
        call_command("trendnotities_overzicht")
    notices = Notificatie.objects.filter(ontvanger=persona("melder"))
    assert notices.count() == 1 and "Ronselen" in notices.get().tekst
    assert len(mail.outbox) == 1


def test_a_module_is_done_when_every_self_check_is_right(client_as, persona):
    module = Module.objects.get(slug="waar-let-je-op")
    vragen = list(module.vragen.all())
    fout = {f"vraag_{v.pk}": (v.juist + 1) % len(v.opties) for v in vragen}
    goed = {f"vraag_{v.pk}": v.juist for v in vragen}
    client = client_as("melder")
    response = client.post("/inzicht/leerlijn/waar-let-je-op/", fout)
    assert "Niet goed." in response.content.decode()
    assert not Voortgang.objects.filter(user=persona("melder"), afgerond_op__isnull=False).exists()
    response = client.post("/inzicht/leerlijn/waar-let-je-op/", goed)
    assert "deze module is afgerond" in response.content.decode()
    overzicht = client.get("/inzicht/leerlijn/").content.decode()
    assert "1 van de 4 modules afgerond" in overzicht and "Verder met: Wat vraag je?" in overzicht


def test_an_unanswered_question_is_a_message_not_an_error(client_as):
    response = client_as("melder").post("/inzicht/leerlijn/waar-let-je-op/", {"vraag_1": "999"})
    assert (
        response.status_code == 400 and "Kies een antwoord." in response.content.decode() or response.status_code == 400
    )


def test_participation_is_per_department_with_small_cells_suppressed(persona, make_user):
    module = Module.objects.get(slug="waar-let-je-op")
    for _ in range(2):
        Voortgang.objects.create(user=make_user("melder"), module=module, afgerond_op=timezone.now())
    figuur = selectors.deelname_per_afdeling(user=persona("beheerder"))
    assert all(v is None or v == 0 or v >= 5 for row in figuur.tabel.cellen for v in row)
    assert figuur.tabel.rijtotalen == [None] * len(figuur.tabel.rijen)


def test_the_beheerder_edits_a_module_and_professionals_see_it(client_as):
    module = Module.objects.get(slug="de-meldroute")
    response = client_as("beheerder").post(
        "/inzicht/leerlijn/beheer/de-meldroute/",
        {
            "titel": "De meldroute",
            "samenvatting": "Kort",
            "inhoud": "Nieuwe inhoud.",
            "versie": module.versie,
            "actief": "on",
        },
    )
    assert response.status_code == 302
    assert "Nieuwe inhoud." in client_as("melder").get("/inzicht/leerlijn/de-meldroute/").content.decode()


def test_a_switched_off_module_is_gone_for_professionals(client_as):
    Module.objects.filter(slug="de-meldroute").update(actief=False)
    assert client_as("melder").get("/inzicht/leerlijn/de-meldroute/").status_code == 404


def test_the_trends_include_marks_new_notes_and_hides_for_anonymous(persona, rf):
    import datetime as _dt

    from django.contrib.auth.models import AnonymousUser
    from django.template import engines

    from schakelpunt.inzicht.models import Trendnotitie

    Trendnotitie.objects.create(
        titel="Ronselen via sociale media",
        tekst="Let op.",
        actueel_tot=_dt.date(2099, 1, 1),
        auteur=persona("aandachtsfunctionaris"),
    )
    tpl = engines["django"].from_string("{% load inzicht %}{% trends_actueel %}")
    request = rf.get("/")
    request.user = persona("melder")
    html = tpl.render({}, request)
    assert "Ronselen via sociale media" in html and "1 nieuw" in html
    request.user = AnonymousUser()
    assert "Ronselen" not in tpl.render({}, request)


def test_the_beheer_page_leads_to_the_leerlijn_and_the_retention_periods(client_as):
    page = client_as("beheerder").get("/beheer/").content.decode()
    assert 'href="/inzicht/leerlijn/beheer/"' in page and 'href="/privacy/bewaartermijnen/"' in page
