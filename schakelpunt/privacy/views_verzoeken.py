"""Screens for data-subject requests: the list with deadlines, one request, and its inzage report (page and PDF)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from schakelpunt.access.decorators import requires
from schakelpunt.access.policy import fetch
from schakelpunt.audit.models import Action
from schakelpunt.privacy import inzage, verzoeken
from schakelpunt.privacy.forms import AfhandelenForm, InhoudingForm, NamenForm, VerlengenForm, VerzoekForm
from schakelpunt.privacy.models import Inhouding, Verzoek
from schakelpunt.privacy.views import CONFLICT
from schakelpunt.subjecten.models import Persoon
from schakelpunt.ui.forms import add_service_errors

BEHEREN = verzoeken.BEHEREN


def _verzoek(request, pk):
    return fetch(request.user, BEHEREN, Verzoek.objects.select_related("persoon"), pk, object_type="verzoek")


def _versie(request) -> int:
    try:
        return int(request.POST.get("versie", ""))
    except ValueError:
        return -1


@requires(BEHEREN)
def lijst(request):
    form = VerzoekForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            persoon = Persoon.objects.filter(pk=data["persoonsnummer"]).first()
            if persoon is None:
                form.add_error("persoonsnummer", "Geen persoon met dit nummer.")
            else:
                try:
                    v = verzoeken.verzoek_create(
                        actor=request.user,
                        soort=data["soort"],
                        persoon=persoon,
                        ontvangen_op=data["ontvangen_op"],
                        omschrijving=data["omschrijving"],
                    )
                except ValidationError as exc:
                    add_service_errors(form, exc)
                else:
                    messages.success(request, f"Verzoek {v.nummer} is vastgelegd.")
                    return redirect("privacy:verzoek", pk=v.pk)
    vandaag = timezone.localdate()
    context = {
        "form": form,
        "verzoeken": [(v, v.te_laat(vandaag)) for v in Verzoek.objects.all()[:500]],
        "herbeoordelen": Inhouding.objects.filter(beoordelen_op__lte=vandaag).select_related("verzoek"),
    }
    return render(request, "privacy/verzoeken.html", context, status=status)


def _pagina(request, verzoek: Verzoek, *, forms=None, status=200):
    from schakelpunt.doormeldingen.models import Herstelmelding, Verstrekking

    keys = verzoeken.persoon_keys(verzoek)
    forms = forms or {}
    context = {
        "v": verzoek,
        "te_laat": verzoek.te_laat(timezone.localdate()),
        "verlengen": forms.get("verlengen") or VerlengenForm(),
        "namen": forms.get("namen")
        or NamenForm(initial={"namen_tonen": verzoek.namen_tonen, "reden_namen": verzoek.reden_namen}),
        "afhandelen": forms.get("afhandelen") or AfhandelenForm(),
        "ontvangers": Verstrekking.objects.filter(persoon_key__in=keys).order_by("tijdstip"),
        "taken": Herstelmelding.objects.filter(verstrekking__persoon_key__in=keys).select_related("verstrekking"),
    }
    return render(request, "privacy/verzoek.html", context, status=status)


@requires(BEHEREN)
def detail(request, pk: int):
    verzoek, _decision = _verzoek(request, pk)
    return _pagina(request, verzoek)


def _schrijf(request, verzoek, naam, form, actie, melding):
    """Run `actie(form.cleaned_data)` for a valid form; the page again with the messages otherwise."""
    if form.is_valid():
        try:
            actie(form.cleaned_data)
        except verzoeken.ConflictError:
            form.add_error(None, CONFLICT)
            return _pagina(request, verzoek, forms={naam: form}, status=409)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, melding)
            return redirect("privacy:verzoek", pk=verzoek.pk)
    return _pagina(request, verzoek, forms={naam: form}, status=400)


@require_POST
@requires(BEHEREN)
def verlengen(request, pk: int):
    verzoek, _decision = _verzoek(request, pk)
    return _schrijf(
        request,
        verzoek,
        "verlengen",
        VerlengenForm(request.POST),
        lambda d: verzoeken.verzoek_verlengen(
            actor=request.user, verzoek=verzoek, versie=_versie(request), reden=d["reden"]
        ),
        "De termijn is met twee maanden verlengd.",
    )


@require_POST
@requires(BEHEREN)
def namen(request, pk: int):
    verzoek, _decision = _verzoek(request, pk)
    return _schrijf(
        request,
        verzoek,
        "namen",
        NamenForm(request.POST),
        lambda d: verzoeken.verzoek_namen_tonen(
            actor=request.user, verzoek=verzoek, versie=_versie(request), tonen=d["namen_tonen"], reden=d["reden_namen"]
        ),
        "De keuze over namen van medewerkers is opgeslagen.",
    )


@require_POST
@requires(BEHEREN)
def afhandelen(request, pk: int):
    verzoek, _decision = _verzoek(request, pk)
    return _schrijf(
        request,
        verzoek,
        "afhandelen",
        AfhandelenForm(request.POST),
        lambda d: verzoeken.verzoek_afhandelen(
            actor=request.user,
            verzoek=verzoek,
            versie=_versie(request),
            uitkomst=d["uitkomst"],
            toekennen=d["toekennen"],
        ),
        "Het verzoek is afgehandeld.",
    )


@require_POST
@requires(BEHEREN)
def beperking_opheffen(request, pk: int):
    verzoek, _decision = _verzoek(request, pk)
    verzoeken.beperking_opheffen(actor=request.user, verzoek=verzoek)
    messages.success(request, "De beperking is opgeheven.")
    return redirect("privacy:verzoek", pk=verzoek.pk)


def _rapport_pagina(request, verzoek, decision, *, fout_item=None, fout_form=None, status=200):
    rapport = inzage.rapport_maken(verzoek=verzoek)
    inzage.log_rapport(
        actor=request.user, decision=decision, verzoek=verzoek, actie=Action.READ, toelichting="inzagerapport"
    )
    secties = [
        (
            slug,
            titel,
            [(i, fout_form if fout_item == i.key else InhoudingForm(prefix=f"i-{i.key}")) for i in items],
        )
        for slug, titel, items in rapport.secties
    ]
    context = {"r": rapport, "v": verzoek, "secties": secties, "vandaag": timezone.localdate()}
    return render(request, "privacy/inzagerapport.html", context, status=status)


@requires(BEHEREN)
def rapport(request, pk: int):
    verzoek, decision = _verzoek(request, pk)
    return _rapport_pagina(request, verzoek, decision)


@requires(BEHEREN)
def rapport_pdf(request, pk: int):
    verzoek, decision = _verzoek(request, pk)
    pdf = inzage.rapport_pdf(actor=request.user, decision=decision, verzoek=verzoek)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="inzagerapport-{verzoek.nummer}.pdf"'
    return response


@require_POST
@requires(BEHEREN)
def inhouden(request, pk: int):
    verzoek, decision = _verzoek(request, pk)
    item = (request.POST.get("item") or "")[:80]
    form = InhoudingForm(request.POST, prefix=f"i-{item}")
    if form.is_valid():
        try:
            verzoeken.inhouding_create(actor=request.user, verzoek=verzoek, item=item, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Het item wordt ingehouden en staat niet in de PDF.")
            return redirect("privacy:inzagerapport", pk=verzoek.pk)
    return _rapport_pagina(request, verzoek, decision, fout_item=item, fout_form=form, status=400)


@require_POST
@requires(BEHEREN)
def inhouding_opheffen(request, pk: int):
    inhouding, _decision = fetch(
        request.user, BEHEREN, Inhouding.objects.select_related("verzoek"), pk, object_type="verzoek"
    )
    verzoeken.inhouding_opheffen(actor=request.user, inhouding=inhouding)
    messages.success(request, "Het item wordt niet langer ingehouden.")
    return redirect("privacy:inzagerapport", pk=inhouding.verzoek_id)
