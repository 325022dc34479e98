"""Home page per role, management page, health check, API docs page and error pages."""

import logging
import sys
from functools import lru_cache

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST, require_safe

from schakelpunt.access.decorators import requires
from schakelpunt.accounts import services as account_services
from schakelpunt.accounts.models import User
from schakelpunt.accounts.roles import Rol
from schakelpunt.api import is_api_request, problem_http_response
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
        return JsonResponse({"status": "error"}, status=503, headers={"Retry-After": str(settings.RETRY_AFTER_SECONDS)})
    return JsonResponse({"status": "ok"})


@lru_cache(maxsize=1)
def _schema() -> dict:
    from drf_spectacular.generators import SchemaGenerator

    return SchemaGenerator().get_schema(request=None, public=True)


@require_safe
def api_docs(request):
    """A readable, accessible description of the API, rendered from the OpenAPI document.

    A page under /api/, so PageMethodMiddleware leaves it alone: it says itself that it only reads.
    """
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


# --- Error pages. The API answers problem+json; the pages for 500 and 503 are rendered without
# the request, so without the context processors and the session: they never need the database.

logger = logging.getLogger("schakelpunt.failure")

DATABASE_ERRORS = (OperationalError, InterfaceError)


def _error_page(request, status: int, title: str, message: str, *, plain: bool = False, headers=None):
    if is_api_request(request):
        return problem_http_response(status, message, headers=headers)
    context = {"title": title, "message": message}
    html = render_to_string("ui/error.html", context, request=None if plain else request)
    return HttpResponse(html, status=status, headers=headers)


def bad_request(request, exception=None):
    return _error_page(
        request,
        400,
        _("Ongeldig verzoek"),
        _("Dit verzoek kan niet worden verwerkt. Controleer wat je hebt ingevuld en probeer het opnieuw."),
        plain=True,
    )


def forbidden(request, exception=None):
    return _error_page(
        request,
        403,
        _("Geen toegang"),
        _(
            "Je hebt geen toegang tot deze pagina. Denk je dat dit niet klopt? "
            "Neem contact op met de functioneel beheerder."
        ),
    )


def not_found(request, exception=None):
    return _error_page(
        request,
        404,
        _("Pagina niet gevonden"),
        _("Deze pagina bestaat niet (meer), of je hebt er geen toegang toe."),
    )


def server_error(request):
    """500, or 503 with Retry-After while the database cannot be reached (Django calls this
    handler inside its `except`, so the exception in flight tells which)."""
    exc = sys.exc_info()[1]
    if isinstance(exc, DATABASE_ERRORS):
        # One short line per failed request; a traceback says nothing new during an outage.
        first_line = (str(exc).strip().splitlines() or [""])[0][:200]
        logger.error("database unavailable", extra={"error": f"{type(exc).__name__}: {first_line}"})
        response = _error_page(
            request,
            503,
            _("Tijdelijk niet beschikbaar"),
            _(
                "Schakelpunt is tijdelijk niet beschikbaar. Wat je al had opgeslagen is niet verloren. "
                "Probeer het over een minuut opnieuw."
            ),
            plain=True,
            headers={"Retry-After": str(settings.RETRY_AFTER_SECONDS)},
        )
        response._has_been_logged = True  # Django would log the whole traceback again
        return response
    return _error_page(
        request,
        500,
        _("Er ging iets mis"),
        _(
            "Er is een fout opgetreden. Wat je hebt ingevoerd en opgeslagen is niet verloren. "
            "Probeer het later opnieuw."
        ),
        plain=True,
    )


def request_too_large(request):
    """413 for a request body above the limit (RequestBodyLimitMiddleware)."""
    return _error_page(
        request,
        413,
        _("Verzoek te groot"),
        _("Wat je verstuurt is te groot. Verstuur minder of kleinere bijlagen tegelijk."),
        plain=True,
    )
