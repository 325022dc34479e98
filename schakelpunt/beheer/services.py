"""Beheer write operations: users, roles with the four-eyes rule, departments. Each one audited.

Giving a role in VIER_OGEN_ROLLEN makes a proposal (RolVoorstel) that a second beheerder, not
the proposer and not the person concerned, approves or rejects. Taking a role away happens at
once: removing access should never wait for a colleague.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from schakelpunt.access.decorators import require
from schakelpunt.accounts.models import Afdeling, Roltoewijzing
from schakelpunt.accounts.roles import Rol
from schakelpunt.audit.models import Action
from schakelpunt.audit.services import log_access
from schakelpunt.beheer.models import VIER_OGEN_ROLLEN, RolVoorstel
from schakelpunt.notificaties.services import notificatie_send

User = get_user_model()


def _log(actor, decision, actie: str, object_type: str, object_id, toelichting: str) -> None:
    log_access(
        actor=actor,
        decision=decision,
        actie=actie,
        object_type=object_type,
        object_id=object_id,
        toelichting=toelichting,
    )


def _label(rol: str) -> str:
    return Rol(rol).label


def _check_persoonsgegevens(username: str, email: str, first_name: str, last_name: str, *, bestaand=None) -> dict:
    errors: dict[str, str] = {}
    username = (username or "").strip()
    if not username:
        errors["username"] = "Vul een gebruikersnaam in."
    elif User.objects.filter(username__iexact=username).exclude(pk=getattr(bestaand, "pk", None)).exists():
        errors["username"] = "Deze gebruikersnaam bestaat al. Kies een andere."
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors["email"] = "Vul een geldig e-mailadres in, bijvoorbeeld naam@gemeente.nl."
    if not (first_name or "").strip() and not (last_name or "").strip():
        errors["last_name"] = "Vul een naam in, zodat collega's weten wie dit is."
    return errors


def gebruiker_aanmaken(
    *,
    actor,
    username: str,
    afdeling: Afdeling | None,
    rollen: Iterable[str] = (),
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    reden: str = "",
) -> User:
    """A new account without a password (the user sets one via "wachtwoord vergeten" or logs in via
    the municipality's account). Roles that see most become proposals for a second beheerder."""
    decision = require(actor, "beheer.users.manage", object_type="gebruiker")
    rollen = list(dict.fromkeys(rollen))
    errors = _check_persoonsgegevens(username, email, first_name, last_name)
    if any(r not in Rol.values for r in rollen):
        errors["rollen"] = "Kies bestaande rollen."
    if any(r in VIER_OGEN_ROLLEN for r in rollen) and not (reden or "").strip():
        errors["reden"] = (
            "Leg uit waarom deze persoon een rol nodig heeft die veel ziet; een tweede beheerder beoordeelt dit."
        )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        user = User(
            username=username.strip(),
            first_name=(first_name or "").strip(),
            last_name=(last_name or "").strip(),
            email=(email or "").strip(),
            afdeling=afdeling,
        )
        user.set_unusable_password()
        user.save()
        _log(actor, decision, Action.CREATE, "gebruiker", user.pk, "aangemaakt in beheer")
        for rol in rollen:
            _rol_geven(actor=actor, user=user, rol=rol, reden=reden)
    return user


def gebruiker_wijzigen(*, actor, user, first_name: str, last_name: str, email: str, afdeling: Afdeling | None) -> User:
    decision = require(actor, "beheer.users.manage", object_type="gebruiker")
    errors = _check_persoonsgegevens(user.username, email, first_name, last_name, bestaand=user)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        user.first_name, user.last_name = first_name.strip(), last_name.strip()
        user.email, user.afdeling = email.strip(), afdeling
        user.save(update_fields=["first_name", "last_name", "email", "afdeling"])
        _log(actor, decision, Action.UPDATE, "gebruiker", user.pk, "gegevens gewijzigd")
    return user


def _rol_geven(*, actor, user, rol: str, reden: str) -> Roltoewijzing | RolVoorstel | None:
    decision = require(actor, "beheer.users.manage", object_type="gebruiker")
    if Roltoewijzing.objects.filter(user=user, rol=rol).exists():
        return None
    if rol in VIER_OGEN_ROLLEN:
        if RolVoorstel.objects.filter(user=user, rol=rol, status=RolVoorstel.Status.OPEN).exists():
            raise ValidationError({"rol": f"Er ligt al een voorstel voor de rol {_label(rol)}."})
        voorstel = RolVoorstel.objects.create(user=user, rol=rol, reden=reden.strip(), voorgesteld_door=actor)
        _log(
            actor,
            decision,
            Action.CREATE,
            "rolvoorstel",
            voorstel.pk,
            f"rol {rol} voorgesteld voor gebruiker {user.pk}",
        )
        notificatie_send(
            ontvangers=User.objects.filter(rollen__rol=Rol.BEHEERDER, is_active=True).exclude(
                pk__in=[actor.pk, user.pk]
            ),
            onderwerp=f"Vier ogen: rol {_label(rol)} voor {user.display_name()}",
            tekst=f"{actor.display_name()} stelt voor deze rol te geven. Een tweede beheerder moet dit goedkeuren.",
            url=reverse("ui:beheer"),
        )
        return voorstel
    toewijzing = Roltoewijzing.objects.create(user=user, rol=rol)
    _log(actor, decision, Action.CREATE, "roltoewijzing", user.pk, f"rol {rol} gegeven")
    return toewijzing


def rol_geven(*, actor, user, rol: str, reden: str = "") -> Roltoewijzing | RolVoorstel | None:
    """Give a role at once, or propose it when it is one of the roles that see most."""
    errors = {}
    if rol not in Rol.values:
        errors["rol"] = "Kies een rol."
    elif rol in VIER_OGEN_ROLLEN and not (reden or "").strip():
        errors["reden"] = "Leg uit waarom deze rol nodig is; een tweede beheerder beoordeelt dit."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        return _rol_geven(actor=actor, user=user, rol=rol, reden=reden or "")


def rol_intrekken(*, actor, user, rol: str) -> None:
    """Take a role away at once. The last active beheerder keeps theirs, or nobody could manage anything."""
    decision = require(actor, "beheer.users.manage", object_type="gebruiker")
    with transaction.atomic():
        if rol == Rol.BEHEERDER:
            beheerders = list(
                User.objects.select_for_update()
                .filter(rollen__rol=Rol.BEHEERDER, is_active=True)
                .values_list("pk", flat=True)
            )
            if beheerders == [user.pk]:
                raise ValidationError(
                    {"rol": "Dit is de laatste actieve beheerder. Geef eerst iemand anders deze rol."}
                )
        deleted, _ = Roltoewijzing.objects.filter(user=user, rol=rol).delete()
        if not deleted:
            raise ValidationError({"rol": f"{user.display_name()} heeft de rol {_label(rol)} niet (meer)."})
        _log(actor, decision, Action.DELETE, "roltoewijzing", user.pk, f"rol {rol} ingetrokken")
    user.__dict__.pop("_role_codes", None)


def _beoordelen(*, actor, voorstel: RolVoorstel, goedkeuren: bool, toelichting: str) -> RolVoorstel:
    decision = require(actor, "beheer.rollen.goedkeuren", voorstel, object_type="rolvoorstel")
    if not goedkeuren and not (toelichting or "").strip():
        raise ValidationError({"toelichting": "Leg uit waarom je dit afwijst; de voorsteller leest het."})
    with transaction.atomic():
        locked = RolVoorstel.objects.select_for_update().select_related("user").get(pk=voorstel.pk)
        if locked.status != RolVoorstel.Status.OPEN:
            raise ValidationError({"status": "Over dit voorstel is al besloten."})
        locked.status = RolVoorstel.Status.GOEDGEKEURD if goedkeuren else RolVoorstel.Status.AFGEWEZEN
        locked.beoordeeld_door, locked.beoordeeld_op = actor, timezone.now()
        locked.toelichting = (toelichting or "").strip()
        locked.save()
        if goedkeuren:
            Roltoewijzing.objects.get_or_create(user=locked.user, rol=locked.rol)
        _log(
            actor,
            decision,
            Action.UPDATE,
            "rolvoorstel",
            locked.pk,
            f"rol {locked.rol} voor gebruiker {locked.user_id} {'goedgekeurd' if goedkeuren else 'afgewezen'}",
        )
        notificatie_send(
            ontvangers=[locked.voorgesteld_door],
            onderwerp=f"Voorstel rol {_label(locked.rol)} {'goedgekeurd' if goedkeuren else 'afgewezen'}",
            tekst=locked.toelichting,
            url=reverse("beheer:gebruiker", kwargs={"pk": locked.user_id}),
        )
    voorstel.refresh_from_db()
    return voorstel


def rolvoorstel_goedkeuren(*, actor, voorstel: RolVoorstel, toelichting: str = "") -> RolVoorstel:
    return _beoordelen(actor=actor, voorstel=voorstel, goedkeuren=True, toelichting=toelichting)


def rolvoorstel_afwijzen(*, actor, voorstel: RolVoorstel, toelichting: str) -> RolVoorstel:
    return _beoordelen(actor=actor, voorstel=voorstel, goedkeuren=False, toelichting=toelichting)


# --- Afdelingen -------------------------------------------------------------------------------


def _check_naam(naam: str, bestaand: Afdeling | None = None) -> str:
    naam = (naam or "").strip()
    if not naam:
        raise ValidationError({"naam": "Vul de naam van de afdeling in."})
    # The rename form posts a bare field: check the length here, not only in AfdelingForm
    # (PostgreSQL refuses a name beyond the column; SQLite would have stored it).
    maximum = Afdeling._meta.get_field("naam").max_length
    if len(naam) > maximum:
        raise ValidationError({"naam": f"De naam mag hoogstens {maximum} tekens lang zijn."})
    if Afdeling.objects.filter(naam__iexact=naam).exclude(pk=getattr(bestaand, "pk", None)).exists():
        raise ValidationError({"naam": "Er is al een afdeling met deze naam."})
    return naam


def afdeling_aanmaken(*, actor, naam: str) -> Afdeling:
    decision = require(actor, "beheer.afdelingen.manage", object_type="afdeling")
    naam = _check_naam(naam)
    with transaction.atomic():
        afdeling = Afdeling.objects.create(naam=naam)
        _log(actor, decision, Action.CREATE, "afdeling", afdeling.pk, f"afdeling {naam} aangemaakt")
    return afdeling


def afdeling_hernoemen(*, actor, afdeling: Afdeling, naam: str) -> Afdeling:
    """A new name; signals keep pointing at the same department."""
    decision = require(actor, "beheer.afdelingen.manage", object_type="afdeling")
    naam = _check_naam(naam, afdeling)
    with transaction.atomic():
        oud = afdeling.naam
        afdeling.naam = naam
        afdeling.save(update_fields=["naam"])
        _log(actor, decision, Action.UPDATE, "afdeling", afdeling.pk, f"hernoemd van {oud} naar {naam}"[:300])
    return afdeling


def afdeling_verwijderen(*, actor, afdeling: Afdeling) -> None:
    """Only a department nobody works in and no signal or question came from."""
    decision = require(actor, "beheer.afdelingen.manage", object_type="afdeling")
    if afdeling.medewerkers.exists() or afdeling.signalen.exists() or afdeling.adviesvragen.exists():
        raise ValidationError(
            {"naam": "Deze afdeling heeft medewerkers of signalen. Verplaats de medewerkers of hernoem de afdeling."}
        )
    with transaction.atomic():
        pk, naam = afdeling.pk, afdeling.naam
        afdeling.delete()
        _log(actor, decision, Action.DELETE, "afdeling", pk, f"afdeling {naam} verwijderd")
