"""JSON API for subjects: `GET /api/v1/personen/{id}` and `GET /api/v1/samenloop`. Same rules as the screens."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions
from rest_framework.decorators import api_view
from rest_framework.response import Response

from schakelpunt.subjecten import selectors
from schakelpunt.subjecten.models import Adres, Persoon, SamenloopAlert


def adres_data(adres: Adres | None) -> dict | None:
    if adres is None:
        return None
    return {
        "id": adres.pk,
        "straat": adres.straat,
        "huisnummer": adres.huisnummer,
        "huisletter": adres.huisletter,
        "toevoeging": adres.toevoeging,
        "postcode": adres.postcode,
        "woonplaats": adres.woonplaats,
        "land": adres.land,
    }


def persoon_data(persoon: Persoon) -> dict:
    geboortedatum = None
    if persoon.geboortejaar:
        parts = [f"{persoon.geboortejaar:04d}"]
        if persoon.geboortemaand:
            parts.append(f"{persoon.geboortemaand:02d}")
            if persoon.geboortedag:
                parts.append(f"{persoon.geboortedag:02d}")
        geboortedatum = "-".join(parts)
    return {
        "id": persoon.pk,
        "voornamen": persoon.voornamen,
        "voorvoegsel": persoon.voorvoegsel,
        "geslachtsnaam": persoon.geslachtsnaam,
        "aliassen": persoon.aliassen,
        "geboortedatum": geboortedatum,
        "geboortedatum_geschat": persoon.geboortedatum_geschat,
        "geslacht": persoon.geslacht or None,
        "bsn": persoon.bsn or None,
        "nationaliteit": persoon.nationaliteit,
        "telefoonnummers": persoon.telefoonnummers,
        "woonadres": adres_data(persoon.woonadres),
        "samengevoegd_in": persoon.samengevoegd_in_id,
    }


@extend_schema(
    summary="Eén persoon, met de signalen die je over hem mag zien (404 voor wie de persoon niet mag zien)",
    description="De aandachtsfunctionaris krijgt alle signaal-ids. Wie alleen inzage in de persoon heeft, "
    "krijgt geen signalen maar wel `samenloop`: bij hoeveel andere afdelingen de persoon bekend is en sinds "
    "wanneer, nooit wat er gemeld is.",
    tags=["subjecten"],
    responses={200: OpenApiTypes.OBJECT},
    operation_id="personen_retrieve",
)
@api_view(["GET"])
def persoon_detail(request, pk: int):
    user = request.user
    persoon = selectors.persoon_get(user=user, pk=pk)
    data = persoon_data(persoon)
    if persoon.bsn:
        # The full BSN is a read of its own, logged like "Toon BSN" on the page.
        data["bsn"] = selectors.persoon_bsn(user=user, persoon=persoon)
    data["signalen"] = [s.pk for s in selectors.persoon_signalen(user=user, persoon=persoon)]
    if not selectors.volledige_inzage(user):
        hit = selectors.samenloop_hit(user=user, persoon=persoon)
        data["samenloop"] = {
            "aantal_andere_afdelingen": hit.aantal_afdelingen,
            "sinds": hit.sinds.strftime("%Y-%m") if hit.sinds else None,
            "tekst": hit.tekst,
        }
    return Response(data)


def _alert_data(alert: SamenloopAlert) -> dict:
    return {
        "id": alert.pk,
        "soort": alert.soort,
        "persoon_id": alert.persoon_id,
        "adres_id": alert.adres_id,
        "leden": [p.pk for p in alert.leden.all()] if alert.soort == SamenloopAlert.Soort.NETWERK else [],
        "afdelingen": sorted(a.naam for a in alert.afdelingen.all()),
        "aantal_signalen": alert.aantal_signalen,
        "aantal_afdelingen": alert.aantal_afdelingen,
        "eerste_signaal_op": alert.eerste_signaal_op.isoformat() if alert.eerste_signaal_op else None,
        "laatste_signaal_op": alert.laatste_signaal_op.isoformat() if alert.laatste_signaal_op else None,
        "status": alert.status,
    }


@extend_schema(
    summary="Open samenloop: signalen van meerdere afdelingen over dezelfde persoon, adres of familie",
    tags=["subjecten"],
    responses={200: OpenApiTypes.OBJECT},
    operation_id="samenloop_list",
)
@api_view(["GET"])
def samenloop(request):
    try:
        alerts = selectors.samenloop_list(user=request.user)
    except PermissionDenied:
        raise exceptions.PermissionDenied("U heeft geen toegang tot samenloop.") from None
    return Response({"resultaten": [_alert_data(a) for a in alerts]})
