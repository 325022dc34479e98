"""HTML views of beheer: thin, they call services and render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from schakelpunt.access.decorators import requires
from schakelpunt.access.policy import fetch
from schakelpunt.accounts.models import Afdeling
from schakelpunt.accounts.roles import Rol
from schakelpunt.audit.services import log_access
from schakelpunt.beheer import services
from schakelpunt.beheer.forms import AfdelingForm, BesluitForm, GebruikerForm, NieuweGebruikerForm, RolForm
from schakelpunt.beheer.models import RolVoorstel
from schakelpunt.ui.forms import add_service_errors

User = get_user_model()


def _fout(exc: ValidationError) -> str:
    return " ".join(exc.messages)


@requires("beheer.users.manage")
def gebruiker_nieuw(request):
    form = NieuweGebruikerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.gebruiker_aanmaken(actor=request.user, **data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                f"{user.display_name()} is aangemaakt. De gebruiker stelt een wachtwoord in via 'Wachtwoord vergeten' "
                "of logt in met het gemeentelijke account.",
            )
            return redirect("beheer:gebruiker", pk=user.pk)
    return render(request, "beheer/gebruiker_nieuw.html", {"form": form}, status=400 if form.errors else 200)


def _gebruiker_context(request, target, *, form=None, rol_form=None):
    voorstellen = RolVoorstel.objects.filter(user=target).select_related("voorgesteld_door", "beoordeeld_door")
    return {
        "target": target,
        "rollen": [(r.rol, r.get_rol_display()) for r in target.rollen.all()],
        "form": form
        or GebruikerForm(
            initial={
                "first_name": target.first_name,
                "last_name": target.last_name,
                "email": target.email,
                "afdeling": target.afdeling_id,
            }
        ),
        "rol_form": rol_form or RolForm(),
        "voorstellen": voorstellen.order_by("-voorgesteld_op")[:20],
    }


@requires("beheer.users.manage")
def gebruiker(request, pk: int):
    target, decision = fetch(
        request.user, "beheer.users.manage", User.objects.select_related("afdeling"), pk, object_type="gebruiker"
    )
    log_access(actor=request.user, decision=decision, object_type="gebruiker", object_id=target.pk)
    form = None
    if request.method == "POST":
        form = GebruikerForm(request.POST)
        if form.is_valid():
            try:
                services.gebruiker_wijzigen(actor=request.user, user=target, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, "De gegevens zijn opgeslagen.")
                return redirect("beheer:gebruiker", pk=pk)
    context = _gebruiker_context(request, target, form=form)
    return render(request, "beheer/gebruiker.html", context, status=400 if form is not None else 200)


@require_POST
@requires("beheer.users.manage")
def rol_geven(request, pk: int):
    target, _decision = fetch(request.user, "beheer.users.manage", User.objects.all(), pk, object_type="gebruiker")
    form = RolForm(request.POST)
    if form.is_valid():
        try:
            result = services.rol_geven(
                actor=request.user, user=target, rol=form.cleaned_data["rol"], reden=form.cleaned_data["reden"]
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            label = Rol(form.cleaned_data["rol"]).label
            if isinstance(result, RolVoorstel):
                messages.success(request, f"Voorgesteld: {label}. Een tweede beheerder moet dit goedkeuren.")
            elif result is None:
                messages.info(request, f"{target.display_name()} had de rol {label} al.")
            else:
                messages.success(request, f"{target.display_name()} heeft nu de rol {label}.")
            return redirect("beheer:gebruiker", pk=pk)
    return render(request, "beheer/gebruiker.html", _gebruiker_context(request, target, rol_form=form), status=400)


@require_POST
@requires("beheer.users.manage")
def rol_intrekken(request, pk: int, rol: str):
    if rol not in Rol.values:
        raise Http404("Onbekende rol")  # a tampered path; the lookup below would not get a valid role
    target, _decision = fetch(request.user, "beheer.users.manage", User.objects.all(), pk, object_type="gebruiker")
    try:
        services.rol_intrekken(actor=request.user, user=target, rol=rol)
    except ValidationError as exc:
        messages.error(request, _fout(exc))
    else:
        messages.success(request, f"De rol {Rol(rol).label} is ingetrokken.")
    return redirect("beheer:gebruiker", pk=pk)


@require_POST
@requires("beheer.rollen.goedkeuren")
def voorstel_besluiten(request, pk: int):
    voorstel, _decision = fetch(
        request.user, "beheer.view", RolVoorstel.objects.select_related("user"), pk, object_type="rolvoorstel"
    )
    form = BesluitForm(request.POST)
    toelichting = form.cleaned_data["toelichting"] if form.is_valid() else ""
    try:
        if request.POST.get("besluit") == "goedkeuren":
            services.rolvoorstel_goedkeuren(actor=request.user, voorstel=voorstel, toelichting=toelichting)
            messages.success(
                request, f"Goedgekeurd: {voorstel.user.display_name()} heeft nu de rol {voorstel.get_rol_display()}."
            )
        else:
            services.rolvoorstel_afwijzen(actor=request.user, voorstel=voorstel, toelichting=toelichting)
            messages.success(request, "Het voorstel is afgewezen.")
    except ValidationError as exc:
        messages.error(request, _fout(exc))
    return redirect("ui:beheer")


@requires("beheer.afdelingen.manage")
def afdelingen(request):
    form = AfdelingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            afdeling = services.afdeling_aanmaken(actor=request.user, naam=form.cleaned_data["naam"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"De afdeling {afdeling.naam} is aangemaakt.")
            return redirect("beheer:afdelingen")
    lijst = Afdeling.objects.annotate(aantal=Count("medewerkers")).order_by("naam")
    return render(
        request, "beheer/afdelingen.html", {"form": form, "afdelingen": lijst}, status=400 if form.errors else 200
    )


@require_POST
@requires("beheer.afdelingen.manage")
def afdeling(request, pk: int):
    item, _decision = fetch(
        request.user, "beheer.afdelingen.manage", Afdeling.objects.all(), pk, object_type="afdeling"
    )
    try:
        if request.POST.get("actie") == "verwijderen":
            services.afdeling_verwijderen(actor=request.user, afdeling=item)
            messages.success(request, "De afdeling is verwijderd.")
        else:
            services.afdeling_hernoemen(actor=request.user, afdeling=item, naam=request.POST.get("naam", ""))
            messages.success(request, "De afdeling is hernoemd.")
    except ValidationError as exc:
        messages.error(request, _fout(exc))
    return redirect("beheer:afdelingen")
