"""The inzicht page: the figures of one quarter, chosen from the fixed grid."""

from __future__ import annotations

from django.http import HttpResponseBadRequest
from django.shortcuts import render
from django.utils import timezone

from schakelpunt.access.decorators import requires
from schakelpunt.inzicht import selectors
from schakelpunt.inzicht.grid import Kwartaal, kwartalen


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
