"""What waits on the desk from signalen: for the meldpunt the inbox in parts, for a melder the questions to them."""

from __future__ import annotations

from django.db.models import F, Max, Q
from django.urls import reverse
from django.utils import timezone

from schakelpunt.access.policy import decide
from schakelpunt.accounts.roles import Rol
from schakelpunt.signalen.constants import Status
from schakelpunt.signalen.models import Signaal
from schakelpunt.signalen.workflow import termijn_grens
from schakelpunt.ui.desk import Item, Taak

MAX_ITEMS = 5


def _items(queryset) -> list[Item]:
    return [
        Item(s.nummer, reverse("signalen:detail", kwargs={"pk": s.pk}))
        for s in queryset.only("id").order_by("ontvangen_op", "id")[:MAX_ITEMS]
    ]


def _inbox(status: str = "") -> str:
    return reverse("signalen:inbox") + (f"?status={status}" if status else "")


def beantwoorde_vragen():
    """Open signals whose melder answered after the meldpunt's last step."""
    return (
        Signaal.objects.filter(is_open=True)
        .annotate(
            laatste_antwoord=Max("aanvullingen__tijdstip", filter=Q(aanvullingen__is_antwoord=True)),
            laatste_stap=Max("triagestappen__tijdstip"),
        )
        .filter(laatste_antwoord__isnull=False)
        .filter(Q(laatste_stap__isnull=True) | Q(laatste_antwoord__gt=F("laatste_stap")))
    )


def _meldpunt(user) -> list[Taak]:
    if not decide(user, "meldpunt.inbox"):
        return []
    nieuw = Signaal.objects.filter(status=Status.NIEUW)
    acuut = nieuw.filter(acuut_gevaar=True)
    te_laat = nieuw.filter(ontvangen_op__lt=termijn_grens(timezone.now()))
    antwoorden = beantwoorde_vragen()
    return [
        Taak(
            "Acuut gevaar, nog niet beoordeeld",
            _inbox("nieuw"),
            acuut.count(),
            "Deze signalen gaan voor alles.",
            dringend=True,
            items=_items(acuut),
        ),
        Taak("Nieuwe signalen", _inbox("nieuw"), nieuw.count(), "Nog niet beoordeeld, de urgentste eerst."),
        Taak(
            "Over de termijn",
            _inbox("nieuw"),
            te_laat.count(),
            "Wachten langer dan de afgesproken termijn op een eerste beoordeling.",
            dringend=True,
            items=_items(te_laat),
        ),
        Taak(
            "Beantwoorde vragen",
            _inbox("in_behandeling"),
            antwoorden.count(),
            "De melder heeft je vraag beantwoord.",
            items=[
                Item(s.nummer, reverse("signalen:detail", kwargs={"pk": s.pk}))
                for s in antwoorden.order_by("laatste_antwoord")[:MAX_ITEMS]
            ],
        ),
        Taak(
            "Opgeschaald",
            _inbox(Status.OPGESCHAALD),
            Signaal.objects.filter(status=Status.OPGESCHAALD).count(),
            "Signalen die direct aandacht vragen van collega's.",
        ),
        Taak(
            "Wacht op de melder",
            _inbox(Status.MEER_INFORMATIE),
            Signaal.objects.filter(status=Status.MEER_INFORMATIE).count(),
            "Je hebt de melder om meer informatie gevraagd.",
        ),
    ]


def _melder(user) -> list[Taak]:
    if not decide(user, "signaal.report"):
        return []
    vragen = Signaal.objects.filter(melder=user, status=Status.MEER_INFORMATIE)
    return [
        Taak(
            "Vragen van het meldpunt aan jou",
            reverse("signalen:mijn"),
            vragen.count(),
            "Het meldpunt wil meer weten over een signaal van jou.",
            dringend=True,
            items=_items(vragen),
        )
    ]


def _opgeschaald_naar(user) -> list[Taak]:
    signalen = Signaal.objects.filter(is_open=True, triagestappen__genotificeerd=user).distinct()
    return [
        Taak(
            "Opgeschaald naar jou",
            reverse("notificaties:lijst"),
            signalen.count(),
            "Het meldpunt vraagt je direct om aandacht voor deze signalen.",
            dringend=True,
            items=_items(signalen),
        )
    ]


def taken(user, rol: str) -> list[Taak]:
    if rol == Rol.AANDACHTSFUNCTIONARIS:
        return _meldpunt(user)
    if rol == Rol.MELDER:
        return _melder(user)
    if rol == Rol.CASUSREGISSEUR:
        return _opgeschaald_naar(user)
    return []
