"""HTML views of the subjecten app: thin, they call services and selectors and render.

The person page is minimal on purpose (data, signals, merges); the full subject page with timeline
and network view is built on the same selectors.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from schakelpunt.access.decorators import requires
from schakelpunt.access.policy import decide
from schakelpunt.subjecten import selectors, services
from schakelpunt.subjecten.forms import AfhandelenForm, BeoordelingForm, CombinerenForm, RedenForm
from schakelpunt.subjecten.models import MogelijkeMatch, SamenloopAlert, Samenvoeging


def _fouten(exc: ValidationError) -> str:
    return " ".join(exc.messages)


@login_required
def persoon(request, pk: int):
    """One person: 404 for everyone who may not see it (a melder never learns that it exists)."""
    p = selectors.persoon_get(user=request.user, pk=pk)
    meldpunt = bool(decide(request.user, "subject.match.beoordelen", p))
    context = {
        "persoon": p,
        "signalen": selectors.persoon_signalen(user=request.user, persoon=p),
        "meldpunt": meldpunt,
        "samenvoegingen": selectors.persoon_samenvoegingen(user=request.user, persoon=p) if meldpunt else [],
        "hit": None if meldpunt else selectors.samenloop_hit(user=request.user, persoon=p),
        "mag_combineren": bool(decide(request.user, "subject.combineren.vragen", p)),
        "reden_form": RedenForm(),
        "combineren_form": CombinerenForm(),
    }
    return render(request, "subjecten/persoon.html", context)


@require_POST
@login_required
def combineren(request, pk: int):
    p = selectors.persoon_get(user=request.user, pk=pk)
    if not decide(request.user, "subject.combineren.vragen", p):
        raise Http404("Persoon niet gevonden")
    form = CombinerenForm(request.POST)
    toelichting = form.cleaned_data["toelichting"] if form.is_valid() else ""
    services.samenloop_combineren_vragen(actor=request.user, persoon=p, toelichting=toelichting)
    messages.success(request, "Je verzoek is naar het meldpunt gestuurd.")
    return redirect("subjecten:persoon", pk=p.pk)


@requires("subject.match.beoordelen")
def mogelijke_matches(request):
    matches = selectors.mogelijke_match_list(user=request.user)
    return render(
        request,
        "subjecten/mogelijke_matches.html",
        {"matches": [(m, BeoordelingForm(prefix=f"m{m.pk}")) for m in matches]},
    )


@require_POST
@requires("subject.match.beoordelen")
def mogelijke_match_beoordelen(request, pk: int):
    match = get_object_or_404(MogelijkeMatch, pk=pk)
    form = BeoordelingForm(request.POST, prefix=f"m{pk}")
    if not form.is_valid():
        messages.error(request, "Kies een besluit en schrijf een onderbouwing.")
        return redirect("subjecten:mogelijke_matches")
    try:
        if form.cleaned_data["besluit"] == "bevestigen":
            services.mogelijke_match_bevestigen(
                actor=request.user, match=match, rationale=form.cleaned_data["rationale"]
            )
            messages.success(request, "De personen zijn samengevoegd. Dit kan ongedaan worden gemaakt.")
        else:
            services.mogelijke_match_afwijzen(actor=request.user, match=match, rationale=form.cleaned_data["rationale"])
            messages.success(request, "Vastgelegd: dit zijn verschillende personen.")
    except ValidationError as exc:
        messages.error(request, _fouten(exc))
    return redirect("subjecten:mogelijke_matches")


@requires("samenloop.view")
def samenloop(request):
    alerts = selectors.samenloop_list(user=request.user)
    return render(request, "subjecten/samenloop.html", {"alerts": alerts, "form": AfhandelenForm()})


@require_POST
@requires("samenloop.afhandelen")
def samenloop_afhandelen(request, pk: int):
    alert = get_object_or_404(SamenloopAlert, pk=pk)
    form = AfhandelenForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Schrijf op wat er met de samenloop is gedaan.")
        return redirect("subjecten:samenloop")
    try:
        services.samenloop_afhandelen(actor=request.user, alert=alert, toelichting=form.cleaned_data["toelichting"])
        messages.success(request, "De samenloop is afgehandeld.")
    except ValidationError as exc:
        messages.error(request, _fouten(exc))
    return redirect("subjecten:samenloop")


@require_POST
@requires("subject.match.beoordelen")
def samenvoeging_ongedaan(request, pk: int):
    record = get_object_or_404(Samenvoeging, pk=pk)
    form = RedenForm(request.POST)
    terug = record.bron if record.soort == Samenvoeging.Soort.SAMENVOEGEN else record.doel
    if not form.is_valid():
        messages.error(request, "Schrijf een reden om dit ongedaan te maken.")
        return redirect("subjecten:persoon", pk=record.doel_id)
    try:
        services.samenvoeging_ongedaan_maken(actor=request.user, samenvoeging=record, reden=form.cleaned_data["reden"])
        messages.success(request, "Ongedaan gemaakt.")
    except ValidationError as exc:
        messages.error(request, _fouten(exc))
        terug = record.doel
    return redirect("subjecten:persoon", pk=terug.pk)
