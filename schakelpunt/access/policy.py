"""The access-control point: every view, API endpoint, export and service asks this module.

A permission names the roles that may use it, the purpose of use (doelbinding) and the
processing activity that the audit log records, and optionally an object rule (may this
user act on this object in this role?) and a queryset scope (which objects may this user
see in this role?). Nothing else in the code base decides who may see what.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet

from schakelpunt.accounts.roles import Rol

ObjectRule = Callable[[Any, Any, str], bool]  # (user, obj, role) -> allowed
Scope = Callable[[Any, QuerySet, str], QuerySet]  # (user, queryset, role) -> visible part


@dataclass(frozen=True)
class Permission:
    code: str
    roles: tuple[str, ...]
    purpose: str
    activity: str
    object_rule: ObjectRule | None = None
    scope: Scope | None = None
    description: str = ""


@dataclass(frozen=True)
class Decision:
    permission: str
    allowed: bool
    role: str | None
    purpose: str
    activity: str
    reason: str = ""
    extra: dict = field(default_factory=dict)

    def __bool__(self) -> bool:
        return self.allowed


PERMISSIONS: dict[str, Permission] = {}


def register(permission: Permission) -> Permission:
    if permission.code in PERMISSIONS:
        raise ValueError(f"permission {permission.code} registered twice")
    PERMISSIONS[permission.code] = permission
    return permission


def get(code: str) -> Permission:
    try:
        return PERMISSIONS[code]
    except KeyError:
        raise KeyError(f"unknown permission {code!r}: add it to schakelpunt.access.policy") from None


def _usable(user) -> bool:
    return user is not None and getattr(user, "is_authenticated", False) and user.is_active


def decide(user, code: str, obj: Any = None) -> Decision:
    """May `user` use permission `code` (on `obj`)? Returns the role it is allowed in."""
    perm = get(code)
    if not _usable(user):
        return Decision(code, False, None, perm.purpose, perm.activity, "niet ingelogd")
    for role in perm.roles:
        if not user.has_role(role):
            continue
        if obj is not None and perm.object_rule is not None and not perm.object_rule(user, obj, role):
            continue
        return Decision(code, True, role, perm.purpose, perm.activity)
    return Decision(code, False, None, perm.purpose, perm.activity, "geen passende rol")


def scope(user, code: str, queryset: QuerySet) -> tuple[QuerySet, Decision]:
    """The part of `queryset` the user may see under `code`, union over the user's roles."""
    perm = get(code)
    if not _usable(user):
        return queryset.none(), Decision(code, False, None, perm.purpose, perm.activity, "niet ingelogd")
    visible = None
    acting_role = None
    for role in perm.roles:
        if not user.has_role(role):
            continue
        part = queryset if perm.scope is None else perm.scope(user, queryset, role)
        if perm.scope is None:
            # Unrestricted in this role: nothing can widen it further.
            return part, Decision(code, True, role, perm.purpose, perm.activity)
        visible = part if visible is None else (visible | part)
        acting_role = acting_role or role
    if visible is None:
        return queryset.none(), Decision(code, False, None, perm.purpose, perm.activity, "geen passende rol")
    return visible.distinct(), Decision(code, True, acting_role, perm.purpose, perm.activity)


R = Rol

# --- Pages and functions without an object -------------------------------------------------
register(
    Permission(
        "audit.view",
        (R.PRIVACYFUNCTIONARIS,),
        purpose="Toezicht op de verwerking van persoonsgegevens",
        activity="Inzien toegangslog",
        description="Het toegangslog doorzoeken.",
    )
)
register(
    Permission(
        "beheer.view",
        (R.BEHEERDER,),
        purpose="Functioneel beheer",
        activity="Beheer van gebruikers en instellingen",
    )
)
register(
    Permission(
        "beheer.users.manage",
        (R.BEHEERDER,),
        purpose="Functioneel beheer",
        activity="Beheer van gebruikers",
    )
)
register(
    Permission(
        "meldpunt.inbox",
        (R.AANDACHTSFUNCTIONARIS,),
        purpose="Behandelen van signalen",
        activity="Triage van signalen",
    )
)
register(
    Permission(
        "signaal.report",
        (R.MELDER, R.AANDACHTSFUNCTIONARIS),
        purpose="Melden van een signaal",
        activity="Registratie van signalen",
    )
)
register(
    Permission(
        "api.use",
        tuple(R.values),
        purpose="Gebruik van de API",
        activity="API-toegang",
    )
)

# --- signalen
# Need to know: a melder sees only the signals they reported; the aandachtsfunctionaris all of them.


def _eigen_of_meldpunt(user, signaal, role: str) -> bool:
    if role == R.AANDACHTSFUNCTIONARIS:
        return True
    return getattr(signaal, "melder_id", None) == user.pk


def _eigen_of_meldpunt_scope(user, queryset: QuerySet, role: str) -> QuerySet:
    if role == R.AANDACHTSFUNCTIONARIS:
        return queryset
    return queryset.filter(melder=user)


register(
    Permission(
        "signaal.view",
        (R.AANDACHTSFUNCTIONARIS, R.MELDER),
        purpose="Behandelen van signalen",
        activity="Inzien van signalen",
        object_rule=_eigen_of_meldpunt,
        scope=_eigen_of_meldpunt_scope,
        description="Een signaal inzien: de melder alleen de eigen signalen, de aandachtsfunctionaris alle.",
    )
)
register(
    Permission(
        "signaal.aanvullen",
        (R.AANDACHTSFUNCTIONARIS, R.MELDER),
        purpose="Melden van een signaal",
        activity="Aanvullen van signalen",
        object_rule=_eigen_of_meldpunt,
        description="Informatie toevoegen aan een signaal, bijvoorbeeld een antwoord op een vraag.",
    )
)
register(
    Permission(
        "signaal.bijlage.view",
        (R.AANDACHTSFUNCTIONARIS, R.MELDER),
        purpose="Behandelen van signalen",
        activity="Inzien van bijlagen bij signalen",
        object_rule=_eigen_of_meldpunt,
    )
)
register(
    Permission(
        "signaal.triage",
        (R.AANDACHTSFUNCTIONARIS,),
        purpose="Behandelen van signalen",
        activity="Triage van signalen",
        description="Meer informatie vragen, opschalen, afsluiten; terugkoppeling sturen.",
    )
)
register(
    Permission(
        "signaal.melder.view",
        (R.AANDACHTSFUNCTIONARIS,),
        purpose="Behandelen van signalen",
        activity="Inzien identiteit melder",
        description="De identiteit van de melder is alleen zichtbaar voor de aandachtsfunctionaris.",
    )
)

# --- taxonomie
# Reference material without personal data. Users without any role may read the wegwijzer
# too; its views only ask for a login, this permission names the purpose for everyone else.
register(
    Permission(
        "taxonomie.view",
        tuple(R.values),
        purpose="Signaleren van criminaliteit",
        activity="Raadplegen van de wegwijzer",
        description="Fenomenen en indicatoren bekijken: waar let je op, wat vraag je, waar meld je.",
    )
)
register(
    Permission(
        "taxonomie.manage",
        (R.BEHEERDER,),
        purpose="Functioneel beheer",
        activity="Beheer van fenomenen en indicatoren",
        description="Fenomenen en indicatoren toevoegen, wijzigen, uitzetten en weer actief maken.",
    )
)

# --- subjecten
# The register of persons, addresses, ... is the meldpunt's: the aandachtsfunctionaris sees it all.
# Anyone else sees a person only through an explicit grant (SubjectInzage), and then the person and
# the fact that others know them ("hit"), never what was reported. A melder sees nothing of it.


def _subject_inzage_geldig(user, persoon_id) -> bool:
    from django.db.models import Q
    from django.utils import timezone

    from schakelpunt.subjecten.models import SubjectInzage

    return (
        SubjectInzage.objects.filter(user=user, persoon_id=persoon_id)
        .filter(Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=timezone.localdate()))
        .exists()
    )


def _meldpunt_of_inzage(user, persoon, role: str) -> bool:
    if role == R.AANDACHTSFUNCTIONARIS:
        return True
    return _subject_inzage_geldig(user, getattr(persoon, "pk", None))


def _alleen_inzage(user, persoon, role: str) -> bool:
    return _subject_inzage_geldig(user, getattr(persoon, "pk", None))


def _meldpunt_of_inzage_scope(user, queryset: QuerySet, role: str) -> QuerySet:
    if role == R.AANDACHTSFUNCTIONARIS:
        return queryset
    from django.db.models import Q
    from django.utils import timezone

    return queryset.filter(
        Q(inzagen__geldig_tot__isnull=True) | Q(inzagen__geldig_tot__gte=timezone.localdate()),
        inzagen__user=user,
    )


register(
    Permission(
        "subject.registreren",
        (R.MELDER, R.AANDACHTSFUNCTIONARIS),
        purpose="Melden van een signaal",
        activity="Koppelen van betrokkenen aan subjecten",
        description="De betrokkenen van een nieuw signaal herkennen in het register; de melder ziet hier niets van.",
    )
)
register(
    Permission(
        "subject.view",
        (R.AANDACHTSFUNCTIONARIS, R.CASUSREGISSEUR, R.DEELNEMER),
        purpose="Behandelen van signalen",
        activity="Inzien van subjecten",
        object_rule=_meldpunt_of_inzage,
        scope=_meldpunt_of_inzage_scope,
        description="Een persoon inzien: de aandachtsfunctionaris alle, anderen alleen met een verleende inzage.",
    )
)
register(
    Permission(
        "subject.netwerk.view",
        (R.AANDACHTSFUNCTIONARIS,),
        purpose="Behandelen van signalen",
        activity="Inzien van het netwerk van subjecten",
        description="Relaties, adressen en het familienetwerk van een persoon.",
    )
)
register(
    Permission(
        "subject.hit",
        (R.AANDACHTSFUNCTIONARIS, R.CASUSREGISSEUR, R.DEELNEMER),
        purpose="Samenloop signaleren",
        activity="Melding dat een persoon elders bekend is",
        object_rule=_meldpunt_of_inzage,
        description="Alleen dát een persoon bij andere afdelingen bekend is, nooit wat er gemeld is.",
    )
)
register(
    Permission(
        "subject.combineren.vragen",
        (R.CASUSREGISSEUR, R.DEELNEMER),
        purpose="Samenloop signaleren",
        activity="Verzoek aan het meldpunt om informatie te combineren",
        object_rule=_alleen_inzage,
    )
)
register(
    Permission(
        "subject.koppeling.view",
        (R.AANDACHTSFUNCTIONARIS,),
        purpose="Behandelen van signalen",
        activity="Inzien van koppelingen van betrokkenen aan subjecten",
        description="Welk subject een betrokkene is, of welke kandidaten er zijn.",
    )
)
register(
    Permission(
        "subject.match.beoordelen",
        (R.AANDACHTSFUNCTIONARIS,),
        purpose="Behandelen van signalen",
        activity="Beoordelen, samenvoegen en splitsen van personen",
        description="Mogelijke matches bevestigen of afwijzen; samenvoegingen en splitsingen (en ongedaan maken).",
    )
)
register(
    Permission(
        "subject.relatie.beheren",
        (R.AANDACHTSFUNCTIONARIS,),
        purpose="Behandelen van signalen",
        activity="Vastleggen van relaties tussen subjecten",
    )
)
register(
    Permission(
        "subject.inzage.verlenen",
        (R.AANDACHTSFUNCTIONARIS,),
        purpose="Behandelen van signalen",
        activity="Verlenen van inzage in een subject",
    )
)
register(
    Permission(
        "samenloop.view",
        (R.AANDACHTSFUNCTIONARIS,),
        purpose="Samenloop signaleren",
        activity="Inzien van samenloop",
    )
)
register(
    Permission(
        "samenloop.afhandelen",
        (R.AANDACHTSFUNCTIONARIS,),
        purpose="Samenloop signaleren",
        activity="Afhandelen van samenloop",
    )
)

# --- adviesvragen
# A question without names: the melder sees their own, the meldpunt all of them. Figures only count.


def _eigen_adviesvraag(user, adviesvraag, role: str) -> bool:
    if role == R.AANDACHTSFUNCTIONARIS:
        return True
    return getattr(adviesvraag, "melder_id", None) == user.pk


def _eigen_adviesvraag_scope(user, queryset: QuerySet, role: str) -> QuerySet:
    if role == R.AANDACHTSFUNCTIONARIS:
        return queryset
    return queryset.filter(melder=user)


register(
    Permission(
        "adviesvraag.stellen",
        (R.MELDER,),
        purpose="Advies vragen over een situatie",
        activity="Adviesvragen aan het meldpunt",
        description="Een situatie zonder namen voorleggen aan het meldpunt.",
    )
)
register(
    Permission(
        "adviesvraag.view",
        (R.AANDACHTSFUNCTIONARIS, R.MELDER),
        purpose="Advies vragen over een situatie",
        activity="Inzien van adviesvragen",
        object_rule=_eigen_adviesvraag,
        scope=_eigen_adviesvraag_scope,
        description="De melder de eigen adviesvragen, de aandachtsfunctionaris alle.",
    )
)
register(
    Permission(
        "adviesvraag.beantwoorden",
        (R.AANDACHTSFUNCTIONARIS,),
        purpose="Advies geven aan melders",
        activity="Beantwoorden van adviesvragen",
    )
)
register(
    Permission(
        "adviesvraag.omzetten",
        (R.MELDER,),
        purpose="Melden van een signaal",
        activity="Een adviesvraag omzetten in een signaal",
        object_rule=lambda user, adviesvraag, role: getattr(adviesvraag, "melder_id", None) == user.pk,
        description="Alleen wie de vraag stelde maakt er een signaal van.",
    )
)
register(
    Permission(
        "adviesvraag.telling",
        (R.AANDACHTSFUNCTIONARIS, R.BESTUUR),
        purpose="Bewustwording en beleid",
        activity="Cijfers zonder persoonsgegevens",
        description="Hoe vaak er advies gevraagd is, per maand en afdeling; nooit wat.",
    )
)

# --- figures on the desk (bestuur / beleid): numbers only, never a person or a signal's content
register(
    Permission(
        "inzicht.cijfers",
        (R.BESTUUR, R.AANDACHTSFUNCTIONARIS),
        purpose="Bewustwording en beleid",
        activity="Cijfers zonder persoonsgegevens",
        description="Aantallen signalen, samenloop en adviesvragen per periode.",
    )
)

# --- beheer: roles that see most need a second beheerder (four eyes); departments
register(
    Permission(
        "beheer.rollen.goedkeuren",
        (R.BEHEERDER,),
        purpose="Functioneel beheer",
        activity="Goedkeuren van rollen (vier ogen)",
        object_rule=lambda user, voorstel, role: (
            user.pk not in (getattr(voorstel, "voorgesteld_door_id", None), getattr(voorstel, "user_id", None))
        ),
        description="Een tweede beheerder keurt een voorgestelde rol goed; nooit de voorsteller of de ontvanger zelf.",
    )
)
register(
    Permission(
        "beheer.afdelingen.manage",
        (R.BEHEERDER,),
        purpose="Functioneel beheer",
        activity="Beheer van afdelingen",
    )
)
