"""The referral document: exactly the selected fields, never the melder unless they agreed; JSON and PDF.

One function composes the document from a referral's selection; the preview, the JSON, the PDF
and the register of disclosures all come from it, so the partner receives what was previewed.
"""

from __future__ import annotations

import hashlib
import json

from django.template.loader import render_to_string
from django.utils import timezone

from schakelpunt.doormeldingen.constants import PERSOON_VELDEN, SIGNAAL_VELDEN, Markering
from schakelpunt.signalen.models import Signaal
from schakelpunt.subjecten.models import Persoon

MELDER_VELD = "melder"


def kandidaten(*, casus=None, signaal=None) -> tuple[list[Persoon], list[Signaal]]:
    """The persons and signals that may be selected for a referral from this casus or signal."""
    if casus is not None:
        from schakelpunt.casussen.models import CasusSubject

        persoon_ids = CasusSubject.objects.filter(casus=casus, persoon__isnull=False).values_list(
            "persoon_id", flat=True
        )
        signalen = Signaal.objects.filter(casus_koppelingen__casus=casus)
    elif signaal is not None:
        persoon_ids = signaal.subject_koppelingen.exclude(persoon=None).values_list("persoon_id", flat=True)
        signalen = Signaal.objects.filter(pk=signaal.pk)
    else:
        return [], []
    personen = list(Persoon.objects.filter(pk__in=list(persoon_ids)).select_related("woonadres").order_by("pk"))
    return personen, list(signalen.prefetch_related("fenomenen", "indicatoren", "bijlagen").order_by("pk"))


def signaal_velden(signaal: Signaal) -> dict[str, str]:
    """The fields of a signal that can be selected; the melder only where the melder agreed on that signal."""
    velden = dict(SIGNAAL_VELDEN)
    if signaal.identiteit_delen:
        velden[MELDER_VELD] = "Naam van de melder (de melder gaf toestemming)"
    return velden


def _persoon(persoon: Persoon, velden: list[str], ref: str) -> dict:
    item: dict = {"ref": ref}
    if "naam" in velden:
        item["naam"] = persoon.naam
    if "geboortedatum" in velden:
        item["geboortedatum"] = persoon.geboortedatum_tekst
    if "adres" in velden:
        item["adres"] = str(persoon.woonadres) if persoon.woonadres_id else ""
    if "bsn" in velden:
        item["bsn"] = persoon.bsn
    return item


def _signaal(signaal: Signaal, velden: list[str], ref: str, bijlage_ids: set[int]) -> dict:
    item: dict = {"ref": ref}
    if "datum" in velden:
        item["datum"] = timezone.localdate(signaal.ontvangen_op).isoformat()
    if "fenomenen" in velden:
        item["fenomenen"] = [f.naam for f in signaal.fenomenen.all()]
    if "indicatoren" in velden:
        item["indicatoren"] = [i.naam for i in signaal.indicatoren.all()]
    if "omschrijving" in velden:
        item["omschrijving"] = signaal.omschrijving
    if MELDER_VELD in velden and signaal.identiteit_delen:
        item["melder"] = signaal.melder.display_name()
    bijlagen = [b for b in signaal.bijlagen.all() if b.pk in bijlage_ids]
    if bijlagen:
        # Neutral names: an original file name can name the melder or their department.
        item["bijlagen"] = [
            {"naam": f"{ref}-bijlage-{i}", "type": b.content_type, "grootte": b.grootte}
            for i, b in enumerate(bijlagen, start=1)
        ]
    return item


def opstellen(doormelding) -> dict:
    """The document as the partner receives it, from the referral's selection."""
    selectie = doormelding.selectie or {}
    personen_sel = {int(k): v for k, v in (selectie.get("personen") or {}).items()}
    signalen_sel = {int(k): v for k, v in (selectie.get("signalen") or {}).items()}
    bijlage_ids = {int(b) for b in selectie.get("bijlagen") or []}
    personen = Persoon.objects.filter(pk__in=personen_sel).select_related("woonadres").order_by("pk")
    signalen = (
        Signaal.objects.filter(pk__in=signalen_sel)
        .select_related("melder")
        .prefetch_related("fenomenen", "indicatoren", "bijlagen")
        .order_by("pk")
    )
    return {
        "nummer": doormelding.nummer,
        "afzender": "Meldpunt van de gemeente (Schakelpunt)",
        "ontvanger": doormelding.partner.naam,
        "markering": {
            "tlp": doormelding.markering,
            "uitleg": str(Markering(doormelding.markering).label),
            "bron_niet_noemen": doormelding.bron_niet_noemen,
            "toegestaan_gebruik": doormelding.toegestaan_gebruik,
            "geldig_tot": doormelding.geldig_tot.isoformat(),
        },
        "grondslag": {"naam": doormelding.grondslag.naam, "artikel": doormelding.grondslag.artikel},
        "verwerking": doormelding.verwerking,
        "reden": doormelding.reden,
        "personen": [_persoon(p, personen_sel[p.pk], f"P{i}") for i, p in enumerate(personen, start=1)],
        "signalen": [_signaal(s, signalen_sel[s.pk], f"S{i}", bijlage_ids) for i, s in enumerate(signalen, start=1)],
    }


def canoniek(document: dict) -> bytes:
    return json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def document_hash(document: dict) -> str:
    return hashlib.sha256(canoniek(document)).hexdigest()


def pdf(document: dict) -> bytes:
    """The document as a tagged PDF through the application's one PDF mechanism."""
    from schakelpunt.ui.pdf import render_pdf

    labels = {"persoon": PERSOON_VELDEN, "signaal": SIGNAAL_VELDEN}
    return render_pdf(render_to_string("doormeldingen/document.html", {"d": document, "labels": labels}))
