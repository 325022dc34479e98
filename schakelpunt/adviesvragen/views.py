"""HTML views of advies vragen: thin, they call services and selectors and render."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from schakelpunt.access.decorators import requires
from schakelpunt.access.policy import decide
from schakelpunt.adviesvragen import selectors, services
from schakelpunt.adviesvragen.forms import AdviesvraagForm, AntwoordForm
from schakelpunt.ui.forms import add_service_errors


@requires("adviesvraag.stellen")
def nieuw(request):
    form = AdviesvraagForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            adviesvraag = services.adviesvraag_stellen(
                actor=request.user, situatie=data["situatie"], vraag=data["vraag"], fenomeen=data["fenomeen"]
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, f"Je vraag {adviesvraag.nummer} is bij het meldpunt. Het antwoord komt bij Mijn signalen."
            )
            return redirect("adviesvragen:detail", pk=adviesvraag.pk)
    status = 400 if form.is_bound else 200
    return render(request, "adviesvragen/nieuw.html", {"form": form}, status=status)


@requires("adviesvraag.beantwoorden")
def lijst(request):
    open_vragen = selectors.adviesvraag_list(user=request.user, status="open")
    beantwoord = [a for a in selectors.adviesvraag_list(user=request.user, limit=100) if a.beantwoord_op]
    return render(request, "adviesvragen/lijst.html", {"open_vragen": open_vragen, "beantwoord": beantwoord})


def _detail(request, adviesvraag, *, antwoord_form=None, status=200):
    kan_antwoorden = adviesvraag.beantwoord_op is None and bool(
        decide(request.user, "adviesvraag.beantwoorden", adviesvraag)
    )
    context = {
        "adviesvraag": adviesvraag,
        "is_melder": adviesvraag.melder_id == request.user.pk,
        "antwoord_form": (antwoord_form or AntwoordForm()) if kan_antwoorden or antwoord_form else None,
        "kan_omzetten": adviesvraag.status != adviesvraag.Status.SIGNAAL
        and bool(decide(request.user, "adviesvraag.omzetten", adviesvraag)),
        "melder_zichtbaar": bool(decide(request.user, "signaal.melder.view")),
    }
    return render(request, "adviesvragen/detail.html", context, status=status)


@requires("adviesvraag.view")
def detail(request, pk: int):
    adviesvraag = selectors.adviesvraag_get(user=request.user, pk=pk)
    services.adviesvraag_gelezen(actor=request.user, adviesvraag=adviesvraag)
    return _detail(request, adviesvraag)


@require_POST
@requires("adviesvraag.beantwoorden")
def beantwoorden(request, pk: int):
    adviesvraag = selectors.adviesvraag_get(user=request.user, pk=pk)
    form = AntwoordForm(request.POST)
    if form.is_valid():
        try:
            services.adviesvraag_beantwoorden(
                actor=request.user,
                adviesvraag=adviesvraag,
                antwoord=form.cleaned_data["antwoord"],
                wegwijzer=form.cleaned_data["wegwijzer"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
            adviesvraag.refresh_from_db()
        else:
            messages.success(request, f"Je antwoord op {adviesvraag.nummer} is naar de collega gestuurd.")
            return redirect("adviesvragen:lijst")
    # Nothing typed is lost: a conflict or an error shows the form again with the text in it.
    return _detail(request, adviesvraag, antwoord_form=form, status=400)


@require_POST
@requires("adviesvraag.omzetten")
def omzetten(request, pk: int):
    adviesvraag = selectors.adviesvraag_get(user=request.user, pk=pk)
    try:
        services.adviesvraag_omzetten(actor=request.user, adviesvraag=adviesvraag)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("adviesvragen:detail", pk=pk)
    messages.info(
        request,
        f"Je beschrijving uit {adviesvraag.nummer} staat in het formulier. Voeg de betrokkenen toe en verstuur het "
        "signaal; pas dan worden personen vastgelegd.",
    )
    return redirect("signalen:nieuw")
