"""The inzicht page: the figures of one quarter, chosen from the fixed grid."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from schakelpunt.access.decorators import requires
from schakelpunt.access.policy import decide, fetch
from schakelpunt.inzicht import selectors, services
from schakelpunt.inzicht.forms import ModuleForm, TrendnotitieForm, ZelftoetsForm
from schakelpunt.inzicht.grid import Kwartaal, kwartalen
from schakelpunt.inzicht.models import Module, Trendnotitie, TrendVolger
from schakelpunt.ui.forms import add_service_errors


def staven(figuur: selectors.Figuur) -> list[dict]:
    """Bars for the chart: the row totals, scaled to 100; a suppressed total has no bar."""
    tabel = figuur.tabel
    hoogste = max([t for t in tabel.rijtotalen if t] or [1])
    return [
        {"label": label, "waarde": totaal, "breedte": round(80 * totaal / hoogste) if totaal else 0, "y": i * 10}
        for i, (label, totaal) in enumerate(zip(tabel.rijen, tabel.rijtotalen, strict=True))
    ]


@requires("inzicht.view")
def dashboard(request):
    keuzes = kwartalen(timezone.localdate())
    code = request.GET.get("kwartaal")
    kwartaal = Kwartaal.parse(code) if code else keuzes[0]
    if kwartaal is None or kwartaal not in keuzes:
        context = {"keuzes": keuzes, "fout": "Kies een kwartaal uit de lijst.", "kwartaal": keuzes[0]}
        return render(request, "inzicht/dashboard.html", context, status=HttpResponseBadRequest.status_code)
    figuren = selectors.inzicht_kwartaal(user=request.user, kwartaal=kwartaal)
    context = {
        "keuzes": keuzes,
        "kwartaal": kwartaal,
        "figuren": [
            {"figuur": f, "staven": staven(f) if f.code != "personen" else None, "hoogte": 10 * len(f.tabel.rijen)}
            for f in figuren
        ],
        "drempel": figuren[0].tabel.drempel,
    }
    return render(request, "inzicht/dashboard.html", context)


# --- Wat speelt er ------------------------------------------------------------------------------


@requires("trendnotitie.view")
def trends(request):
    notities = selectors.trendnotities_actueel(user=request.user)
    vorige = services.trends_gezien(actor=request.user)
    volger = TrendVolger.objects.filter(user=request.user).first()
    context = {
        "notities": [(n, vorige is None or n.gepubliceerd_op > vorige) for n in notities],
        "digest": bool(volger and volger.digest),
        "mag_schrijven": bool(decide(request.user, "trendnotitie.beheren")),
    }
    return render(request, "inzicht/trends.html", context)


@require_POST
@requires("trendnotitie.view")
def trend_digest(request):
    aan = request.POST.get("digest") == "aan"
    services.trend_digest_zetten(actor=request.user, aan=aan)
    messages.success(
        request,
        "Je krijgt elke maand een overzicht per e-mail." if aan else "Je krijgt geen overzicht meer per e-mail.",
    )
    return redirect("inzicht:trends")


def _trend_form_view(request, notitie=None):
    initial = {}
    if notitie is not None:
        initial = {
            "titel": notitie.titel,
            "tekst": notitie.tekst,
            "actueel_tot": notitie.actueel_tot,
            "bron": notitie.bron,
            "fenomenen": list(notitie.fenomenen.all()),
            "indicatoren": list(notitie.indicatoren.all()),
            "versie": notitie.versie,
        }
    form = TrendnotitieForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            kwargs = {k: data[k] for k in ("titel", "tekst", "actueel_tot", "fenomenen", "indicatoren", "bron")}
            try:
                if notitie is None:
                    services.trendnotitie_create(actor=request.user, **kwargs)
                else:
                    services.trendnotitie_update(
                        actor=request.user, notitie=notitie, versie=data["versie"] or 0, **kwargs
                    )
            except ValidationError as exc:
                add_service_errors(form, exc)
            except services.ConflictError:
                status = 409
                form.add_error(
                    None,
                    "Iemand anders heeft deze notitie intussen gewijzigd. Je tekst staat hieronder nog; "
                    "vergelijk met de huidige versie en sla opnieuw op.",
                )
                notitie.refresh_from_db()
                form.data = form.data.copy()
                form.data["versie"] = notitie.versie
            else:
                messages.success(request, "De trendnotitie is gepubliceerd.")
                return redirect("inzicht:trends")
    context = {"form": form, "notitie": notitie}
    return render(request, "inzicht/trend_form.html", context, status=status)


@requires("trendnotitie.beheren")
def trend_nieuw(request):
    return _trend_form_view(request)


@requires("trendnotitie.beheren")
def trend_bewerken(request, pk: int):
    notitie, _decision = fetch(
        request.user, "trendnotitie.beheren", Trendnotitie.objects.all(), pk, object_type="trendnotitie"
    )
    return _trend_form_view(request, notitie)


# --- Leerlijn -----------------------------------------------------------------------------------


@requires("leerlijn.volgen")
def leerlijn(request):
    standen, volgende = selectors.leerlijn_overzicht(user=request.user)
    context = {"standen": standen, "volgende": volgende, "klaar": sum(1 for s in standen if s.afgerond)}
    return render(request, "inzicht/leerlijn.html", context)


@requires("leerlijn.volgen")
def module(request, slug: str):
    item = Module.objects.filter(slug=slug, actief=True).prefetch_related("vragen", "indicatoren").first()
    if item is None:
        raise Http404("Module niet gevonden")
    form = ZelftoetsForm(request.POST or None, module=item)
    uitslag = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            uitslag = services.module_antwoorden(actor=request.user, module=item, antwoorden=form.antwoorden())
        else:
            status = 400
    standen, volgende = selectors.leerlijn_overzicht(user=request.user)
    context = {
        "module": item,
        "alineas": [a.strip() for a in item.inhoud.split("\n\n") if a.strip()],
        "form": form,
        "uitslag": uitslag,
        "vragen": [(v, form[f"vraag_{v.pk}"], (uitslag or {}).get(v.pk)) for v in form.vragen],
        "alles_goed": bool(uitslag) and all(uitslag.values()),
        "volgende": volgende if volgende != item else None,
    }
    return render(request, "inzicht/module.html", context, status=status)


@requires("leerlijn.beheren")
def leerlijn_beheer(request):
    context = {"modules": Module.objects.all(), "deelname": selectors.deelname_per_afdeling(user=request.user)}
    return render(request, "inzicht/leerlijn_beheer.html", context)


@requires("leerlijn.beheren")
def module_bewerken(request, slug: str):
    item = Module.objects.filter(slug=slug).first()
    if item is None:
        raise Http404("Module niet gevonden")
    initial = {f: getattr(item, f) for f in ("titel", "samenvatting", "inhoud", "oefencasus", "actief", "versie")}
    form = ModuleForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.module_update(actor=request.user, module=item, **data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            except services.ConflictError:
                status = 409
                form.add_error(
                    None,
                    "Iemand anders heeft deze module intussen gewijzigd. Je tekst staat hieronder nog; "
                    "vergelijk met de huidige versie en sla opnieuw op.",
                )
                item.refresh_from_db()
                form.data = form.data.copy()
                form.data["versie"] = item.versie
            else:
                messages.success(request, f"Module '{item.titel}' is opgeslagen.")
                return redirect("inzicht:leerlijn_beheer")
    return render(request, "inzicht/module_form.html", {"form": form, "module": item}, status=status)
