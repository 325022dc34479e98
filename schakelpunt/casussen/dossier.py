"""The casusdossier: the whole casus as one tagged, accessible PDF (PDF/UA-1) through WeasyPrint.

The dossier is rendered from an HTML template with the same selector the casus page uses, so
it holds what the user may see. It never holds a melder's identity (the signals are shown
without melder or department), and it states what was left out for need to know.
See docs/adr/0008-pdf.md for why WeasyPrint.
"""

from __future__ import annotations

from pathlib import Path

from django.template.loader import render_to_string
from django.utils import timezone

from schakelpunt.access.policy import decide
from schakelpunt.audit.models import Action
from schakelpunt.audit.services import log_access
from schakelpunt.casussen import selectors
from schakelpunt.casussen.services import casus_log_keys
from schakelpunt.ui.pdf import render_pdf

WEGGELATEN = [
    "De identiteit en de afdeling van de melders: die deelt het meldpunt niet.",
    "Wat over deze personen buiten de casus gemeld is: alleen dat zij elders bekend zijn.",
    "Bijlagen bij signalen: die staan in Schakelpunt en worden niet meegeleverd.",
]


STYLESHEET = Path(__file__).resolve().parent / "static" / "casussen" / "dossier.css"


def dossier_pdf(*, user, casus) -> bytes:
    """The casusdossier for `user` (who passed `casus.dossier`); the export is logged per person concerned."""
    pagina = selectors.casus_pagina(user=user, casus=casus)
    html = render_to_string(
        "casussen/dossier.html",
        {"p": pagina, "casus": casus, "weggelaten": WEGGELATEN, "gemaakt_op": timezone.now(), "door": user},
    )
    pdf = render_pdf(html, stylesheet=STYLESHEET)
    log_access(
        actor=user,
        decision=decide(user, "casus.dossier", casus),
        actie=Action.EXPORT,
        object_type="casus",
        object_id=casus.pk,
        betrokkenen=casus_log_keys(casus.pk),
        toelichting="casusdossier (PDF)",
    )
    return pdf
