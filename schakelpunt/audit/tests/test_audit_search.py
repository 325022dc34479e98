"""The privacyfunctionaris' search screen: by user, person concerned, object and period."""

from datetime import UTC, datetime, timedelta

from django.utils import timezone

from schakelpunt.access.policy import decide
from schakelpunt.audit.models import AuditRecord
from schakelpunt.audit.services import log_access


def seed(persona):
    for role, betrokkene in (("melder", "persoon:1"), ("beheerder", "persoon:2")):
        user = persona(role)
        decision = decide(user, "beheer.view") if role == "beheerder" else decide(user, "signaal.report")
        log_access(actor=user, decision=decision, object_type="signaal", object_id="9", betrokkenen=[betrokkene])


def rows(response):
    return list(response.context["page"].object_list)


def test_search_by_person_concerned_answers_who_looked_at_my_data(client_as, persona):
    seed(persona)
    response = client_as("privacyfunctionaris").get("/toegangslog/", {"betrokkene": "persoon:1"})
    found = rows(response)
    # The search itself touched persoon:1's data too, so it is part of the answer.
    assert [(r.actor_username, r.actie) for r in found] == [("privacyfunctionaris", "zoeken"), ("melder", "lezen")]


def test_search_by_user_object_and_period(client_as, persona):
    seed(persona)
    client = client_as("privacyfunctionaris")
    assert {r.betrokkene for r in rows(client.get("/toegangslog/", {"gebruiker": "beheerder"}))} == {"persoon:2"}
    assert len(rows(client.get("/toegangslog/", {"object_type": "signaal", "object_id": "9"}))) == 2
    today = datetime.now(UTC).date()  # the filter works in UTC days, like the column
    assert len(rows(client.get("/toegangslog/", {"van": today, "tot": today, "object_type": "signaal"}))) == 2
    tomorrow = today + timedelta(days=1)
    assert rows(client.get("/toegangslog/", {"van": tomorrow, "object_type": "signaal"})) == []


def test_the_search_itself_is_logged(client_as, persona):
    client_as("privacyfunctionaris").get("/toegangslog/", {"betrokkene": "persoon:1"})
    record = AuditRecord.objects.get(actie="zoeken")
    assert record.betrokkene == "persoon:1"
    assert record.rol == "privacyfunctionaris"


def test_invalid_period_gives_dutch_error(client_as):
    response = client_as("privacyfunctionaris").get("/toegangslog/", {"van": "2026-05-02", "tot": "2026-05-01"})
    assert "De einddatum ligt vóór de begindatum." in response.content.decode()
    response = client_as("privacyfunctionaris").get("/toegangslog/", {"van": "gisteren"})
    assert "Vul een geldige datum in" in response.content.decode()


def test_nobody_else_sees_the_log(client_as):
    for role in ("melder", "aandachtsfunctionaris", "beheerder", "bestuur", "casusregisseur", "deelnemer"):
        assert client_as(role).get("/toegangslog/").status_code == 403


def test_the_utc_column_shows_utc(client_as, persona, settings):
    settings.TIME_ZONE = "Europe/Amsterdam"
    seed(persona)
    record = AuditRecord.objects.get(actor_username="melder")
    response = client_as("privacyfunctionaris").get("/toegangslog/", {"gebruiker": "melder"})
    html = response.content.decode()
    utc = record.tijdstip.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
    local = timezone.localtime(record.tijdstip).strftime("%Y-%m-%d %H:%M:%S")
    assert utc != local
    assert f"<td>{utc}</td>" in html
    assert f"<td>{local}</td>" not in html
