"""HTML views of the casussen app: thin, they call services and selectors and render.

Every page or form about one casus fetches it through `selectors.casus_get` (404 alike for a
missing and a hidden casus); the service then checks what the action needs (403 for a
participant who may see but not steer). A stale form gets a conflict message and keeps its text.
"""

from __future__ import annotations

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from schakelpunt.access.decorators import requires
from schakelpunt.access.policy import as_pk, fetch
from schakelpunt.casussen import forms as f
from schakelpunt.casussen import selectors, services, stappen
from schakelpunt.casussen.constants import ActieStatus
from schakelpunt.casussen.models import Actie, CasusSjabloon, Deelnemer, PlanVanAanpak, Uitvraag
from schakelpunt.pagination import page_number
from schakelpunt.signalen.models import Signaal
from schakelpunt.subjecten.models import Persoon
from schakelpunt.ui.forms import add_service_errors

CONFLICT_STATUS = 409


@requires("casus.view")
def lijst(request):
    form = f.CasusFilterForm(request.GET or None)
    filters = selectors.CasusFilter()
    if form.is_bound and form.is_valid():
        d = form.cleaned_data
        filters = selectors.CasusFilter(
            fase=d["fase"].code if d["fase"] else "", te_laat=d["te_laat"], eigen=d["eigen"]
        )
    result = selectors.casus_list(user=request.user, filters=filters, page=page_number(request.GET.get("pagina")))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(request, "casussen/lijst.html", {"page": result, "form": form, "query": query.urlencode()})


@requires("casus.create")
def openen(request):
    """Triage action "casus openen" for the signals given as ?signaal=1&signaal=2 (or posted)."""
    if request.method == "POST":
        form = f.CasusOpenForm(request.POST)
    else:
        ids = ",".join(x for x in request.GET.getlist("signaal") if x.isdigit())
        form = f.CasusOpenForm(initial={"signalen": ids, "regievoerder": request.user.pk})
    signalen = []
    if form.is_bound and form.is_valid():
        d = form.cleaned_data
        signalen = list(Signaal.objects.filter(pk__in=d["signalen"]))
        try:
            casus = services.casus_open(
                actor=request.user,
                titel=d["titel"],
                signalen=signalen,
                regievoerder=d["regievoerder"],
                samenvatting=d["samenvatting"],
                heropen_reden=d["heropen_reden"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"Casus {casus.nummer} is geopend. De melders hebben terugkoppeling gekregen.")
            return redirect("casussen:detail", pk=casus.pk)
    ids = form["signalen"].value() or ""
    ids = [int(x) for x in str(ids).split(",") if x.strip().isdigit() and 0 < int(x) < 2**62]
    signalen = signalen or list(Signaal.objects.filter(pk__in=ids).only("id", "omschrijving", "status"))
    status = 400 if form.is_bound else 200
    return render(request, "casussen/openen.html", {"form": form, "signalen": signalen}, status=status)


@require_POST
@requires("casus.create")
def signaal_koppelen(request, pk: int):
    """Triage action "toevoegen aan casus" from the signal page."""
    signaal, _decision = fetch(request.user, "signaal.triage", Signaal.objects.all(), pk, object_type="signaal")
    form = f.SignaalKoppelenForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Vul het nummer van de casus in.")
        return redirect("signalen:detail", pk=pk)
    casus = selectors.casus_get(user=request.user, pk=form.cleaned_data["casus"], log=False)
    try:
        services.casus_signaal_toevoegen(
            actor=request.user, casus=casus, signaal=signaal, heropen_reden=form.cleaned_data["heropen_reden"]
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("signalen:detail", pk=pk)
    messages.success(request, f"Signaal {signaal.nummer} is toegevoegd aan casus {casus.nummer}.")
    return redirect("casussen:detail", pk=casus.pk)


# --- The casus page ----------------------------------------------------------------------------


def _context(request, casus, **bound):
    pagina = selectors.casus_pagina(user=request.user, casus=casus)
    plan = pagina.plan
    ctx = {"p": pagina, "casus": casus, "actie_status_keuzes": ActieStatus.choices}
    if pagina.kan_regie:
        quickscan = pagina.quickscan
        ctx.update(
            casus_form=f.CasusForm(
                initial={
                    "versie": casus.versie,
                    "titel": casus.titel,
                    "samenvatting": casus.samenvatting,
                    "regievoerder": casus.regievoerder_id,
                    "bestuur_delen": casus.bestuur_delen,
                    "bestuur_samenvatting": casus.bestuur_samenvatting,
                }
            ),
            fase_form=f.FaseForm(initial={"versie": casus.versie}, fasen=pagina.volgende_fasen),
            deelnemer_form=f.DeelnemerForm(),
            besluit_form=f.BesluitForm(),
            subject_form=f.SubjectForm(),
            uitvraag_form=f.UitvraagForm(casus=casus),
            uitvraag_status_form=f.UitvraagStatusForm(),
            quickscan_form=f.QuickscanForm(
                initial={
                    "versie": quickscan.versie if quickscan else 0,
                    **(
                        {
                            k: getattr(quickscan, k)
                            for k in (
                                "probleemdefinitie",
                                "probleemeigenaar",
                                "partners",
                                "veiligheid",
                                "verbreden",
                                "verbreden_toelichting",
                            )
                        }  # fmt: skip
                        if quickscan
                        else {}
                    ),
                }
            ),
            plan_form=f.PlanForm(
                initial={
                    "versie": plan.versie if plan else 0,
                    "revisie": plan.revisie if plan else 0,
                    **({k: getattr(plan, k) for k in stappen.PLAN_VELDEN} if plan else {}),
                }
            ),
            actie_form=f.ActieForm(casus=casus),
            evaluatie_form=f.EvaluatieForm(casus=casus),
            sjablonen=list(CasusSjabloon.objects.filter(fenomeen_id=casus.fenomeen_id)) if casus.fenomeen_id else [],
        )
    ctx.update({k: v for k, v in bound.items() if v is not None})
    return ctx


def _casus(request, pk: int, log: bool = False):
    return selectors.casus_get(user=request.user, pk=pk, log=log)


@login_required
def detail(request, pk: int):
    casus = _casus(request, pk, log=True)
    return render(request, "casussen/detail.html", _context(request, casus))


def _rerender(request, casus, status: int, message: str = "", **bound):
    if message:
        messages.error(request, message)
    casus.refresh_from_db()
    return render(request, "casussen/detail.html", _context(request, casus, **bound), status=status)


def _handle(request, casus, form, form_name: str, action, success: str, anchor: str = ""):
    """Validate, call the service; on a conflict or an error render the page again with the typed text."""
    if form.is_valid():
        try:
            action(form.cleaned_data)
        except services.ConflictError as exc:
            form.add_error(None, str(exc))
            return _rerender(request, casus, CONFLICT_STATUS, **{form_name: form})
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, success)
            return redirect(f"/casussen/{casus.pk}/{anchor}")
    return _rerender(request, casus, 400, **{form_name: form})


@require_POST
@login_required
def bewerken(request, pk: int):
    casus = _casus(request, pk)
    form = f.CasusForm(request.POST)
    return _handle(
        request,
        casus,
        form,
        "casus_form",
        lambda d: services.casus_bijwerken(
            actor=request.user,
            casus=casus,
            versie=d["versie"],
            titel=d["titel"],
            samenvatting=d["samenvatting"],
            regievoerder=d["regievoerder"],
            bestuur_delen=d["bestuur_delen"],
            bestuur_samenvatting=d["bestuur_samenvatting"],
        ),
        "De casus is bijgewerkt.",
    )


@require_POST
@login_required
def fase(request, pk: int):
    casus = _casus(request, pk)
    form = f.FaseForm(request.POST, fasen=services.toegestane_fasen(casus.fase))
    return _handle(
        request,
        casus,
        form,
        "fase_form",
        lambda d: services.casus_fase_wijzigen(
            actor=request.user,
            casus=casus,
            naar=d["naar"],
            versie=d["versie"],
            reden=d["reden"],
            doorbreken=d["doorbreken"],
        ),
        "De fase is gewijzigd.",
        "#fase",
    )


@require_POST
@login_required
def checklist(request, pk: int):
    casus = _casus(request, pk)
    from schakelpunt.casussen.models import ChecklistItem

    item = ChecklistItem.objects.filter(pk=as_pk(request.POST.get("item")), fase_id=casus.fase_id).first()
    if item is None:
        messages.error(request, "Dit punt hoort niet bij de huidige fase.")
        return redirect("casussen:detail", pk=pk)
    services.checklist_afvinken(actor=request.user, casus=casus, item=item, gedaan=request.POST.get("gedaan") == "1")
    return redirect(f"/casussen/{pk}/#fase")


@require_POST
@login_required
def deelnemer_toevoegen(request, pk: int):
    casus = _casus(request, pk)
    form = f.DeelnemerForm(request.POST)
    return _handle(
        request,
        casus,
        form,
        "deelnemer_form",
        lambda d: services.deelnemer_toevoegen(actor=request.user, casus=casus, user=d["user"], partner=d["partner"]),
        "De deelnemer is uitgenodigd en ziet nu deze casus.",
        "#deelnemers",
    )


@require_POST
@login_required
def deelnemer_verwijderen(request, pk: int, deelnemer: int):
    casus = _casus(request, pk)
    rij = Deelnemer.objects.filter(pk=deelnemer, casus=casus).first()
    if rij is None:
        messages.error(request, "Deze deelnemer hoort niet bij de casus.")
        return redirect("casussen:detail", pk=pk)
    try:
        services.deelnemer_verwijderen(
            actor=request.user, casus=casus, deelnemer=rij, reden=request.POST.get("reden", "")
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, "De deelnemer is verwijderd en heeft direct geen toegang meer.")
    return redirect(f"/casussen/{pk}/#deelnemers")


@require_POST
@login_required
def besluit(request, pk: int):
    casus = _casus(request, pk)
    form = f.BesluitForm(request.POST)
    return _handle(
        request,
        casus,
        form,
        "besluit_form",
        lambda d: services.besluit_vastleggen(actor=request.user, casus=casus, **d),
        "Het besluit is vastgelegd.",
        "#besluiten",
    )


@require_POST
@login_required
def subject_toevoegen(request, pk: int):
    casus = _casus(request, pk)
    form = f.SubjectForm(request.POST)

    def add(d):
        persoon, _ = fetch(request.user, "subject.view", Persoon.objects.all(), d["persoon"], object_type="persoon")
        services.casus_subject_toevoegen(actor=request.user, casus=casus, persoon=persoon)

    return _handle(request, casus, form, "subject_form", add, "De persoon is toegevoegd.", "#subjecten")


@login_required
def tijdlijn(request, pk: int):
    casus = _casus(request, pk, log=True)
    form = f.TijdlijnFilterForm(request.GET or None)
    soort = form.cleaned_data["soort"] if form.is_bound and form.is_valid() else ""
    if request.GET.get("export") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="tijdlijn-{casus.nummer}.csv"'
        writer = csv.writer(response, delimiter=";")
        writer.writerow(["tijdstip", "soort", "gebeurtenis", "door"])
        for g in selectors.tijdlijn_queryset(casus, soort).iterator():
            writer.writerow(
                [
                    timezone.localtime(g.tijdstip).isoformat(),
                    g.get_soort_display(),
                    g.tekst,
                    g.door.display_name() if g.door else "",
                ]
            )
        return response
    result = selectors.tijdlijn(
        user=request.user, casus=casus, soort=soort, page=page_number(request.GET.get("pagina"))
    )
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request, "casussen/tijdlijn.html", {"casus": casus, "page": result, "form": form, "query": query.urlencode()}
    )


# --- Steps 2 to 5 ----------------------------------------------------------------------------------


@require_POST
@login_required
def uitvraag_stellen(request, pk: int):
    casus = _casus(request, pk)
    form = f.UitvraagForm(request.POST, casus=casus)
    return _handle(
        request,
        casus,
        form,
        "uitvraag_form",
        lambda d: stappen.uitvraag_stellen(actor=request.user, casus=casus, **d),
        "De uitvraag is verstuurd.",
        "#uitvraag",
    )


@require_POST
@login_required
def uitvraag_status(request, pk: int, uitvraag: int):
    casus = _casus(request, pk)
    rij = Uitvraag.objects.filter(pk=uitvraag, casus=casus).select_related("casus").first()
    form = f.UitvraagStatusForm(request.POST)
    if rij is None:
        messages.error(request, "Deze uitvraag hoort niet bij de casus.")
        return redirect("casussen:detail", pk=pk)
    return _handle(
        request,
        casus,
        form,
        "uitvraag_status_form",
        lambda d: stappen.uitvraag_status(actor=request.user, uitvraag=rij, **d),
        "De uitvraag is bijgewerkt.",
        "#uitvraag",
    )


@login_required
def mijn_uitvragen(request):
    return render(request, "casussen/uitvragen.html", {"uitvragen": selectors.mijn_uitvragen(user=request.user)})


@login_required
def uitvraag(request, pk: int):
    """The recipient's page: only the question and the subjects it names."""
    item = selectors.uitvraag_get(user=request.user, pk=pk)
    form = f.AntwoordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            stappen.uitvraag_beantwoorden(actor=request.user, uitvraag=item, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Dank je wel, je antwoord is verstuurd naar het meldpunt.")
            return redirect("casussen:uitvraag", pk=pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "casussen/uitvraag.html", {"uitvraag": item, "form": form}, status=status)


@require_POST
@login_required
def quickscan(request, pk: int):
    casus = _casus(request, pk)
    form = f.QuickscanForm(request.POST)
    return _handle(
        request,
        casus,
        form,
        "quickscan_form",
        lambda d: stappen.quickscan_opslaan(actor=request.user, casus=casus, **d),
        "De quickscan is opgeslagen.",
        "#quickscan",
    )


@require_POST
@login_required
def plan(request, pk: int):
    casus = _casus(request, pk)
    form = f.PlanForm(request.POST)
    return _handle(
        request,
        casus,
        form,
        "plan_form",
        lambda d: stappen.plan_opslaan(actor=request.user, casus=casus, **d),
        "Het plan van aanpak is opgeslagen als concept.",
        "#plan",
    )


@require_POST
@login_required
def plan_goedkeuren(request, pk: int, plan: int):
    casus = _casus(request, pk)
    rij = PlanVanAanpak.objects.filter(pk=plan, casus=casus).first()
    if rij is None:
        messages.error(request, "Dit plan hoort niet bij de casus.")
        return redirect("casussen:detail", pk=pk)
    try:
        stappen.plan_goedkeuren(actor=request.user, casus=casus, plan=rij)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Versie {rij.versie} van het plan van aanpak is goedgekeurd.")
    return redirect(f"/casussen/{pk}/#plan")


@login_required
def plan_vergelijken(request, pk: int):
    import difflib

    casus = _casus(request, pk, log=True)
    plannen = list(PlanVanAanpak.objects.filter(casus=casus).order_by("-versie"))
    nieuw = next((p for p in plannen if str(p.versie) == request.GET.get("b")), plannen[0] if plannen else None)
    oud = next((p for p in plannen if str(p.versie) == request.GET.get("a")), None) or next(
        (p for p in plannen if nieuw and p.versie < nieuw.versie), None
    )
    velden = []
    if nieuw and oud:
        for veld in stappen.PLAN_VELDEN:
            label = PlanVanAanpak._meta.get_field(veld).verbose_name
            a, b = getattr(oud, veld).splitlines(), getattr(nieuw, veld).splitlines()
            regels = [r for r in difflib.ndiff(a, b) if not r.startswith("?")]
            velden.append({"label": label, "regels": regels, "gelijk": a == b})
    return render(
        request, "casussen/plan_vergelijken.html", {"casus": casus, "oud": oud, "nieuw": nieuw, "velden": velden}
    )


@require_POST
@login_required
def actie_toevoegen(request, pk: int):
    casus = _casus(request, pk)
    form = f.ActieForm(request.POST, casus=casus)
    return _handle(
        request,
        casus,
        form,
        "actie_form",
        lambda d: stappen.actie_toevoegen(actor=request.user, casus=casus, **d),
        "De actie is toegevoegd.",
        "#acties",
    )


@require_POST
@login_required
def actie_bijwerken(request, pk: int):
    actie, _decision = fetch(
        request.user, "casus.actie.bijwerken", Actie.objects.select_related("casus"), pk, object_type="actie"
    )
    form = f.ActieBijwerkenForm(request.POST)
    casus = actie.casus
    if form.is_valid():
        try:
            stappen.actie_bijwerken(actor=request.user, actie=actie, **form.cleaned_data)
        except services.ConflictError as exc:
            messages.error(request, str(exc))
            form.add_error(None, str(exc))
            return _rerender(request, casus, CONFLICT_STATUS, actie_bewerkt=(actie.pk, form))
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "De actie is bijgewerkt.")
            return redirect(f"/casussen/{casus.pk}/#acties")
    return _rerender(request, casus, 400, actie_bewerkt=(actie.pk, form))


@require_POST
@login_required
def evaluatie(request, pk: int):
    casus = _casus(request, pk)
    form = f.EvaluatieForm(request.POST, casus=casus)
    return _handle(
        request,
        casus,
        form,
        "evaluatie_form",
        lambda d: stappen.evaluatie_vastleggen(actor=request.user, casus=casus, **d),
        "De evaluatie is vastgelegd.",
        "#evaluatie",
    )


@require_POST
@login_required
def sjabloon(request, pk: int):
    casus = _casus(request, pk)
    item = CasusSjabloon.objects.filter(pk=as_pk(request.POST.get("sjabloon")), fenomeen_id=casus.fenomeen_id).first()
    if item is None:
        messages.error(request, "Dit sjabloon past niet bij de casus.")
        return redirect("casussen:detail", pk=pk)
    acties = stappen.sjabloon_toepassen(actor=request.user, casus=casus, sjabloon=item)
    messages.success(request, f"Sjabloon toegepast: {len(acties)} acties toegevoegd. Pas ze aan waar nodig.")
    return redirect(f"/casussen/{pk}/#acties")


@login_required
def dossier(request, pk: int):
    from schakelpunt.casussen.dossier import dossier_pdf

    casus = selectors.casus_get(user=request.user, pk=pk, code="casus.dossier", log=False)
    pdf = dossier_pdf(user=request.user, casus=casus)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="casusdossier-{casus.nummer}.pdf"'
    return response


@requires("casus.bestuur.view")
def bestuur(request):
    return render(request, "casussen/bestuur.html", {"casussen": selectors.bestuur_overzicht(user=request.user)})
