"""Screens of the verwerkingsregister (privacyfunctionaris): the list, one activity with its history, a change."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from schakelpunt.access.decorators import requires
from schakelpunt.access.policy import fetch
from schakelpunt.ui.forms import add_service_errors
from schakelpunt.verwerkingen import services
from schakelpunt.verwerkingen.forms import NieuwForm, WijzigForm
from schakelpunt.verwerkingen.models import Verwerking, VerwerkingVersie

CONFLICT = (
    "Iemand anders heeft intussen een nieuwe versie vastgesteld. Wat je invulde staat er nog; "
    "bekijk de huidige versie en probeer opnieuw."
)
VELDEN = ("naam", "doel", "grondslag", "categorieen_gegevens", "categorieen_betrokkenen", "bewaartermijn")


def _huidige(verwerking: Verwerking) -> VerwerkingVersie:
    return verwerking.versies.order_by("-nummer")[0]  # an activity always has its first version


@requires("verwerkingen.beheren")
def lijst(request):
    huidig: dict[int, VerwerkingVersie] = {}
    for versie in VerwerkingVersie.objects.select_related("verwerking").order_by("verwerking__key", "nummer"):
        huidig[versie.verwerking_id] = versie  # the highest number comes last
    return render(request, "verwerkingen/lijst.html", {"versies": list(huidig.values())})


@requires("verwerkingen.beheren")
def detail(request, pk: int):
    verwerking, _decision = fetch(
        request.user, "verwerkingen.beheren", Verwerking.objects.all(), pk, object_type="verwerking"
    )
    versies = list(verwerking.versies.select_related("vastgesteld_door").order_by("-nummer"))
    for nieuwer, ouder in zip(versies, versies[1:], strict=False):
        ouder.vervangen_op = nieuwer.geldig_vanaf
    return render(request, "verwerkingen/detail.html", {"verwerking": verwerking, "versies": versies})


@requires("verwerkingen.beheren")
def wijzigen(request, pk: int):
    verwerking, _decision = fetch(
        request.user, "verwerkingen.beheren", Verwerking.objects.all(), pk, object_type="verwerking"
    )
    huidig = _huidige(verwerking)
    status = 200
    if request.method == "POST":
        form = WijzigForm(request.POST)
        status = 400
        if form.is_valid():
            data = dict(form.cleaned_data)
            try:
                nieuw = services.verwerking_wijzigen(actor=request.user, verwerking=verwerking, **data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            except services.ConflictError:
                status = 409
                form.add_error(None, CONFLICT)
            else:
                messages.success(request, f"Versie {nieuw.nummer} van '{nieuw.naam}' is vastgesteld.")
                return redirect("verwerkingen:detail", pk=verwerking.pk)
    else:
        initial = {name: getattr(huidig, name) for name in VELDEN}
        initial.update(vertrouwelijkheid=huidig.vertrouwelijkheid, versie=huidig.nummer)
        form = WijzigForm(initial=initial)
    context = {"verwerking": verwerking, "huidig": huidig, "form": form}
    return render(request, "verwerkingen/wijzigen.html", context, status=status)


@requires("verwerkingen.beheren")
def nieuw(request):
    status = 200
    if request.method == "POST":
        form = NieuwForm(request.POST)
        status = 400
        if form.is_valid():
            try:
                versie = services.verwerking_vastleggen(actor=request.user, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, f"'{versie.naam}' staat in het verwerkingsregister.")
                return redirect("verwerkingen:detail", pk=versie.verwerking_id)
    else:
        form = NieuwForm()
    return render(request, "verwerkingen/nieuw.html", {"form": form}, status=status)
