"""`GET /api/v1/inzicht/signalen?kwartaal=2026-K3`: the same protected figures as the page, for a BI tool."""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, serializers
from rest_framework.decorators import api_view
from rest_framework.response import Response

from schakelpunt.api import problems, query_value
from schakelpunt.inzicht import selectors
from schakelpunt.inzicht.grid import Kwartaal, kwartalen


class TabelSerializer(serializers.Serializer):
    rijen = serializers.ListField(child=serializers.CharField())
    kolommen = serializers.ListField(
        child=serializers.CharField(), help_text="De maanden van het kwartaal; bij doormeldingen de standen."
    )
    cellen = serializers.ListField(
        child=serializers.ListField(child=serializers.IntegerField(allow_null=True)),
        help_text="Per rij de aantallen per kolom; null is afgeschermd.",
    )
    rijtotalen = serializers.ListField(
        child=serializers.IntegerField(allow_null=True),
        help_text="Totaal per rij; null als afgeschermd of als de rijen overlappen (zie sommen).",
    )
    kolomtotalen = serializers.ListField(child=serializers.IntegerField(allow_null=True))
    totaal = serializers.IntegerField(allow_null=True)
    drempel = serializers.IntegerField(help_text="Aantallen onder deze drempel worden afgeschermd.")


class FiguurSerializer(serializers.Serializer):
    code = serializers.CharField(
        help_text="fenomeen, afdeling, personen, triage, terugkoppeling, samenloop, casusfase, doorlooptijd, "
        "doormelding, adviesvraag of adviesvraagsignaal."
    )
    titel = serializers.CharField()
    uitleg = serializers.CharField()
    rijkop = serializers.CharField(help_text="Waar de rijen voor staan.")
    sommen = serializers.BooleanField(help_text="false: de rijen overlappen, er zijn geen rij- en eindtotalen.")
    tabel = TabelSerializer()


class InzichtSerializer(serializers.Serializer):
    kwartaal = serializers.CharField(help_text="Het kwartaal, bijvoorbeeld 2026-K3.")
    figuren = FiguurSerializer(many=True)


@extend_schema(
    summary="Cijfers van één kwartaal, zonder persoonsgegevens",
    description="Alleen hele kwartalen (de laatste acht); kleine aantallen en wat ze zou verraden zijn null.",
    tags=["inzicht"],
    parameters=[
        OpenApiParameter(
            "kwartaal",
            {"type": "string", "pattern": r"^[0-9]{4}-K[1-4]$"},
            description="Een van de laatste acht kwartalen, bijvoorbeeld 2026-K3; standaard het huidige.",
        )
    ],
    responses={200: OpenApiResponse(InzichtSerializer, "De cijfers van het kwartaal."), **problems(400, 403)},
    operation_id="inzicht_signalen",
)
@api_view(["GET"])
def signalen(request):
    keuzes = kwartalen(timezone.localdate())
    code = query_value(request, "kwartaal")
    kwartaal = Kwartaal.parse(code) if code is not None else keuzes[0]
    if kwartaal is None or kwartaal not in keuzes:
        raise exceptions.ValidationError(
            {"kwartaal": ["Kies een van de laatste acht kwartalen, bijvoorbeeld 2026-K3."]}
        )
    figuren = selectors.inzicht_kwartaal(user=request.user, kwartaal=kwartaal)
    return Response(InzichtSerializer({"kwartaal": kwartaal.code, "figuren": figuren}).data)
