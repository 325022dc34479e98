"""Beheer on screen: users, roles with the four-eyes rule, departments; audited; refused for others."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from schakelpunt.accounts.models import Afdeling, Roltoewijzing, User
from schakelpunt.audit.models import AuditRecord
from schakelpunt.beheer import services
from schakelpunt.beheer.models import RolVoorstel
from schakelpunt.notificaties.models import Notificatie

pytestmark = pytest.mark.django_db


@pytest.fixture
def tweede(make_user):
    return make_user("beheerder", username="beheerder2")


def _rollen(user) -> set[str]:
    return set(Roltoewijzing.objects.filter(user=user).values_list("rol", flat=True))


def test_create_user_gives_plain_roles_at_once_and_proposes_the_rest(persona, tweede):
    beheerder = persona("beheerder")
    afdeling = Afdeling.objects.create(naam="Handhaving")
    user = services.gebruiker_aanmaken(
        actor=beheerder,
        username="boa1",
        last_name="Handhaver",
        afdeling=afdeling,
        rollen=["melder", "aandachtsfunctionaris"],
        reden="Vervangt de aandachtsfunctionaris tijdens verlof",
    )
    assert _rollen(user) == {"melder"}
    assert not user.has_usable_password()
    voorstel = RolVoorstel.objects.get(user=user)
    assert voorstel.rol == "aandachtsfunctionaris" and voorstel.status == "open"
    assert Notificatie.objects.filter(ontvanger=tweede).exists()
    assert not Notificatie.objects.filter(ontvanger=beheerder).exists()
    assert AuditRecord.objects.filter(object_type="gebruiker", object_id=str(user.pk), actie="aanmaken").exists()


def test_a_sensitive_role_needs_a_reason(persona):
    with pytest.raises(ValidationError) as exc:
        services.rol_geven(actor=persona("beheerder"), user=persona("melder"), rol="privacyfunctionaris")
    assert "reden" in exc.value.message_dict


@pytest.mark.parametrize("rol", ["aandachtsfunctionaris", "privacyfunctionaris", "beheerder"])
def test_four_eyes_the_proposer_cannot_approve_a_second_beheerder_can(persona, tweede, rol):
    melder = persona("melder")
    voorstel = services.rol_geven(actor=persona("beheerder"), user=melder, rol=rol, reden="Nodig")
    assert rol not in _rollen(melder)
    with pytest.raises(PermissionDenied):
        services.rolvoorstel_goedkeuren(actor=persona("beheerder"), voorstel=voorstel)
    services.rolvoorstel_goedkeuren(actor=tweede, voorstel=voorstel)
    assert rol in _rollen(melder)
    assert AuditRecord.objects.filter(object_type="rolvoorstel", actor_username="beheerder2").exists()


def test_nobody_approves_their_own_role(persona, tweede):
    voorstel = services.rol_geven(actor=persona("beheerder"), user=tweede, rol="privacyfunctionaris", reden="Nodig")
    with pytest.raises(PermissionDenied):
        services.rolvoorstel_goedkeuren(actor=tweede, voorstel=voorstel)


def test_non_beheerders_cannot_approve_or_manage(persona, tweede):
    voorstel = services.rol_geven(actor=persona("beheerder"), user=persona("melder"), rol="beheerder", reden="x")
    for rol in ("aandachtsfunctionaris", "privacyfunctionaris", "melder"):
        with pytest.raises(PermissionDenied):
            services.rolvoorstel_goedkeuren(actor=persona(rol), voorstel=voorstel)
        with pytest.raises(PermissionDenied):
            services.rol_geven(actor=persona(rol), user=persona("deelnemer"), rol="bestuur")
        with pytest.raises(PermissionDenied):
            services.afdeling_aanmaken(actor=persona(rol), naam="Stiekem")
    assert AuditRecord.objects.filter(uitkomst="geweigerd", actor_username="privacyfunctionaris").exists()


def test_rejecting_needs_a_reason_and_gives_no_role(persona, tweede):
    melder = persona("melder")
    voorstel = services.rol_geven(actor=persona("beheerder"), user=melder, rol="aandachtsfunctionaris", reden="x")
    with pytest.raises(ValidationError):
        services.rolvoorstel_afwijzen(actor=tweede, voorstel=voorstel, toelichting="")
    services.rolvoorstel_afwijzen(actor=tweede, voorstel=voorstel, toelichting="Geen vervanging nodig")
    assert "aandachtsfunctionaris" not in _rollen(melder)
    with pytest.raises(ValidationError):
        services.rolvoorstel_goedkeuren(actor=tweede, voorstel=voorstel)


def test_taking_a_role_is_immediate_but_not_the_last_beheerder(persona):
    melder = persona("melder")
    services.rol_intrekken(actor=persona("beheerder"), user=melder, rol="melder")
    assert _rollen(melder) == set()
    with pytest.raises(ValidationError) as exc:
        services.rol_intrekken(actor=persona("beheerder"), user=persona("beheerder"), rol="beheerder")
    assert "laatste actieve beheerder" in exc.value.messages[0]


def test_plain_role_at_once(persona):
    services.rol_geven(actor=persona("beheerder"), user=persona("melder"), rol="deelnemer")
    assert "deelnemer" in _rollen(persona("melder"))


def test_departments_create_rename_delete_only_when_empty(persona):
    beheerder = persona("beheerder")
    afdeling = services.afdeling_aanmaken(actor=beheerder, naam="Wonen")
    with pytest.raises(ValidationError):
        services.afdeling_aanmaken(actor=beheerder, naam="wonen")
    services.afdeling_hernoemen(actor=beheerder, afdeling=afdeling, naam="Wonen en Vergunningen")
    assert Afdeling.objects.filter(naam="Wonen en Vergunningen").exists()
    with pytest.raises(ValidationError):
        services.afdeling_verwijderen(actor=beheerder, afdeling=persona("melder").afdeling)
    services.afdeling_verwijderen(actor=beheerder, afdeling=afdeling)
    assert not Afdeling.objects.filter(pk=afdeling.pk).exists()
    assert AuditRecord.objects.filter(object_type="afdeling", actie="verwijderen").exists()


def test_duplicate_username_shows_a_dutch_message_and_keeps_input(client_as, persona):
    persona("melder")
    response = client_as("beheerder").post(
        reverse("beheer:gebruiker_nieuw"), {"username": "melder", "last_name": "Dubbel", "email": "x@gemeente.nl"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Deze gebruikersnaam bestaat al" in page and 'value="x@gemeente.nl"' in page
    assert User.objects.filter(username="melder").count() == 1


def test_overview_shows_proposals_and_desk_counts_them(client_as, persona, tweede):
    services.rol_geven(actor=tweede, user=persona("melder"), rol="aandachtsfunctionaris", reden="Verlof")
    page = client_as("beheerder").get(reverse("ui:beheer")).content.decode()
    assert "Wacht op goedkeuring" in page and "Goedkeuren" in page
    home = client_as("beheerder").get(reverse("ui:home")).content.decode()
    assert "Rollen die op jouw goedkeuring wachten" in home
