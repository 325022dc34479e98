"""Account write operations: create users, (de)activate, two-factor devices, API tokens (purpose, lifetime)."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice
from knox.models import AuthToken

from schakelpunt.access.decorators import refuse
from schakelpunt.access.policy import decide
from schakelpunt.accounts.models import Afdeling, ApiToken, Roltoewijzing, User, UserSession
from schakelpunt.accounts.roles import ALL_ROLES
from schakelpunt.audit.models import Action, Outcome
from schakelpunt.audit.services import log_access, log_event


def user_create(
    *,
    username: str,
    roles: list[str],
    afdeling: str,
    password: str | None = None,
    email: str = "",
    first_name: str = "",
    last_name: str = "",
) -> User:
    """Create a user (system operation: management command and demo data, not a web action)."""
    unknown = [r for r in roles if r not in ALL_ROLES]
    if unknown:
        raise ValueError(f"onbekende rol(len): {', '.join(unknown)}; kies uit {', '.join(ALL_ROLES)}")
    if not roles:
        raise ValueError("geef minstens één rol op")
    with transaction.atomic():
        dept, _created = Afdeling.objects.get_or_create(naam=afdeling)
        user = User(username=username, email=email, first_name=first_name, last_name=last_name, afdeling=dept)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save()
        Roltoewijzing.objects.bulk_create([Roltoewijzing(user=user, rol=r) for r in dict.fromkeys(roles)])
        log_event(
            actor=None,
            actie=Action.CREATE,
            doel="Functioneel beheer",
            verwerking="beheer.functioneel",
            object_type="gebruiker",
            object_id=str(user.pk),
            toelichting="aangemaakt via beheercommando",
        )
    return user


def end_all_sessions(user: User) -> int:
    keys = list(UserSession.objects.filter(user=user).values_list("session_key", flat=True))
    Session.objects.filter(session_key__in=keys).delete()
    UserSession.objects.filter(user=user).delete()
    return len(keys)


def user_set_active(*, actor: User, user: User, active: bool) -> User:
    """Enable or disable an account; disabling ends all its sessions and revokes its API tokens."""
    decision = decide(actor, "beheer.users.manage")
    if not decision:
        refuse(actor, decision, object_type="gebruiker", object_id=str(user.pk))
    if user.pk == actor.pk and not active:
        raise ValidationError(_("Je kunt je eigen account niet uitschakelen."))
    with transaction.atomic():
        user.is_active = active
        user.save(update_fields=["is_active"])
        if not active:
            end_all_sessions(user)
            AuthToken.objects.filter(user=user).delete()
            ApiToken.objects.filter(user=user, ingetrokken_op__isnull=True).update(
                ingetrokken_op=timezone.now(), ingetrokken_door=actor
            )
        log_access(
            actor=actor,
            decision=decision,
            actie=Action.UPDATE,
            object_type="gebruiker",
            object_id=user.pk,
            toelichting="geactiveerd" if active else "gedeactiveerd",
        )
    return user


def needs_four_eyes(user: User) -> bool:
    """Whether `user` holds a role whose API tokens need a beheerder's request and a second one's approval."""
    return bool(user.role_codes & set(settings.API_TOKEN_FOUR_EYES_ROLES))


def _check_dagen(dagen: int | None) -> int:
    dagen = settings.API_TOKEN_DEFAULT_DAYS if dagen is None else dagen
    if not 1 <= dagen <= settings.API_TOKEN_MAX_DAYS:
        raise ValidationError(_("Een token is 1 tot %(max)s dagen geldig.") % {"max": settings.API_TOKEN_MAX_DAYS})
    return dagen


def _log_token(actor, record: ApiToken, toelichting: str, actie: str = Action.CREATE, uitkomst: str = Outcome.SUCCESS):
    log_event(
        actor=actor,
        actie=actie,
        uitkomst=uitkomst,
        doel="Functioneel beheer",
        verwerking="beveiliging.toegang",
        object_type="api-token",
        object_id=str(record.pk),
        toelichting=f"{toelichting}; gebruiker {record.user_id}; doel: {record.doel}"[:300],
    )


def _beheerder(actor, record: ApiToken | None = None, *, user: User | None = None):
    decision = decide(actor, "beheer.users.manage")
    if not decision:
        refuse(actor, decision, object_type="api-token", object_id=str(record.pk) if record else "")
    if user is not None and actor.pk == user.pk:
        raise ValidationError(_("Je kunt geen token voor jezelf aanvragen of goedkeuren."))
    return decision


def _uitgeven(record: ApiToken) -> str:
    instance, token = AuthToken.objects.create(user=record.user, expiry=timedelta(days=record.geldig_dagen))
    record.token = instance
    record.token_key = instance.token_key
    record.uitgegeven_op = instance.created
    record.verloopt_op = instance.expiry
    record.save(update_fields=["token", "token_key", "uitgegeven_op", "verloopt_op"])
    return token


def api_token_issue(*, actor: User | None, user: User, doel: str, dagen: int | None = None) -> tuple[ApiToken, str]:
    """Issue an API token with a purpose and a lifetime; returns the record and the token (shown once).

    For a user in a four-eyes role this only records the request of `actor`, who must be a
    beheerder other than the user; the token comes with api_token_approve and is "" until then.
    Other tokens are issued at once (by a beheerder, or by the system: create_user).
    """
    doel = (doel or "").strip()
    if not doel:
        raise ValidationError(_("Geef het doel van het token op, bijvoorbeeld de koppeling die het gebruikt."))
    dagen = _check_dagen(dagen)
    four_eyes = needs_four_eyes(user)
    if four_eyes:
        _beheerder(actor, user=user)
    elif actor is not None:
        _beheerder(actor)
    with transaction.atomic():
        record = ApiToken.objects.create(user=user, doel=doel[:200], geldig_dagen=dagen, aangevraagd_door=actor)
        token = "" if four_eyes else _uitgeven(record)
        _log_token(
            actor, record, "aangevraagd, wacht op tweede beheerder" if four_eyes else f"uitgegeven, {dagen} dagen"
        )
    return record, token


def api_token_approve(*, actor: User, record: ApiToken) -> str:
    """The second beheerder approves a requested token; returns the token (shown once)."""
    _beheerder(actor, record, user=record.user)
    with transaction.atomic():
        record = ApiToken.objects.select_for_update().get(pk=record.pk)
        if record.aangevraagd_door_id == actor.pk:
            raise ValidationError(_("Een tweede beheerder moet het token goedkeuren, niet wie het aanvroeg."))
        if record.uitgegeven_op is not None or record.ingetrokken_op is not None:
            raise ValidationError(_("Dit token wacht niet (meer) op goedkeuring."))
        record.goedgekeurd_door = actor
        record.save(update_fields=["goedgekeurd_door"])
        token = _uitgeven(record)
        _log_token(actor, record, f"goedgekeurd en uitgegeven, {record.geldig_dagen} dagen")
    return token


def api_token_revoke(*, actor: User | None, record: ApiToken) -> ApiToken:
    """Revoke a token (or withdraw a request): it stops working at once; the record stays."""
    if actor is not None:
        _beheerder(actor, record)
    with transaction.atomic():
        record = ApiToken.objects.select_for_update().get(pk=record.pk)
        if record.token_id:
            AuthToken.objects.filter(pk=record.token_id).delete()
        record.ingetrokken_op = timezone.now()
        record.ingetrokken_door = actor
        record.save(update_fields=["ingetrokken_op", "ingetrokken_door"])
        _log_token(actor, record, "ingetrokken", actie=Action.DELETE)
    return record


def api_token_create(*, user: User, doel: str = "API-toegang", dagen: int | None = None) -> str:
    """Issue a token at once for a user outside the four-eyes roles (create_user, tests); returns the token."""
    if needs_four_eyes(user):
        raise ValidationError(
            _("Voor deze rol geeft een beheerder het token uit en keurt een tweede beheerder het goed.")
        )
    return api_token_issue(actor=None, user=user, doel=doel, dagen=dagen)[1]


def totp_device_start(*, user: User) -> TOTPDevice:
    """Begin (re)configuring two-factor: an unconfirmed device replaces any unconfirmed one."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name="Authenticator-app", confirmed=False)


def totp_device_confirm(*, user: User, device: TOTPDevice) -> None:
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        log_event(
            actor=user,
            actie=Action.UPDATE,
            verwerking="beveiliging.toegang",
            object_type="gebruiker",
            object_id=str(user.pk),
            toelichting="tweestapsverificatie ingesteld",
        )


def totp_devices_reset(*, user: User) -> None:
    TOTPDevice.objects.filter(user=user).delete()
    log_event(
        actor=user,
        actie=Action.DELETE,
        verwerking="beveiliging.toegang",
        object_type="gebruiker",
        object_id=str(user.pk),
        toelichting="tweestapsverificatie gewist",
    )
