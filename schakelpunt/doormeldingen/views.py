"""Screens of doormeldingen: compose, preview, send, follow up; the register; a partner's download page."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from schakelpunt.access.decorators import requires
from schakelpunt.access.policy import fetch
from schakelpunt.accounts.views import _recently_reauthenticated
from schakelpunt.doormeldingen import document, selectors, services
from schakelpunt.doormeldingen.constants import PERSOON_VELDEN, Kanaal, Markering, Status
from schakelpunt.doormeldingen.forms import (
    CodeForm,
    DoormeldingForm,
    HerstelForm,
    KetenpartnerForm,
    OpvolgingForm,
    VersturenForm,
)
from schakelpunt.doormeldingen.models import Doormelding, Herstelmelding, Ketenpartner
from schakelpunt.ui.forms import add_service_errors

CONFLICT = "Iemand anders heeft deze doormelding intussen gewijzigd. Bekijk de huidige stand en probeer opnieuw."


@requires("doormelding.view")
def lijst(request):
    return render(request, "doormeldingen/lijst.html", {"doormeldingen": selectors.doormelding_list(user=request.user)})


def _bron(request):
    """The casus or signal a referral is composed from (?casus= or ?signaal=), fetched and checked."""
    from schakelpunt.casussen.models import Casus
    from schakelpunt.signalen.models import Signaal

    if request.GET.get("casus"):
        casus, _ = fetch(request.user, "casus.regie", Casus.objects.all(), request.GET["casus"], object_type="casus")
        return casus, None
    signaal, _ = fetch(
        request.user, "signaal.triage", Signaal.objects.all(), request.GET.get("signaal"), object_type="signaal"
    )
    return None, signaal


@requires("doormelding.opstellen")
@require_http_methods(["GET", "POST"])
def nieuw(request):
    casus, signaal = _bron(request)
    personen, signalen = document.kandidaten(casus=casus, signaal=signaal)
    initial = {}
    if casus is not None:
        partner = selectors.partner_uit_besluit(casus)
        if partner is not None:
            initial["partner"] = partner
    form = DoormeldingForm(request.POST or None, initial=initial)
    selectie = services.selectie_uit_post(request.POST, personen, signalen) if request.method == "POST" else {}
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                d = services.doormelding_opstellen(
                    actor=request.user, selectie=selectie, casus=casus, signaal=signaal, **form.cleaned_data
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                return redirect("doormeldingen:detail", pk=d.pk)
    context = {
        "form": form,
        "casus": casus,
        "signaal": signaal,
        "personen": [
            (
                p,
                [
                    (v, label, v in selectie.get("personen", {}).get(str(p.pk), []))
                    for v, label in PERSOON_VELDEN.items()
                ],
            )
            for p in personen
        ],
        "signalen": [
            (
                s,
                [
                    (v, label, v in selectie.get("signalen", {}).get(str(s.pk), []))
                    for v, label in document.signaal_velden(s).items()
                ],
                [(b, b.pk in selectie.get("bijlagen", [])) for b in s.bijlagen.all()],
            )
            for s in signalen
        ],
    }
    return render(request, "doormeldingen/nieuw.html", context, status=status)


@requires("doormelding.view")
def detail(request, pk: int, *, versturen_form=None, opvolging_form=None, status=200):
    d = selectors.doormelding_get(user=request.user, pk=pk)
    inhoud = d.document if d.status != Status.CONCEPT else document.opstellen(d)
    context = {
        "d": d,
        "inhoud": inhoud,
        "labels": PERSOON_VELDEN,
        "versturen_form": versturen_form or VersturenForm(initial={"versie": d.versie, "kanaal": Kanaal.DOWNLOADLINK}),
        "opvolging_form": opvolging_form or OpvolgingForm(),
        "opvolgingen": d.opvolgingen.select_related("door"),
        "verstrekkingen": d.verstrekkingen.all(),
        "mag_opstellen": selectors.mag_opstellen(request.user),
    }
    return render(request, "doormeldingen/detail.html", context, status=status)


@require_POST
@requires("doormelding.opstellen")
def versturen(request, pk: int):
    d, _ = fetch(request.user, "doormelding.opstellen", Doormelding.objects.all(), pk, object_type="doormelding")
    if not _recently_reauthenticated(request):
        messages.info(request, "Bevestig je wachtwoord voordat je persoonsgegevens aan een partner verstrekt.")
        return redirect(
            reverse("accounts:reauthenticate") + "?" + urlencode({"next": reverse("doormeldingen:detail", args=[pk])})
        )
    form = VersturenForm(request.POST)
    if form.is_valid():
        try:
            d, token, code = services.doormelding_versturen(
                actor=request.user,
                doormelding=d,
                kanaal=form.cleaned_data["kanaal"],
                versie=form.cleaned_data["versie"],
            )
        except services.ConflictError:
            form.add_error(None, CONFLICT)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            if code:
                messages.success(
                    request,
                    f"Verstuurd. De partner krijgt een e-mail met de link. Geef de eenmalige code {code} "
                    "telefonisch of per sms door; hij staat nergens anders.",
                )
            else:
                messages.success(
                    request, "Verstuurd. Download de PDF en verstuur hem via de beveiligde mail van de gemeente."
                )
            return redirect("doormeldingen:detail", pk=d.pk)
    return detail(request, pk, versturen_form=form, status=400)


@requires("doormelding.view")
def document_download(request, pk: int, formaat: str):
    if formaat not in ("pdf", "json"):
        raise Http404("Onbekend formaat")
    d = selectors.doormelding_get(user=request.user, pk=pk)
    inhoud = d.document if d.status != Status.CONCEPT else document.opstellen(d)
    selectors.document_export_log(user=request.user, doormelding=d, formaat=formaat)
    if formaat == "json":
        response = HttpResponse(document.canoniek(inhoud), content_type="application/json")
    else:
        response = HttpResponse(document.pdf(inhoud), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{d.nummer}.{formaat}"'
    return response


@require_POST
@requires("doormelding.opstellen")
def opvolgen(request, pk: int):
    d, _ = fetch(request.user, "doormelding.opstellen", Doormelding.objects.all(), pk, object_type="doormelding")
    form = OpvolgingForm(request.POST)
    if form.is_valid():
        try:
            services.doormelding_opvolgen(actor=request.user, doormelding=d, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "De opvolging is vastgelegd.")
            return redirect("doormeldingen:detail", pk=d.pk)
    return detail(request, pk, opvolging_form=form, status=400)


@requires("verstrekking.view")
def register(request):
    persoon = request.GET.get("persoon", "").strip()
    verstrekkingen = selectors.verstrekking_list(user=request.user, persoon=persoon)
    context = {
        "persoon": persoon,
        "verstrekkingen": verstrekkingen,
        "herstel_form": HerstelForm(initial={"persoonsnummer": persoon if persoon.isdigit() else None}),
        "taken": Herstelmelding.objects.filter(afgehandeld_op__isnull=True).select_related("verstrekking")[:100],
    }
    return render(request, "doormeldingen/register.html", context)


@require_POST
@requires("herstelmelding.afhandelen")
def herstel(request):
    form = HerstelForm(request.POST)
    if form.is_valid():
        taken = services.herstelmeldingen_aanmaken(
            actor=request.user,
            persoon_key=f"persoon:{form.cleaned_data['persoonsnummer']}",
            reden=form.cleaned_data["reden"],
        )
        messages.success(request, f"{len(taken)} ontvanger(s) moeten worden geïnformeerd (AVG art. 19).")
    else:
        messages.error(request, "Vul het persoonsnummer en wat er veranderde in.")
    return redirect("doormeldingen:register")


@require_POST
@requires("herstelmelding.afhandelen")
def herstel_afgehandeld(request, pk: int):
    taak, _ = fetch(
        request.user,
        "herstelmelding.afhandelen",
        Herstelmelding.objects.select_related("verstrekking"),
        pk,
        object_type="herstelmelding",
    )
    services.herstelmelding_afhandelen(actor=request.user, taak=taak)
    messages.success(request, "Afgehandeld.")
    return redirect("doormeldingen:register")


@require_http_methods(["GET", "POST"])
def ophalen(request, token: str):
    """The partner's page: no account, the link plus the one-time code given by another channel."""
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            d = services.document_ophalen(token=token, code=form.cleaned_data["code"])
        except services.LinkOngeldig as exc:
            if exc.reden == "code":
                form.add_error("code", "Deze code klopt niet. Controleer de code die u apart kreeg.")
            else:
                return render(request, "doormeldingen/ophalen_ongeldig.html", {"reden": exc.reden}, status=410)
        else:
            response = HttpResponse(document.pdf(d.document), content_type="application/pdf")
            response["Content-Disposition"] = f'attachment; filename="{d.nummer}.pdf"'
            return response
    return render(request, "doormeldingen/ophalen.html", {"form": form}, status=400 if form.errors else 200)


PARTNER_CONFLICT = (
    "Iemand anders heeft deze ketenpartner intussen gewijzigd. Wat je invulde staat er nog; "
    "bekijk de huidige stand hieronder en sla opnieuw op."
)


@requires("ketenpartner.beheren")
def ketenpartners(request):
    partners = Ketenpartner.objects.prefetch_related("grondslagen").annotate(aantal=Count("doormeldingen"))
    return render(request, "doormeldingen/ketenpartners.html", {"partners": partners})


@requires("ketenpartner.beheren")
@require_http_methods(["GET", "POST"])
def ketenpartner(request, pk: int | None = None):
    """Add a partner (no pk) or change one: contact, allowed bases, the widest marking, active or not."""
    partner = None
    if pk is not None:
        partner, _ = fetch(
            request.user, "ketenpartner.beheren", Ketenpartner.objects.all(), pk, object_type="ketenpartner"
        )
    initial = {"max_markering": Markering.AMBER_STRICT, "actief": True}
    if partner is not None:
        initial = {
            "naam": partner.naam,
            "contact_naam": partner.contact_naam,
            "contact_email": partner.contact_email,
            "contact_telefoon": partner.contact_telefoon,
            "grondslagen": list(partner.grondslagen.all()),
            "max_markering": partner.max_markering,
            "actief": partner.actief,
            "versie": partner.versie,
        }
    form = KetenpartnerForm(request.POST or None, initial=initial, bestaand=partner is not None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = dict(form.cleaned_data)
            versie = data.pop("versie", None)
            try:
                if partner is None:
                    partner = services.ketenpartner_create(actor=request.user, **data)
                    messages.success(request, f"Ketenpartner {partner.naam} toegevoegd.")
                else:
                    services.ketenpartner_update(actor=request.user, partner=partner, versie=versie or 0, **data)
                    messages.success(request, f"Ketenpartner {partner.naam} opgeslagen.")
            except ValidationError as exc:
                add_service_errors(form, exc)
            except services.ConflictError:
                status = 409
                form.add_error(None, PARTNER_CONFLICT)
                partner.refresh_from_db()
            else:
                return redirect("doormeldingen:ketenpartners")
    return render(request, "doormeldingen/ketenpartner.html", {"form": form, "partner": partner}, status=status)
