"""Home page per role, management page, health check, API docs page and error pages."""

from functools import lru_cache

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from schakelpunt.access.decorators import requires
from schakelpunt.accounts import services as account_services
from schakelpunt.accounts.models import User
from schakelpunt.accounts.roles import Rol
from schakelpunt.audit.services import log_access
from schakelpunt.notificaties.services import notificaties_ongelezen
from schakelpunt.ui import desk


def _url(name: str) -> str | None:
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


# Per role: the tasks on its home page as (title, text, url name). Later parts fill more in.
HOME_TASKS = {
    "melder": [
        ("Signaal melden", "Meld wat je ziet: in een paar minuten, veilig en vertrouwelijk.", "signalen:nieuw"),
        ("Mijn signalen", "Zie wat er met jouw meldingen is gebeurd en vul ze aan.", "signalen:mijn"),
        ("Advies vragen", "Twijfel je? Leg de situatie zonder namen voor aan het meldpunt.", "adviesvragen:nieuw"),
        ("Wegwijzer", "Waar let je op, wat kun je vragen, waar meld je?", "taxonomie:wegwijzer"),
    ],
    "aandachtsfunctionaris": [
        ("Inbox meldpunt", "Alle signalen die nog behandeld moeten worden, de urgentste eerst.", "signalen:inbox"),
        ("Samenloop", "Signalen van verschillende afdelingen die samen één beeld vormen.", "subjecten:samenloop"),
        ("Adviesvragen", "Collega's die twijfelen en het meldpunt om advies vragen.", "adviesvragen:lijst"),
    ],
    "privacyfunctionaris": [
        ("Toegangslog", "Wie heeft welke gegevens ingezien of gewijzigd, wanneer en waarom.", "audit:search"),
    ],
    "beheerder": [
        ("Beheer", "Gebruikers, rollen en afdelingen.", "ui:beheer"),
        ("Fenomenen en indicatoren", "De wegwijzer bijhouden: toevoegen, wijzigen, uitzetten.", "taxonomie:beheer"),
    ],
    "casusregisseur": [
        ("Notificaties", "Wat het meldpunt je heeft gestuurd, zoals een opgeschaald signaal.", "notificaties:lijst"),
        ("Wegwijzer", "Fenomenen en indicatoren: waar let je op, wat vraag je, waar meld je?", "taxonomie:wegwijzer"),
    ],
    "deelnemer": [
        ("Notificaties", "Uitnodigingen en inzage die het meldpunt je heeft gegeven.", "notificaties:lijst"),
        ("Wegwijzer", "Fenomenen en indicatoren: waar let je op, wat vraag je, waar meld je?", "taxonomie:wegwijzer"),
    ],
    "bestuur": [
        ("Wegwijzer", "Welke vormen van criminaliteit de gemeente herkent en waar je op let.", "taxonomie:wegwijzer"),
    ],
}


@login_required
def home(request):
    sections = []
    for code, label in Rol.choices:
        if not request.user.has_role(code):
            continue
        tasks = [
            {"title": _(title), "text": _(text), "url": _url(url_name)}
            for title, text, url_name in HOME_TASKS.get(code, [])
        ]
        sections.append(
            {
                "code": code,
                "label": label,
                "tasks": [t for t in tasks if t["url"]],
                "desk": desk.taken(request.user, code),
            }
        )
    return render(
        request,
        "ui/home.html",
        {"sections": sections, "ongelezen": notificaties_ongelezen(user=request.user)},
    )


@requires("beheer.view")
def beheer(request):
    users = User.objects.select_related("afdeling").prefetch_related("rollen").order_by("username")
    log_access(actor=request.user, decision=request.access, object_type="gebruikers")
    return render(request, "ui/beheer.html", {"users": users})


@require_POST
@requires("beheer.users.manage")
def user_toggle_active(request, user_id: int):
    target = get_object_or_404(User, pk=user_id)
    try:
        account_services.user_set_active(actor=request.user, user=target, active=not target.is_active)
    except ValidationError as exc:
        return HttpResponse(" ".join(exc.messages), status=400)
    return redirect("ui:beheer")


@require_GET
def healthz(request):
    """For load balancers: no authentication, no data; 503 when the database is unreachable."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        return JsonResponse({"status": "error"}, status=503)
    return JsonResponse({"status": "ok"})


@lru_cache(maxsize=1)
def _schema() -> dict:
    from drf_spectacular.generators import SchemaGenerator

    return SchemaGenerator().get_schema(request=None, public=True)


def api_docs(request):
    """A readable, accessible description of the API, rendered from the OpenAPI document."""
    schema = _schema()
    endpoints = []
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            endpoints.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary") or operation.get("operationId", ""),
                    "description": operation.get("description", ""),
                    "responses": sorted(operation.get("responses", {}).keys()),
                }
            )
    return render(request, "ui/api_docs.html", {"schema": schema, "endpoints": endpoints})


def forbidden(request, exception=None):
    return render(
        request,
        "ui/error.html",
        {
            "title": _("Geen toegang"),
            "message": _(
                "Je hebt geen toegang tot deze pagina. Denk je dat dit niet klopt? "
                "Neem contact op met de functioneel beheerder."
            ),
        },
        status=403,
    )


def not_found(request, exception=None):
    return render(
        request,
        "ui/error.html",
        {
            "title": _("Pagina niet gevonden"),
            "message": _("Deze pagina bestaat niet (meer), of je hebt er geen toegang toe."),
        },
        status=404,
    )


def server_error(request):
    return render(
        request,
        "ui/error.html",
        {
            "title": _("Er ging iets mis"),
            "message": _(
                "Er is een fout opgetreden. Wat je hebt ingevoerd en opgeslagen is niet verloren. "
                "Probeer het later opnieuw."
            ),
        },
        status=500,
    )
