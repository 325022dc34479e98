"""`GET /api/v1/fenomenen` and `GET /api/v1/indicatoren`: the taxonomy for other systems."""

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.response import Response

from schakelpunt.api import query_bool
from schakelpunt.taxonomie import selectors
from schakelpunt.taxonomie.models import Fenomeen, Indicator

ALLE = OpenApiParameter(
    "alle",
    OpenApiTypes.BOOL,
    OpenApiParameter.QUERY,
    required=False,
    description="`true` (of `1`) om ook uitgezette items te tonen. Standaard alleen actieve; uitgezette codes "
    "blijven geldig op bestaande signalen.",
)


class FenomeenSerializer(serializers.ModelSerializer):
    vragen = serializers.ListField(child=serializers.CharField(), help_text="Vragen die je kunt stellen.")
    # A field named like Field.parent: DRF's metaclass moves declared fields off the class, so no clash at run time.
    parent: serializers.SlugRelatedField[Fenomeen] = serializers.SlugRelatedField(  # type: ignore[assignment]
        slug_field="code", read_only=True, allow_null=True, help_text="Code van het fenomeen waar dit onder valt."
    )

    class Meta:
        model = Fenomeen
        fields = ["code", "naam", "toelichting", "vragen", "meldroute", "actief", "parent"]


class IndicatorSerializer(serializers.ModelSerializer):
    vragen = serializers.ListField(child=serializers.CharField(), help_text="Vragen die je kunt stellen.")
    levensdomein: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="code", read_only=True, help_text="Code van het levensdomein."
    )
    levensdomein_naam = serializers.CharField(source="levensdomein.naam", read_only=True)
    fenomenen: serializers.SlugRelatedField[Fenomeen] = serializers.SlugRelatedField(
        slug_field="code",
        many=True,
        read_only=True,
        help_text="Codes van de fenomenen waar de indicator bij kan horen.",
    )

    class Meta:
        model = Indicator
        fields = ["code", "naam", "toelichting", "vragen", "actief", "levensdomein", "levensdomein_naam", "fenomenen"]


@extend_schema(
    responses=OpenApiResponse(FenomeenSerializer(many=True), "De fenomenen, alle in één antwoord."),
    parameters=[ALLE],
    summary="Fenomenen",
    description="Alle fenomenen (soorten criminaliteit) met code en naam.",
    tags=["taxonomie"],
)
@api_view(["GET"])
def fenomenen(request):
    items = selectors.fenomeen_list(alle=query_bool(request, "alle"))
    return Response(FenomeenSerializer(items, many=True).data)


@extend_schema(
    responses=OpenApiResponse(IndicatorSerializer(many=True), "De indicatoren, alle in één antwoord."),
    parameters=[ALLE],
    summary="Indicatoren",
    description="Alle indicatoren met code, naam en levensdomein.",
    tags=["taxonomie"],
)
@api_view(["GET"])
def indicatoren(request):
    items = selectors.indicator_list(alle=query_bool(request, "alle"))
    return Response(IndicatorSerializer(items, many=True).data)
