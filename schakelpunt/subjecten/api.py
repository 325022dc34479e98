"""JSON API for subjects: `GET /api/v1/personen/{id}` and `GET /api/v1/samenloop`. Same rules as the screens."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, serializers
from rest_framework.decorators import api_view
from rest_framework.response import Response

from schakelpunt.access.decorators import require
from schakelpunt.api import (
    PAGINA,
    FromContext,
    UtcDateTimeField,
    pagina_response,
    pagina_serializer,
    problems,
    query_pagina,
)
from schakelpunt.signalen.api import GeboortedatumField
from schakelpunt.subjecten import selectors
from schakelpunt.subjecten.models import Persoon, SamenloopAlert


class AdresSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    straat = serializers.CharField()
    huisnummer = serializers.IntegerField(allow_null=True)
    huisletter = serializers.CharField()
    toevoeging = serializers.CharField()
    postcode = serializers.CharField()
    woonplaats = serializers.CharField()
    land = serializers.CharField()


class SamenloopHitSerializer(serializers.Serializer):
    aantal_andere_afdelingen = serializers.IntegerField(source="aantal_afdelingen")
    sinds = serializers.SerializerMethodField(help_text="JJJJ-MM: de maand van het eerste signaal elders.")
    tekst = serializers.CharField()

    def get_sinds(self, hit) -> str | None:
        return hit.sinds.strftime("%Y-%m") if hit.sinds else None


class PersoonSerializer(serializers.Serializer):
    """A person in the register, with the signals about them that the caller may see."""

    id = serializers.IntegerField()
    voornamen = serializers.CharField()
    voorvoegsel = serializers.CharField()
    geslachtsnaam = serializers.CharField()
    aliassen = serializers.ListField(child=serializers.CharField())
    geboortedatum = GeboortedatumField()
    geboortedatum_geschat = serializers.BooleanField()
    geslacht = serializers.CharField(allow_null=True)
    bsn = serializers.CharField(allow_null=True)
    nationaliteit = serializers.CharField()
    telefoonnummers = serializers.ListField(child=serializers.CharField())
    woonadres = AdresSerializer(allow_null=True)
    samengevoegd_in = serializers.IntegerField(
        source="samengevoegd_in_id", allow_null=True, help_text="Id van de persoon waarin deze is opgegaan, of null."
    )
    signalen = serializers.SerializerMethodField(
        help_text="Ids van de signalen over deze persoon die je mag zien; leeg voor wie alleen inzage heeft."
    )
    samenloop = FromContext(
        SamenloopHitSerializer(),
        help_text="Alleen voor wie de persoon niet volledig ziet: bij hoeveel andere afdelingen hij bekend is, "
        "nooit wat er gemeld is.",
    )

    def get_signalen(self, _persoon) -> list[int]:
        return self.context["signalen"]

    def to_representation(self, instance):
        data = super().to_representation(instance)
        data["geslacht"] = data["geslacht"] or None
        data["bsn"] = data["bsn"] or None
        return data


@extend_schema(
    summary="Eén persoon, met de signalen die je over hem mag zien (404 voor wie de persoon niet mag zien)",
    description="De aandachtsfunctionaris krijgt alle signaal-ids. Wie alleen inzage in de persoon heeft, "
    "krijgt geen signalen maar wel `samenloop`: bij hoeveel andere afdelingen de persoon bekend is en sinds "
    "wanneer, nooit wat er gemeld is.",
    tags=["subjecten"],
    responses={200: OpenApiResponse(PersoonSerializer, "De persoon zoals jij hem mag zien.")},
    operation_id="personen_retrieve",
)
@api_view(["GET"])
def persoon_detail(request, pk: int):
    user = request.user
    persoon: Persoon = selectors.persoon_get(user=user, pk=pk)
    context: dict[str, object] = {"signalen": [s.pk for s in selectors.persoon_signalen(user=user, persoon=persoon)]}
    if persoon.bsn:
        # The full BSN is a read of its own, logged like "Toon BSN" on the page.
        selectors.persoon_bsn(user=user, persoon=persoon)
    if not selectors.volledige_inzage(user):
        context["samenloop"] = selectors.samenloop_hit(user=user, persoon=persoon)
    return Response(PersoonSerializer(persoon, context=context).data)


class SamenloopAlertSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    soort = serializers.ChoiceField(choices=SamenloopAlert.Soort.choices)
    persoon_id = serializers.IntegerField(allow_null=True)
    adres_id = serializers.IntegerField(allow_null=True)
    leden = serializers.SerializerMethodField(help_text="Ids van de personen in het familienetwerk (soort netwerk).")
    afdelingen = serializers.SerializerMethodField(help_text="Namen van de afdelingen die meldden.")
    aantal_signalen = serializers.IntegerField()
    aantal_afdelingen = serializers.IntegerField()
    eerste_signaal_op = UtcDateTimeField(allow_null=True)
    laatste_signaal_op = UtcDateTimeField(allow_null=True)
    status = serializers.ChoiceField(choices=SamenloopAlert.Status.choices)

    def get_leden(self, alert: SamenloopAlert) -> list[int]:
        return [p.pk for p in alert.leden.all()] if alert.soort == SamenloopAlert.Soort.NETWERK else []

    def get_afdelingen(self, alert: SamenloopAlert) -> list[str]:
        return sorted(a.naam for a in alert.afdelingen.all())


@extend_schema(
    summary="Open samenloop: signalen van meerdere afdelingen over dezelfde persoon, adres of familie",
    description="Laatst bijgewerkte eerst.",
    tags=["subjecten"],
    parameters=[PAGINA],
    responses={
        200: OpenApiResponse(pagina_serializer(SamenloopAlertSerializer), "Eén pagina open samenloop."),
        **problems(403),
    },
    operation_id="samenloop_list",
)
@api_view(["GET"])
def samenloop(request):
    try:
        # The role first (a refusal is logged), then the query: a wrong ?pagina= never hides a 403.
        require(request.user, "samenloop.view", object_type="samenloop")
        page = selectors.samenloop_page(user=request.user, page=query_pagina(request))
    except PermissionDenied:
        raise exceptions.PermissionDenied("Je hebt geen toegang tot samenloop.") from None
    return pagina_response(page, SamenloopAlertSerializer)
