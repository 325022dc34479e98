"""`GET /api/v1/overleggen`, `GET /api/v1/overleggen/{id}` (only the caller's own items) and `{id}.ics`."""

from __future__ import annotations

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.response import Response

from schakelpunt.access.decorators import require
from schakelpunt.overleggen import ical, selectors
from schakelpunt.overleggen.models import Overleg


class AgendapuntSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    casus = serializers.IntegerField(source="casus_id")
    casus_nummer = serializers.CharField(source="casus.nummer")
    melden = serializers.CharField(source="besluit_melden.besluit", allow_null=True, default=None)
    regie = serializers.CharField(source="besluit_regie.besluit", allow_null=True, default=None)
    vergrendeld = serializers.BooleanField()


class OverlegSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    titel = serializers.CharField()
    soort = serializers.ChoiceField(choices=Overleg.Soort.choices)
    status = serializers.ChoiceField(choices=Overleg.Status.choices)
    begin = serializers.DateTimeField()
    einde = serializers.DateTimeField()


class OverlegDetailSerializer(OverlegSerializer):
    agendapunten = AgendapuntSerializer(many=True, help_text="Alleen de punten waarvoor de aanvrager is uitgenodigd.")


@extend_schema(
    summary="Overleggen waarvoor je bent uitgenodigd",
    tags=["overleggen"],
    responses={200: OverlegSerializer(many=True)},
    operation_id="overleggen_list",
)
@api_view(["GET"])
def overleggen(request):
    require(request.user, "overleg.view", message="Je hebt geen toegang tot casusoverleggen.")
    return Response(OverlegSerializer(selectors.overleg_list(user=request.user), many=True).data)


@extend_schema(
    summary="Eén overleg met alleen je eigen agendapunten (404 voor wie het niet mag zien)",
    tags=["overleggen"],
    responses={200: OverlegDetailSerializer},
    operation_id="overleggen_retrieve",
)
@api_view(["GET"])
def overleg_detail(request, pk: int):
    overleg = selectors.overleg_get(user=request.user, pk=pk)
    data = {
        **{f: getattr(overleg, f) for f in ("id", "titel", "soort", "status", "begin", "einde")},
        "agendapunten": selectors.agendapunten(user=request.user, overleg=overleg),
    }
    return Response(OverlegDetailSerializer(data).data)


@extend_schema(
    summary="Het overleg voor je eigen agenda (iCalendar, neutrale titel)",
    tags=["overleggen"],
    responses={(200, "text/calendar"): OpenApiResponse(OpenApiTypes.BINARY)},
    operation_id="overleggen_ics",
)
@api_view(["GET"])
def overleg_ics(request, pk: int):
    overleg = selectors.overleg_get(user=request.user, pk=pk)
    method = "CANCEL" if overleg.status == Overleg.Status.GEANNULEERD else "REQUEST"
    return HttpResponse(ical.ics(overleg, method=method), content_type="text/calendar; charset=utf-8")
