"""HTML views of the subjecten app: thin, they call services and selectors and render.

The subject page (``persoon``) shows the meldpunt everything about a person it may see: data, the
departments and samenloop, the signals, the network view (laid out in ``netwerkbeeld``, expandable step
by step through ``persoon_netwerk`` with htmx, and as tables), a timeline, and the forms to record a
relation or grant a colleague sight. Someone with only a grant sees the person and the hit, no content.
"""

from __future__ import annotations

from collections import Counter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from schakelpunt.access.decorators import require, requires
from schakelpunt.access.policy import NotFound, decide, fetch, verify
from schakelpunt.casussen.selectors import casussen_van_persoon
from schakelpunt.doormeldingen.selectors import verstrekking_list
from schakelpunt.signalen.constants import Rol as BetrokkeneRol
from schakelpunt.subjecten import netwerkbeeld, samenloop_combineren, selectors, services
from schakelpunt.subjecten.forms import (
    AfhandelenForm,
    BeoordelingForm,
    CombinerenForm,
    InzageForm,
    RedenForm,
    RelatieForm,
)
from schakelpunt.subjecten.models import (
    Bron,
    MogelijkeMatch,
    Organisatie,
    Persoon,
    SamenloopAlert,
    Samenvoeging,
)
from schakelpunt.subjecten.soorten import SubjectSoort
from schakelpunt.ui.forms import add_service_errors


def _fouten(exc: ValidationError) -> str:
    return " ".join(exc.messages)


STAPPEN = (1, 2, 3)
MAX_KNOPEN_BEELD = 150


def _stappen(request) -> int:
    try:
        return max(1, min(int(request.GET.get("stappen", "1")), STAPPEN[-1]))
    except ValueError:
        return 1


def _netwerk_context(request, p, stappen: int) -> dict:
    """The network view: layout, the two tables and a one-line summary (also announced after an update)."""
    beeld = selectors.persoon_netwerk_beeld(user=request.user, persoon=p, stappen=stappen, max_knopen=MAX_KNOPEN_BEELD)
    knopen, verbindingen = beeld.netwerk.knopen, beeld.netwerk.verbindingen
    tekening = netwerkbeeld.teken(knopen, verbindingen, beeld.afstanden, beeld.objecten)
    per_id = {k.id: k for k in knopen}
    knoop_rijen = [
        {
            "knoop": k,
            "soort": SubjectSoort(k.soort).label,
            "afstand": beeld.afstanden.get(k.id, 0),
            "link": k.soort == "persoon" and not k.start,
        }
        for k in sorted(
            knopen,
            key=lambda k: (beeld.afstanden.get(k.id, 0), SubjectSoort(k.soort).volgorde, k.label.lower(), k.pk),
        )
    ]
    relatie_rijen = [
        {
            "van": per_id[v.van],
            "naar": per_id[v.naar],
            "label": v.label,
            "periode": netwerkbeeld.periode(v),
            "bron": Bron(v.bron).label if v.bron in Bron.values else v.bron,
        }
        for v in verbindingen
    ]
    tellingen = Counter(k.soort for k in knopen if not k.start)
    delen = [
        SubjectSoort(soort).aantal(n)
        for soort, n in sorted(tellingen.items(), key=lambda item: SubjectSoort(item[0]).volgorde)
    ]
    stap_tekst = "1 stap" if beeld.stappen == 1 else f"{beeld.stappen} stappen"
    if delen:
        samenvatting = (
            f"Netwerk tot {stap_tekst}: {', '.join(delen)} en {len(verbindingen)} "
            f"{'relatie' if len(verbindingen) == 1 else 'relaties'}."
        )
    else:
        samenvatting = f"Netwerk tot {stap_tekst}: er zijn geen relaties van deze persoon bekend."
    return {
        "beeld": beeld,
        "tekening": tekening,
        "knoop_rijen": knoop_rijen,
        "relatie_rijen": relatie_rijen,
        "samenvatting": samenvatting,
        "stappen_keuzes": STAPPEN,
        "max_knopen": MAX_KNOPEN_BEELD,
    }


def _persoon_pagina(request, p, *, toon_bsn=False, relatie_form=None, inzage_form=None, status=200):
    """The subject page. The meldpunt sees everything; someone with a grant the person and the hit only."""
    user = request.user
    volledig = selectors.volledige_inzage(user)
    context = {
        "persoon": p,
        "volledig": volledig,
        "bsn": selectors.persoon_bsn(user=user, persoon=p) if toon_bsn and p.bsn else "",
        "mag_combineren": bool(decide(user, "subject.combineren.vragen", p)),
        "combineren_form": CombinerenForm(),
    }
    if not volledig:
        context["hit"] = selectors.samenloop_hit(user=user, persoon=p)
        return render(request, "subjecten/persoon.html", context, status=status)

    signalen = selectors.persoon_signalen(user=user, persoon=p)
    for signaal in signalen:
        signaal.rol_labels = [BetrokkeneRol(r).label if r in BetrokkeneRol.values else r for r in signaal.rollen]
    samenvoegingen = selectors.persoon_samenvoegingen(user=user, persoon=p)
    samenloop = selectors.persoon_samenloop(user=user, persoon=p)
    netwerk = _netwerk_context(request, p, _stappen(request))
    afdelingen = Counter(s.afdeling.naam for s in signalen if s.afdeling_id)
    # A merged person is only a record of the merge: relations and grants go to the surviving one.
    kan_relatie = p.actief and bool(decide(user, "subject.relatie.beheren", p))
    kan_inzage = p.actief and bool(decide(user, "subject.inzage.verlenen", p))
    if kan_relatie and relatie_form is None:
        relatie_form = RelatieForm(prefix="relatie", persoon=p)
    if relatie_form is not None:
        relatie_form.kandidaten_zetten(
            selectors.relatie_kandidaten(user=user, persoon=p, netwerk=netwerk["beeld"].netwerk, signalen=signalen)
        )
    if kan_inzage and inzage_form is None:
        inzage_form = InzageForm(prefix="inzage", collegas=selectors.inzage_collegas(user=user))
    context.update(
        netwerk,
        signalen=signalen,
        afdelingen=sorted(afdelingen.items()),
        samenloop=samenloop,
        open_samenloop=[a for a in samenloop if a.status == SamenloopAlert.Status.OPEN],
        tijdlijn=selectors.persoon_tijdlijn(
            user=user, persoon=p, signalen=signalen, samenvoegingen=samenvoegingen, samenloop=samenloop
        ),
        samenvoegingen=samenvoegingen,
        reden_form=RedenForm(),
        relatie_form=relatie_form if kan_relatie else None,
        inzage_form=inzage_form if kan_inzage else None,
        inzagen=selectors.persoon_inzagen(user=user, persoon=p) if kan_inzage else [],
        casussen=casussen_van_persoon(user=user, persoon=p),
        verstrekkingen=verstrekking_list(user=user, persoon=str(p.pk)),
        mag_verstrekkingen=bool(decide(user, "verstrekking.view")),
    )
    return render(request, "subjecten/persoon.html", context, status=status)


@requires("subject.inzage.mijn")
def mijn_personen(request):
    """The persons a colleague was given sight of (a grant), each a link to the person."""
    return render(request, "subjecten/mijn_personen.html", {"inzagen": selectors.mijn_personen(user=request.user)})


@login_required
def persoon(request, pk: int):
    """One person: 404 for everyone who may not see it (a melder never learns that it exists)."""
    return _persoon_pagina(request, selectors.persoon_get(user=request.user, pk=pk))


@login_required
def persoon_netwerk(request, pk: int):
    """htmx: the network view for another number of steps (the full page does the same with ?stappen=N)."""
    p = selectors.persoon_get(user=request.user, pk=pk)
    context = _netwerk_context(request, p, _stappen(request))
    context.update(persoon=p, oob=True)
    return render(request, "subjecten/_netwerk.html", context)


@login_required
def persoon_bsn(request, pk: int):
    """The full BSN on request, logged as its own read: a fragment for htmx, else the page with the BSN shown."""
    p = selectors.persoon_get(user=request.user, pk=pk)
    if not p.bsn:
        raise NotFound("Geen BSN bekend")
    if request.htmx:
        bsn = selectors.persoon_bsn(user=request.user, persoon=p)
        return render(request, "subjecten/_bsn.html", {"persoon": p, "bsn": bsn})
    return _persoon_pagina(request, p, toon_bsn=True)


@require_POST
@login_required
def persoon_relatie(request, pk: int):
    """Record a relation of this person with one other subject (aandachtsfunctionaris)."""
    p = selectors.persoon_get(user=request.user, pk=pk)
    require(request.user, "subject.relatie.beheren", p, object_type="persoon")
    form = RelatieForm(request.POST, prefix="relatie", persoon=p)
    if form.is_valid():
        data = form.cleaned_data
        veld = "persoonsnummer" if data["persoonsnummer"] else "kenteken" if data["kenteken"] else "subject"
        try:
            ander = selectors.relatie_subject(
                user=request.user,
                sleutel=data["subject"],
                persoonsnummer=data["persoonsnummer"],
                kenteken=data["kenteken"],
            )
            if data["richting"] == "naar" and not isinstance(ander, Persoon | Organisatie):
                raise ValidationError(
                    {
                        "richting": "Een adres, voertuig of telefoonnummer staat altijd aan het eind van een "
                        "relatie: kies de eerste richting."
                    }
                )
            van, naar = (p, ander) if data["richting"] == "van" else (ander, p)
            relatie = services.relatie_create(
                actor=request.user,
                soort=data["soort"],
                van=van,
                naar=naar,
                geldig_van=data["geldig_van"],
                geldig_tot=data["geldig_tot"],
                toelichting=data["toelichting"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc, rename={"naar": veld, "van": "richting"})
        else:
            messages.success(request, f"Relatie vastgelegd: {relatie}.")
            return redirect(reverse("subjecten:persoon", args=[p.pk]) + "#netwerk-titel")
    return _persoon_pagina(request, p, relatie_form=form, status=400)


@require_POST
@login_required
def persoon_inzage(request, pk: int):
    """Let a colleague see this person (the data and the hit, never the signals)."""
    p = selectors.persoon_get(user=request.user, pk=pk)
    require(request.user, "subject.inzage.verlenen", p, object_type="persoon")
    form = InzageForm(request.POST, prefix="inzage", collegas=selectors.inzage_collegas(user=request.user))
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.subject_inzage_verlenen(
                actor=request.user,
                user=data["collega"],
                persoon=p,
                reden=data["reden"],
                geldig_tot=data["geldig_tot"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                f"{data['collega'].display_name()} mag deze persoon nu zien: de gegevens en dat andere afdelingen "
                "de persoon kennen, niet de signalen.",
            )
            return redirect(reverse("subjecten:persoon", args=[p.pk]) + "#inzage-titel")
    return _persoon_pagina(request, p, inzage_form=form, status=400)


@require_POST
@login_required
def combineren(request, pk: int):
    p = selectors.persoon_get(user=request.user, pk=pk)
    verify(request.user, "subject.combineren.vragen", p, object_type="persoon", message="Persoon niet gevonden")
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
    match, _decision = fetch(
        request.user, "subject.match.beoordelen", MogelijkeMatch.objects.all(), pk, object_type="mogelijke_match"
    )
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
    # Each alert links to its signals and, for an address, to the persons known there.
    samenloop_combineren.verrijk(alerts)
    return render(request, "subjecten/samenloop.html", {"alerts": alerts, "form": AfhandelenForm()})


@require_POST
@requires("samenloop.afhandelen")
def samenloop_samen_oppakken(request, pk: int):
    alert, _decision = fetch(
        request.user, "samenloop.afhandelen", SamenloopAlert.objects.all(), pk, object_type="samenloop"
    )
    try:
        stappen = samenloop_combineren.samenloop_combineren(
            actor=request.user, alert=alert, rationale=request.POST.get("rationale", "")
        )
    except ValidationError as exc:
        messages.error(request, _fouten(exc))
    else:
        messages.success(
            request, f"{len(stappen)} signaal/signalen samen in behandeling genomen; de melders hebben bericht."
        )
    return redirect("subjecten:samenloop")


@require_POST
@requires("samenloop.afhandelen")
def samenloop_afhandelen(request, pk: int):
    alert, _decision = fetch(
        request.user, "samenloop.afhandelen", SamenloopAlert.objects.all(), pk, object_type="samenloop"
    )
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
    record, _decision = fetch(
        request.user,
        "subject.match.beoordelen",
        Samenvoeging.objects.select_related("bron", "doel"),
        pk,
        object_type="samenvoeging",
        about=lambda s: s.doel,
    )
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
