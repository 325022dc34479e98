"""Screens of privacybeheer: retention periods (beheerder), destruction lists and legal holds (privacyfunctionaris)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from schakelpunt.access.decorators import require, requires
from schakelpunt.access.policy import decide, fetch
from schakelpunt.privacy import retention, services
from schakelpunt.privacy.forms import BewaartermijnForm, BlokkadeForm, UitzonderenForm
from schakelpunt.privacy.models import Bewaarblokkade, Bewaartermijn, LijstItem, Vernietigingslijst
from schakelpunt.signalen.models import Signaal
from schakelpunt.subjecten.models import Persoon
from schakelpunt.ui.forms import add_service_errors

CONFLICT = (
    "Iemand anders heeft dit intussen gewijzigd. Wat je invulde staat er nog; "
    "bekijk de huidige stand en probeer opnieuw."
)


@requires("privacy.bewaartermijn.view")
def bewaartermijnen(request):
    mag = bool(decide(request.user, "privacy.bewaartermijn.beheren"))
    termijnen = list(Bewaartermijn.objects.all())
    forms = {
        t.pk: BewaartermijnForm(
            prefix=f"t{t.pk}",
            initial={"termijn_dagen": t.termijn_dagen, "toelichting": t.toelichting, "versie": t.versie},
        )
        for t in termijnen
    }
    status = 200
    if request.method == "POST":
        require(request.user, "privacy.bewaartermijn.beheren")
        termijn, _decision = fetch(
            request.user,
            "privacy.bewaartermijn.beheren",
            Bewaartermijn.objects.all(),
            request.POST.get("termijn"),
            object_type="bewaartermijn",
        )
        form = BewaartermijnForm(request.POST, prefix=f"t{termijn.pk}")
        forms[termijn.pk] = form
        status = 400
        if form.is_valid():
            try:
                services.bewaartermijn_update(actor=request.user, termijn=termijn, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            except services.ConflictError:
                status = 409
                form.add_error(None, CONFLICT)
            else:
                messages.success(request, f"Bewaartermijn voor '{termijn.get_soort_display()}' opgeslagen.")
                return redirect("privacy:bewaartermijnen")
    context = {"rijen": [(t, forms[t.pk]) for t in termijnen], "mag": mag}
    return render(request, "privacy/bewaartermijnen.html", context, status=status)


@requires("privacy.vernietiging.beoordelen")
def lijsten(request):
    context = {
        "lijsten": Vernietigingslijst.objects.prefetch_related("items").select_related("verslag"),
        "onberekenbaar": retention.onberekenbaar(),
    }
    return render(request, "privacy/lijsten.html", context)


@requires("privacy.vernietiging.beoordelen")
def lijst(request, pk: int):
    item_lijst, _decision = fetch(
        request.user,
        "privacy.vernietiging.beoordelen",
        Vernietigingslijst.objects.all(),
        pk,
        object_type="vernietigingslijst",
    )
    return _lijst_pagina(request, item_lijst)


def _lijst_pagina(request, lijst_obj, *, fout_item=None, fout_form=None, status=200):
    items = list(lijst_obj.items.all())
    rijen = [(i, fout_form if fout_item == i.pk else UitzonderenForm(prefix=f"i{i.pk}")) for i in items]
    context = {
        "lijst": lijst_obj,
        "rijen": rijen,
        "te_vernietigen": sum(1 for i in items if not i.uitgezonderd),
        "verslag": getattr(lijst_obj, "verslag", None),
    }
    return render(request, "privacy/lijst.html", context, status=status)


@require_POST
@requires("privacy.vernietiging.beoordelen")
def item_uitzonderen(request, pk: int):
    item, _decision = fetch(
        request.user,
        "privacy.vernietiging.beoordelen",
        LijstItem.objects.select_related("lijst"),
        pk,
        object_type="vernietigingslijst",
    )
    form = UitzonderenForm(request.POST, prefix=f"i{item.pk}")
    if form.is_valid():
        try:
            services.item_uitzonderen(actor=request.user, item=item, reden=form.cleaned_data["reden"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"{item.label} wordt niet vernietigd.")
            return redirect("privacy:lijst", pk=item.lijst_id)
    return _lijst_pagina(request, item.lijst, fout_item=item.pk, fout_form=form, status=400)


@require_POST
@requires("privacy.vernietiging.beoordelen")
def lijst_goedkeuren(request, pk: int):
    obj, _decision = fetch(
        request.user,
        "privacy.vernietiging.beoordelen",
        Vernietigingslijst.objects.all(),
        pk,
        object_type="vernietigingslijst",
    )
    try:
        versie = int(request.POST.get("versie", ""))
    except ValueError:
        versie = -1
    try:
        obj = services.lijst_goedkeuren(actor=request.user, lijst=obj, versie=versie)
    except services.ConflictError:
        messages.error(request, CONFLICT)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        if obj.status == Vernietigingslijst.Status.GOEDGEKEURD:
            messages.success(request, "De lijst is goedgekeurd; de vernietiging volgt bij de volgende nachtelijke run.")
        else:
            messages.success(
                request, "Je goedkeuring is vastgelegd; een tweede beoordelaar moet de lijst nog goedkeuren."
            )
    return redirect("privacy:lijst", pk=obj.pk)


@requires("privacy.blokkade.beheren")
def blokkades(request):
    form = BlokkadeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            persoon = Persoon.objects.filter(pk=data["persoonsnummer"]).first() if data["persoonsnummer"] else None
            signaal = Signaal.objects.filter(pk=data["signaalnummer"]).first() if data["signaalnummer"] else None
            if data["persoonsnummer"] and persoon is None:
                form.add_error("persoonsnummer", "Geen persoon met dit nummer.")
            if data["signaalnummer"] and signaal is None:
                form.add_error("signaalnummer", "Geen signaal met dit nummer.")
            if not form.errors:
                try:
                    services.blokkade_create(
                        actor=request.user,
                        reden=data["reden"],
                        beoordelen_op=data["beoordelen_op"],
                        persoon=persoon,
                        signaal=signaal,
                    )
                except ValidationError as exc:
                    add_service_errors(form, exc)
                else:
                    messages.success(request, "De bewaarblokkade is ingesteld.")
                    return redirect("privacy:blokkades")
    context = {"form": form, "blokkades": Bewaarblokkade.objects.select_related("door")[:200]}
    return render(request, "privacy/blokkades.html", context, status=status)


@require_POST
@requires("privacy.blokkade.beheren")
def blokkade_opheffen(request, pk: int):
    blokkade, _decision = fetch(
        request.user, "privacy.blokkade.beheren", Bewaarblokkade.objects.all(), pk, object_type="bewaarblokkade"
    )
    services.blokkade_opheffen(actor=request.user, blokkade=blokkade)
    messages.success(request, "De bewaarblokkade is opgeheven.")
    return redirect("privacy:blokkades")
