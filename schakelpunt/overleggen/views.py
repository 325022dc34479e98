"""Screens of casusoverleggen: my meetings, plan, the meeting (each sees their own items), the verslag, the .ics."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from schakelpunt.access.decorators import requires
from schakelpunt.access.policy import fetch
from schakelpunt.casussen.forms import BesluitForm
from schakelpunt.casussen.models import Casus
from schakelpunt.overleggen import ical, selectors, services
from schakelpunt.overleggen.forms import AgendapuntForm, PlanForm, VerslagForm
from schakelpunt.overleggen.models import Agendapunt, Genodigde, Overleg, Verslag
from schakelpunt.ui.forms import add_service_errors

LEZERS = "overleg.view"
MAX_TEKST = 8000  # the notities and wat_speelt_er fields (models)


@requires(LEZERS)
def lijst(request):
    context = {
        "overleggen": selectors.overleg_list(user=request.user),
        "mag_plannen": selectors.mag(request.user, "overleg.plannen", None),
    }
    return render(request, "overleggen/lijst.html", context)


@requires("overleg.plannen")
@require_http_methods(["GET", "POST"])
def plannen(request):
    form = PlanForm(
        request.POST or None, initial={"voorzitter": request.user.username, "notulist": request.user.username}
    )
    if request.method == "POST" and form.is_valid():
        try:
            overleg = services.overleg_plannen(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Het overleg is gepland; voorzitter en notulist hebben een uitnodiging.")
            return redirect("overleggen:detail", pk=overleg.pk)
    return render(request, "overleggen/plannen.html", {"form": form}, status=400 if form.errors else 200)


def _context(request, overleg, *, fouten=None, notities=None):
    user = request.user
    punten = selectors.agendapunten(user=user, overleg=overleg)
    leiden = selectors.mag(user, "overleg.leiden", overleg)
    return {
        "overleg": overleg,
        "punten": [
            (
                p,
                BesluitForm(prefix=f"b{p.pk}", initial={"soort": "melden" if not p.besluit_melden_id else "regie"}),
                (notities or {}).get(p.pk, p.notities),
            )
            for p in punten
        ],
        "leiden": leiden,
        "plannen": selectors.mag(user, "overleg.plannen", overleg),
        "verslag": selectors.mag(user, "verslag.view", overleg),
        "genodigden": overleg.genodigden.filter(verwijderd_op__isnull=True).select_related("user") if leiden else [],
        "open": [(n, items) for n, items in selectors.open_per_punt(overleg) if items] if leiden else [],
        "vastgesteld": Verslag.objects.filter(overleg=overleg, status=Verslag.Status.VASTGESTELD).exists(),
        "agendapunt_form": AgendapuntForm(),
        "fouten": fouten or [],
    }


@requires(LEZERS)
def detail(request, pk: int):
    overleg = selectors.overleg_get(user=request.user, pk=pk)
    return render(request, "overleggen/detail.html", _context(request, overleg))


@require_POST
@requires(LEZERS)
def actie(request, pk: int):
    """Every action on a meeting in one place; each asks its own service (which checks who may)."""
    overleg = selectors.overleg_get(user=request.user, pk=pk)
    wat = request.POST.get("actie", "")
    user = request.user
    notities = {}
    try:
        if wat == "agendapunt":
            form = AgendapuntForm(request.POST)
            if not form.is_valid():
                raise ValidationError([e for errs in form.errors.values() for e in errs])
            casus, _ = fetch(user, "casus.view", Casus.objects.all(), form.cleaned_data["casus"], object_type="casus")
            services.agendapunt_toevoegen(
                actor=user, overleg=overleg, casus=casus, deelnemers=form.cleaned_data["deelnemers"]
            )
            melding = "Agendapunt toegevoegd; nieuwe deelnemers hebben een uitnodiging."
        elif wat == "verwijderen":
            genodigde = Genodigde.objects.filter(overleg=overleg, pk=_int(request.POST.get("genodigde"))).first()
            if genodigde is None:
                raise ValidationError("Die genodigde bestaat niet.")
            services.genodigde_verwijderen(actor=user, overleg=overleg, user=genodigde.user)
            melding = "Genodigde verwijderd; de agenda-uitnodiging is ingetrokken."
        elif wat == "aanwezigheid":
            services.aanwezigheid_vastleggen(
                actor=user, overleg=overleg, aanwezig={_int(v) for v in request.POST.getlist("aanwezig")}
            )
            melding = "Aanwezigheid vastgelegd."
        elif wat == "notities":
            punt = _punt(user, overleg, request.POST.get("punt"))
            notities[punt.pk] = request.POST.get("notities", "")
            if len(notities[punt.pk]) > MAX_TEKST:
                # Never cut typed text silently: say so, and show it again in full.
                raise ValidationError(f"Notities mogen hoogstens {MAX_TEKST} tekens zijn; je tekst staat er nog.")
            services.agendapunt_notuleren(
                actor=user, punt=punt, versie=_int(request.POST.get("versie")), notities=notities[punt.pk]
            )
            melding = "Notities opgeslagen."
        elif wat == "besluit":
            punt = _punt(user, overleg, request.POST.get("punt"))
            form = BesluitForm(request.POST, prefix=f"b{punt.pk}")
            if not form.is_valid():
                raise ValidationError([f"{form.fields[f].label}: {e}" for f, errs in form.errors.items() for e in errs])
            data = {k: v for k, v in form.cleaned_data.items() if v not in (None, "")}
            services.agendapunt_besluit(actor=user, punt=punt, **data)
            melding = "Besluit vastgelegd in de casus."
        elif wat == "wat_speelt_er":
            tekst = request.POST.get("wat_speelt_er", "")
            services.wat_speelt_er_vastleggen(actor=user, overleg=overleg, tekst=tekst)
            melding = "Opgeslagen."
        elif wat == "sluiten":
            services.overleg_sluiten(actor=user, overleg=overleg)
            melding = "Het overleg is gesloten. De uittreksels staan bij de casussen; het verslag is klaar als concept."
        elif wat == "heropenen":
            services.overleg_heropenen(actor=user, overleg=overleg, reden=request.POST.get("reden", ""))
            melding = "Het overleg is heropend."
        elif wat == "annuleren":
            services.overleg_annuleren(actor=user, overleg=overleg)
            melding = "Het overleg is geannuleerd; de genodigden krijgen een afzegging."
        else:
            raise ValidationError("Onbekende actie.")
    except services.ConflictError:
        fouten = ["Iemand anders heeft dit intussen gewijzigd. Je tekst staat er nog; vergelijk en sla opnieuw op."]
        return render(
            request, "overleggen/detail.html", _context(request, overleg, fouten=fouten, notities=notities), status=409
        )
    except ValidationError as exc:
        return render(
            request,
            "overleggen/detail.html",
            _context(request, overleg, fouten=exc.messages, notities=notities),
            status=400,
        )
    except PermissionDenied:
        raise
    messages.success(request, melding)
    return redirect("overleggen:detail", pk=overleg.pk)


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1


def _punt(user, overleg, pk) -> Agendapunt:
    punt, _ = fetch(
        user,
        "agendapunt.view",
        Agendapunt.objects.filter(overleg=overleg).select_related("overleg", "casus"),
        pk,
        object_type="agendapunt",
    )
    return punt


@requires(LEZERS)
def agenda_ics(request, pk: int):
    overleg = selectors.overleg_get(user=request.user, pk=pk)
    method = "CANCEL" if overleg.status == Overleg.Status.GEANNULEERD else "REQUEST"
    response = HttpResponse(ical.ics(overleg, method=method), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="casusoverleg.ics"'
    return response


@requires(LEZERS)
@require_http_methods(["GET", "POST"])
def verslag(request, pk: int):
    overleg, _ = fetch(
        request.user, "verslag.view", Overleg.objects.all(), pk, object_type="overleg", message="Verslag niet gevonden"
    )
    item = Verslag.objects.filter(overleg=overleg).first()
    form = VerslagForm(request.POST or None, initial={"tekst": item.tekst, "versie": item.versie} if item else None)
    status = 200
    if request.method == "POST" and item is not None:
        status = 400
        if form.is_valid():
            try:
                services.verslag_vaststellen(actor=request.user, verslag=item, **form.cleaned_data)
            except services.ConflictError:
                status = 409
                form.add_error(None, "Iemand anders heeft het verslag intussen gewijzigd. Je tekst staat er nog.")
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, "Het verslag is vastgesteld en kan niet meer gewijzigd worden.")
                return redirect("overleggen:verslag", pk=overleg.pk)
    return render(request, "overleggen/verslag.html", {"overleg": overleg, "item": item, "form": form}, status=status)


@requires(LEZERS)
def verslag_pdf(request, pk: int):
    from django.template.loader import render_to_string

    from schakelpunt.ui.pdf import render_pdf

    overleg, _ = fetch(
        request.user, "verslag.view", Overleg.objects.all(), pk, object_type="overleg", message="Verslag niet gevonden"
    )
    item = Verslag.objects.filter(overleg=overleg, status=Verslag.Status.VASTGESTELD).first()
    if item is None:
        from django.http import Http404

        raise Http404("Nog geen vastgesteld verslag")
    pdf = render_pdf(render_to_string("overleggen/verslag_pdf.html", {"overleg": overleg, "item": item}))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="verslag-casusoverleg-{overleg.pk}.pdf"'
    return response
