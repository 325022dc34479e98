"""Account write operations: create users, (de)activate, two-factor devices, API tokens."""

from __future__ import annotations

from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice
from knox.models import AuthToken

from schakelpunt.access.decorators import refuse
from schakelpunt.access.policy import decide
from schakelpunt.accounts.models import Afdeling, Roltoewijzing, User, UserSession
from schakelpunt.accounts.roles import ALL_ROLES
from schakelpunt.audit.models import Action
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
            verwerking="Beheer van gebruikers",
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
        log_access(
            actor=actor,
            decision=decision,
            actie=Action.UPDATE,
            object_type="gebruiker",
            object_id=user.pk,
            toelichting="geactiveerd" if active else "gedeactiveerd",
        )
    return user


def api_token_create(*, user: User) -> str:
    """Issue a new API token; only its hash is stored, the token itself is returned once."""
    _instance, token = AuthToken.objects.create(user=user)
    log_event(
        actor=user,
        actie=Action.CREATE,
        doel="Functioneel beheer",
        verwerking="API-toegang",
        object_type="api-token",
        object_id=_instance.token_key,
    )
    return token


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
            verwerking="Tweestapsverificatie",
            object_type="gebruiker",
            object_id=str(user.pk),
            toelichting="tweestapsverificatie ingesteld",
        )


def totp_devices_reset(*, user: User) -> None:
    TOTPDevice.objects.filter(user=user).delete()
    log_event(
        actor=user,
        actie=Action.DELETE,
        verwerking="Tweestapsverificatie",
        object_type="gebruiker",
        object_id=str(user.pk),
        toelichting="tweestapsverificatie gewist",
    )
